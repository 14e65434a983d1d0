package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import be.lungcare.fhir.config.ServerProperties;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The bundle turns of {@link BundleConcurrencyLimitInterceptor}, through the REST layer: while every turn is
 * taken, bundles wait (up to the queue length) and are processed once a turn is free; one more bundle gets 503
 * with Retry-After and nothing of it is stored.
 */
class BundleTurnIT extends AbstractServerIT {

	@Autowired
	private BundleConcurrencyLimitInterceptor turns;

	@Autowired
	private DatabaseProperties properties;

	@Autowired
	private ServerProperties server;

	private String transactionOfOnePatient(String ssin) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setResource(TestData.patient("Turn", ssin)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		return json(bundle);
	}

	private int patientsWithSsin(String ssin) {
		return parse(Bundle.class, get("Patient?identifier=" + TestData.SSIN_SYSTEM + "|" + ssin + "&_summary=count").body())
				.getTotal();
	}

	/** Waits (bounded) until the condition holds; HAPI gives a turn back only after the response is sent. */
	private static void await(String what, BooleanSupplier condition) throws InterruptedException {
		Instant deadline = Instant.now().plusSeconds(30);
		while (!condition.getAsBoolean() && Instant.now().isBefore(deadline)) {
			Thread.sleep(20);
		}
		assertThat(condition.getAsBoolean()).as(what).isTrue();
	}

	@Test
	void bundlesWaitForAFreeTurnAndOneTooManyGets503() throws Exception {
		int allTurns = properties.concurrentBundlesOrProcessors();
		int queueLength = properties.bundleQueueLength();
		assertThat(queueLength).as("lungcare.database.bundle-queue-length").isPositive();
		await("every turn is free (no bundle of an earlier test still running)", () -> turns.availablePermits() == allTurns);

		List<String> waitingSsins = new ArrayList<>();
		List<Future<HttpResponse<String>>> waiting = new ArrayList<>();
		ExecutorService clients = Executors.newFixedThreadPool(queueLength);
		int held = turns.holdFreeTurns();
		try {
			assertThat(held).as("turns taken by the test").isEqualTo(allTurns);
			for (int i = 0; i < queueLength; i++) {
				String ssin = TestData.ssin();
				String body = transactionOfOnePatient(ssin);
				waitingSsins.add(ssin);
				waiting.add(clients.submit(() -> postJson("", body)));
			}
			await("bundles waiting for a turn", () -> turns.waitingBundles() == queueLength);

			String refusedSsin = TestData.ssin();
			HttpResponse<String> refused = postJson("", transactionOfOnePatient(refusedSsin));
			assertThat(refused.statusCode()).isEqualTo(503);
			assertThat(refused.headers().firstValue("Retry-After"))
					.contains(Long.toString(server.retryAfter().toSeconds()));
			OperationOutcome outcome = parse(OperationOutcome.class, refused.body());
			assertThat(outcome.getIssueFirstRep().getDiagnostics()).contains("busy with other bundles", "Nothing of it was stored");
			assertThat(refused.body()).doesNotContain("Exception", "java.", "ca.uhn");
			assertThat(patientsWithSsin(refusedSsin)).isZero();
			assertThat(waiting).as("no waiting bundle is answered while every turn is taken").noneMatch(Future::isDone);

			turns.releaseTurns(held);
			held = 0;
			for (int i = 0; i < queueLength; i++) {
				HttpResponse<String> response = waiting.get(i).get(60, TimeUnit.SECONDS);
				assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
				assertThat(patientsWithSsin(waitingSsins.get(i))).isEqualTo(1);
			}
			await("every turn is given back", () -> turns.availablePermits() == allTurns);
		} finally {
			turns.releaseTurns(held);
			clients.shutdown();
			if (!clients.awaitTermination(60, TimeUnit.SECONDS)) {
				clients.shutdownNow();
			}
		}
	}
}
