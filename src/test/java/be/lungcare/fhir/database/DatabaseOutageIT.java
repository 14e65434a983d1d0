package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestDatabase;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The database goes away: fast 503 with an OperationOutcome; it comes back: the server recovers by itself. */
class DatabaseOutageIT extends AbstractServerIT {

	private static final String PRACTITIONER = "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Outage\"}]}";

	@AfterEach
	void databaseBack() {
		TestDatabase.get().proxy().enable();
	}

	@Test
	void requestsFailFastWith503WhileTheDatabaseIsDownAndRecoverAfterwards() throws Exception {
		assertThat(postJson("Practitioner", PRACTITIONER).statusCode()).isEqualTo(201);

		TestDatabase.get().proxy().disable();

		Instant start = Instant.now();
		HttpResponse<String> down = get("Practitioner?name=Outage");
		Duration took = Duration.between(start, Instant.now());
		assertThat(down.statusCode()).isEqualTo(503);
		assertThat(down.headers().firstValue("Retry-After")).contains("2");
		OperationOutcome oo = parse(OperationOutcome.class, down.body());
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("database is temporarily unavailable");
		assertThat(down.body()).doesNotContain("Exception", "org.", "java.", "SQL");
		assertThat(took).isLessThan(Duration.ofSeconds(15));

		assertThat(postJson("Practitioner", PRACTITIONER).statusCode()).isEqualTo(503);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(503);
		assertThat(get("/actuator/health/liveness").statusCode()).isEqualTo(200);

		TestDatabase.get().proxy().enable();

		int status = 0;
		Instant deadline = Instant.now().plusSeconds(30);
		while (Instant.now().isBefore(deadline)) {
			status = get("Practitioner?name=Outage").statusCode();
			if (status == 200) {
				break;
			}
			Thread.sleep(500);
		}
		assertThat(status).as("server recovers once the database is back").isEqualTo(200);
		assertThat(postJson("Practitioner", PRACTITIONER).statusCode()).isEqualTo(201);
		assertThat(get("/actuator/health/readiness").statusCode()).isEqualTo(200);
	}
}
