package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.TestData;
import be.lungcare.fhir.benchmark.Latencies;
import be.lungcare.fhir.benchmark.ServerProcess;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Delivery latency of subscriptions, with the production settings (matching pass every second): the packaged server
 * on PostgreSQL, one criteria subscription (resource PUT) and one topic subscription (notification bundle) to a local
 * receiver; CAT scores written one after the other at about 10 per second. Latency is from the write's answer to the
 * notification's arrival.
 * <p>
 * {@code mvn -Pbenchmark-subscriptions -DskipTests verify} (docs/subscriptions.md).
 */
public final class SubscriptionBenchmark {

	private static final IParser PARSER = FhirContext.forR4Cached().newJsonParser();

	public static void main(String[] args) {
		try {
			run();
			System.exit(0);
		} catch (Exception | Error e) {
			e.printStackTrace();
			System.exit(1);
		}
	}

	private static void run() throws Exception {
		int writes = Integer.getInteger("subscriptions.writes", 300);
		List<String> jvmArgs = Arrays.stream(System.getProperty("subscriptions.jvmArgs", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
		Path out = Files.createDirectories(Path.of("target", "benchmark-subscriptions"));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		Map<String, Object> result = new LinkedHashMap<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setOutputRedirector(ProcessBuilder.Redirect.to(out.resolve("postgres.log").toFile())).start();
				HookListener listener = new HookListener()) {
			Map<String, String> env = Map.of(
					"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", "",
					"LUNGCARE_SUBSCRIPTIONS_ALLOWED_HOSTS", "localhost", "LUNGCARE_SUBSCRIPTIONS_ALLOW_HTTP", "true",
					"LUNGCARE_SUBSCRIPTIONS_ALLOW_PRIVATE_NETWORKS", "true");
			try (ServerProcess server = ServerProcess.start(ServerProcess.packagedJar(), jvmArgs, env, out.resolve("server.log"), http)) {
				EngineClient engine = new EngineClient(server);
				String patient = "Patient/" + engine.create("Patient", PARSER.encodeResourceToString(TestData.patient("Bench", TestData.ssin())));
				engine.subscribe(SubscriptionsIT.criteria("Observation?subject=" + patient, listener.endpoint("/criteria"), true));
				engine.subscribe(SubscriptionsIT.topic(LungCareTopics.LUNG_RESULT, "Observation?patient=" + patient, listener.endpoint("/topic")));
				write(engine, patient, 20, null); // warm-up of the matching and delivery
				listener.await(r -> true, 40, Duration.ofSeconds(60));
				Map<String, Instant> written = new ConcurrentHashMap<>();
				write(engine, patient, writes, written);
				List<HookListener.Received> criteria = listener.await(r -> r.path().startsWith("/criteria/Observation/")
						&& written.containsKey(r.path().substring(r.path().lastIndexOf('/') + 1)), writes, Duration.ofMinutes(5));
				List<HookListener.Received> topic = listener.await(r -> r.path().equals("/topic") && written.containsKey(focus(r)), writes,
						Duration.ofMinutes(5));
				result.put("writes", writes);
				result.put("criteriaNotifications", criteria.size());
				result.put("criteriaLatency", latency(criteria, r -> r.path().substring(r.path().lastIndexOf('/') + 1), written));
				result.put("topicNotifications", topic.size());
				result.put("topicLatency", latency(topic, SubscriptionBenchmark::focus, written));
			}
		}
		String json = new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(result);
		Files.writeString(out.resolve("result.json"), json);
		System.out.println("SUBSCRIPTION BENCHMARK " + json);
	}

	/** Writes CAT scores one after the other, about 10 per second; records when each write was answered. */
	private static void write(EngineClient engine, String patient, int count, Map<String, Instant> written) throws Exception {
		for (int i = 0; i < count; i++) {
			long started = System.nanoTime();
			String id = engine.create("Observation", SubscriptionsIT.catScore(patient, i % 40));
			if (written != null) {
				written.put(id, Instant.now());
			}
			long rest = 100_000_000L - (System.nanoTime() - started);
			if (rest > 0) {
				Thread.sleep(rest / 1_000_000);
			}
		}
	}

	private static Map<String, Object> latency(List<HookListener.Received> received, java.util.function.Function<HookListener.Received, String> focus,
			Map<String, Instant> written) {
		long[] nanos = received.stream().mapToLong(r -> Duration.between(written.get(focus.apply(r)), r.at()).toNanos()).toArray();
		Map<String, Object> summary = Latencies.summary(nanos);
		summary.put("maxMs", Latencies.round(Arrays.stream(nanos).max().orElse(0) / 1e6));
		return summary;
	}

	/** The Observation a topic notification is about. */
	private static String focus(HookListener.Received notification) {
		Bundle bundle = PARSER.parseResource(Bundle.class, notification.body());
		return bundle.getEntry().stream().filter(e -> e.getResource() != null && "Observation".equals(e.getResource().fhirType()))
				.map(e -> e.getResource().getIdElement().getIdPart()).findFirst().orElse("");
	}
}
