package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.TestData;
import be.lungcare.fhir.benchmark.ServerProcess;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Notifications survive a crash of the server (SIGKILL), in both places a change can be when it happens: already
 * matched and in the delivery log (the receiver was refusing), and still in HAPI's queue of changes, not yet matched
 * (written just before the kill; the server matches every five seconds). The database is read after the kill to show
 * both. Each acknowledged write is delivered after the restart, each as one event.
 */
class SubscriptionCrashIT {

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final IParser parser = FhirContext.forR4Cached().newJsonParser();

	@Test
	void everyAcknowledgedWriteIsDeliveredAfterAKill() throws Exception {
		Path jar = ServerProcess.packagedJar();
		Path logs = Files.createDirectories(Path.of("target", "subscription-crash"));
		List<String> jvm = List.of("-XX:+UseSerialGC", "-Xmx768m");
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start(); HookListener listener = new HookListener()) {
			Map<String, String> env = ServerProcess.withShortWarmUp(Map.of(
					"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", "",
					"LUNGCARE_SUBSCRIPTIONS_ALLOWED_HOSTS", "localhost", "LUNGCARE_SUBSCRIPTIONS_ALLOW_HTTP", "true",
					"LUNGCARE_SUBSCRIPTIONS_ALLOW_PRIVATE_NETWORKS", "true", "LUNGCARE_SUBSCRIPTIONS_FIRST_RETRY", "1s",
					"LUNGCARE_SUBSCRIPTIONS_MAX_RETRY_INTERVAL", "2s", "LUNGCARE_SUBSCRIPTIONS_REQUEST_TIMEOUT", "2s"));
			// the first server matches every five seconds: changes written just before the kill are still queued
			Map<String, String> slowMatching = new HashMap<>(env);
			slowMatching.put("LUNGCARE_SUBSCRIPTIONS_MATCHING_INTERVAL", "5s");
			List<String> inTheLog = new ArrayList<>();
			List<String> lastWrites = new ArrayList<>();
			try (ServerProcess first = ServerProcess.start(jar, jvm, slowMatching, logs.resolve("server-1.log"), http)) {
				EngineClient engine = new EngineClient(first);
				String patient = "Patient/" + engine.create("Patient", parser.encodeResourceToString(TestData.patient("Crash", TestData.ssin())));
				engine.subscribe(SubscriptionsIT.criteria("Observation?subject=" + patient, listener.endpoint("/crash"), true));
				listener.answer(503);
				for (int i = 0; i < 10; i++) {
					inTheLog.add(engine.create("Observation", SubscriptionsIT.catScore(patient, 10 + i)));
				}
				long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
				while (listener.refused() < 3 && System.nanoTime() < end) {
					Thread.sleep(100);
				}
				assertThat(listener.refused()).as("attempts refused by the receiver before the kill").isGreaterThanOrEqualTo(3);
				for (int i = 0; i < 5; i++) {
					lastWrites.add(engine.create("Observation", SubscriptionsIT.catScore(patient, 30 + i)));
				}
				first.kill(); // SIGKILL, right after the last write was acknowledged
			}
			assertThat(listener.received(r -> true)).isEmpty();
			long queued;
			long pending;
			try (Connection db = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres", "postgres", "");
					Statement sql = db.createStatement()) {
				queued = count(sql, "SELECT COUNT(*) FROM HFJ_RESOURCE_MODIFIED");
				pending = count(sql, "SELECT COUNT(*) FROM LC_SUBSCRIPTION_DELIVERY WHERE STATUS = 'PENDING'");
			}
			System.out.printf("SUBSCRIPTION-CRASH at the kill: %d changes queued, not yet matched; %d notifications pending in the delivery log%n",
					queued, pending);
			assertThat(queued).as("changes still queued at the kill").isGreaterThanOrEqualTo(1);
			assertThat(pending).as("notifications in the delivery log at the kill").isGreaterThanOrEqualTo(inTheLog.size());

			listener.answer(200);
			try (ServerProcess second = ServerProcess.start(jar, jvm, env, logs.resolve("server-2.log"), http)) {
				int total = inTheLog.size() + lastWrites.size();
				List<HookListener.Received> all = listener.await(r -> true, total, Duration.ofSeconds(60));
				assertThat(paths(all)).as("every acknowledged write, delivered after the restart")
						.containsAll(paths(inTheLog)).containsAll(paths(lastWrites));
				Set<String> events = new HashSet<>(all.stream().map(HookListener.Received::eventId).toList());
				System.out.printf("SUBSCRIPTION-CRASH %d writes acknowledged, %d notifications received, %d distinct events, %d refused attempts%n",
						total, all.size(), events.size(), listener.refused());
				assertThat(events).hasSize(total);
			}
		}
	}

	private static long count(Statement sql, String query) throws Exception {
		try (ResultSet result = sql.executeQuery(query)) {
			result.next();
			return result.getLong(1);
		}
	}

	private static List<String> paths(List<?> items) {
		return items.stream().map(item -> item instanceof HookListener.Received r ? r.path() : "/crash/Observation/" + item).toList();
	}
}
