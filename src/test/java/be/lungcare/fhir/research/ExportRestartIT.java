package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.TestIssuer;
import be.lungcare.fhir.benchmark.ServerProcess;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import ca.uhn.fhir.context.FhirContext;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.Test;

/**
 * An export job survives a crash: the packaged server on a real PostgreSQL starts an export, is killed with SIGKILL
 * while the job runs, and is restarted on the same database. The job then completes with every resource exactly
 * once; or, when the kill hit a work chunk while it was being processed, it ends in a clear error (the chunk may have
 * written part of its output) after which a new export completes. It never stays in progress.
 */
class ExportRestartIT {

	private static final String ADMIN = TestIssuer.get().longLivedToken("lungcare-admin", "system/*.cruds lungcare.admin");
	private static final List<String> TYPES = List.of("Patient", "Condition", "Observation", "CarePlan", "CareTeam");
	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@Test
	void anExportInterruptedByAKillCompletesAfterTheRestart() throws Exception {
		Path jar = ServerProcess.packagedJar();
		Path logs = Files.createDirectories(Path.of("target", "export-restart"));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			Map<String, String> env = ServerProcess.withShortWarmUp(Map.of("LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", "",
					"LUNGCARE_RESEARCH_RESOURCES_PER_FILE", "100")); // many files: the job is mid-way when killed
			List<String> jvm = List.of("-XX:+UseSerialGC", "-Xmx768m");
			Map<String, Integer> expected = new HashMap<>();
			String statusPath;
			try (ServerProcess first = ServerProcess.start(jar, jvm, env, logs.resolve("server-1.log"), http)) {
				BulkData bulk = new BulkData(first.baseUrl());
				Iterator<Bundle> bundles = new PopulationGenerator(31337).bundles(40, 5);
				while (bundles.hasNext()) {
					String body = FhirContext.forR4Cached().newJsonParser().encodeResourceToString(bundles.next());
					HttpResponse<String> stored = post(first.baseUrl(), body);
					assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
				}
				for (String type : TYPES) {
					HttpResponse<String> count = bulk.send(ADMIN, "GET", type + "?_summary=count", Map.of("Accept", "application/fhir+json"));
					expected.put(type, FhirContext.forR4Cached().newJsonParser().parseResource(Bundle.class, count.body()).getTotal());
				}
				String status = bulk.kickOff(ADMIN, "$export?_type=" + String.join(",", TYPES));
				statusPath = status.substring(status.indexOf("$export-poll-status"));
				Thread.sleep(1_500);
				HttpResponse<String> running = bulk.send(ADMIN, "GET", statusPath, Map.of());
				assertThat(running.statusCode()).as("the job is still running when the server is killed: " + running.body()).isEqualTo(202);
				first.kill();
			}
			boolean killedMidChunk = chunkInProgress(postgres);
			try (ServerProcess second = ServerProcess.start(jar, jvm, env, logs.resolve("server-2.log"), http)) {
				BulkData bulk = new BulkData(second.baseUrl());
				long began = System.nanoTime();
				JsonNode manifest = null;
				String outcome;
				while (true) {
					HttpResponse<String> poll = bulk.send(ADMIN, "GET", statusPath, Map.of("Accept", "application/json"));
					if (poll.statusCode() == 200) {
						assertThat(killedMidChunk).as("a job killed while a chunk ran is not resumed").isFalse();
						manifest = JSON.readTree(poll.body());
						outcome = "resumed";
						break;
					}
					if (poll.statusCode() != 202) {
						assertThat(poll.body()).as("a clear error").contains("OperationOutcome").doesNotContain("ca.uhn");
						assertThat(killedMidChunk).as("only a job killed while a chunk ran ends in error: " + poll.body()).isTrue();
						assertThat(poll.body()).contains(InterruptedJobRecovery.INTERRUPTED);
						outcome = "ended in error " + poll.statusCode() + ", exported again";
						manifest = bulk.await(ADMIN, bulk.kickOff(ADMIN, "$export?_type=" + String.join(",", TYPES)), Duration.ofMinutes(4));
						break;
					}
					assertThat(System.nanoTime() - began).as("the job finishes or fails after the restart")
							.isLessThan(Duration.ofMinutes(6).toNanos());
					Thread.sleep(1_000);
				}
				System.out.printf("EXPORT-RESTART: %s after %.0f s (chunk in progress at the kill: %s)%n", outcome, (System.nanoTime() - began) / 1e9, killedMidChunk);
				BulkData.Export export = bulk.download(ADMIN, manifest);
				for (String type : TYPES) {
					List<String> lines = export.lines().getOrDefault(type, List.of());
					Set<String> ids = new HashSet<>();
					for (String line : lines) {
						ids.add(JSON.readTree(line).path("id").asText());
					}
					assertThat(ids).as(type + " exported once each").hasSize(lines.size());
					assertThat(lines).as(type).hasSize(expected.get(type));
				}
			}
		}
	}

	/** Whether the killed server was processing a work chunk: HAPI's chunk state, read from the database. */
	private static boolean chunkInProgress(EmbeddedPostgres postgres) throws Exception {
		try (Connection connection = postgres.getPostgresDatabase().getConnection();
				ResultSet rows = connection.createStatement().executeQuery(
						"select count(*) from bt2_work_chunk where stat = 'IN_PROGRESS'")) {
			rows.next();
			return rows.getInt(1) > 0;
		}
	}

	private HttpResponse<String> post(String base, String body) throws Exception {
		return http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(base)).timeout(Duration.ofSeconds(120))
				.header("Authorization", "Bearer " + ADMIN).header("Content-Type", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
	}
}
