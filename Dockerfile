# Multi-stage build: JDK 17 + Maven + Node 20 build the IG and the server; a JRE runs it.
# (the same toolchain as a developer machine: Debian 12, OpenJDK 17, Maven 3.8, Node 20)
FROM node:20-bookworm AS build
RUN apt-get update \
    && apt-get install -y --no-install-recommends openjdk-17-jdk-headless maven \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY pom.xml .
COPY ig ig
COPY src src
RUN mvn -B -q package -DskipTests

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 lungcare
COPY --from=build /src/target/lungcare-fhir-*.jar /app/lungcare-fhir.jar
USER lungcare
EXPOSE 8080
ENV SERVER_ADDRESS=0.0.0.0 \
    SPRING_PROFILES_ACTIVE=postgres \
    JAVA_TOOL_OPTIONS="-XX:+UseSerialGC -Xms960m -Xmx960m -Xmn416m -XX:SurvivorRatio=4 -XX:InlineSmallCode=1000 -XX:-DontCompileHugeMethods"
ENTRYPOINT ["java", "-jar", "/app/lungcare-fhir.jar"]
