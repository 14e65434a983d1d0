package be.lungcare.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.TestData;
import be.lungcare.fhir.TestIssuer;
import be.lungcare.fhir.benchmark.ServerProcess;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/**
 * Nothing acknowledged is missing from the audit trail after a crash: the packaged server on a real PostgreSQL takes
 * concurrent reads and writes (loopback only, a few seconds), is killed with SIGKILL in the middle, and restarted on
 * the same database. Every write that got 201 has its create event, and every read that got 200 its read event.
 */
class AuditCrashIT {

	private static final String ADMIN = TestIssuer.get().longLivedToken("lungcare-admin", "system/*.cruds lungcare.admin");
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final IParser parser = FhirContext.forR4Cached().newJsonParser();

	private HttpResponse<String> send(String base, String method, String path, String body) throws Exception {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + "/" + path.replace("|", "%7C"))).timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + ADMIN).header("Accept", "application/fhir+json");
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void everyAcknowledgedRequestHasItsAuditEventAfterAKill() throws Exception {
		Path jar = ServerProcess.packagedJar();
		Path logs = Files.createDirectories(Path.of("target", "audit-crash"));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			Map<String, String> env = ServerProcess.withShortWarmUp(Map.of("LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", ""));
			List<String> jvm = List.of("-XX:+UseSerialGC", "-Xmx768m");
			List<String> patients = new ArrayList<>();
			Map<String, AtomicInteger> readsAcknowledged = new ConcurrentHashMap<>();
			Set<String> writesAcknowledged = ConcurrentHashMap.newKeySet();

			ServerProcess first = ServerProcess.start(jar, jvm, env, logs.resolve("server-1.log"), http);
			try {
				for (int i = 0; i < 6; i++) {
					HttpResponse<String> created = send(first.baseUrl(), "POST", "Patient", parser.encodeResourceToString(TestData.patient("Crash", TestData.ssin())));
					assertThat(created.statusCode()).isEqualTo(201);
					patients.add(parser.parseResource(Patient.class, created.body()).getIdElement().getIdPart());
				}
				ExecutorService clients = Executors.newFixedThreadPool(4);
				long stopAt = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
				for (int t = 0; t < 4; t++) {
					boolean writer = t % 2 == 0;
					int seed = t;
					clients.submit(() -> {
						int n = seed;
						while (System.nanoTime() < stopAt) {
							String patient = patients.get(n++ % patients.size());
							try {
								if (writer) {
									Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL)
											.setSubject(new Reference("Patient/" + patient));
									observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
									HttpResponse<String> created = send(first.baseUrl(), "POST", "Observation", parser.encodeResourceToString(observation));
									if (created.statusCode() == 201) {
										writesAcknowledged.add(patient + "|" + parser.parseResource(Observation.class, created.body()).getIdElement().getIdPart());
									}
								} else if (send(first.baseUrl(), "GET", "Patient/" + patient, null).statusCode() == 200) {
									readsAcknowledged.computeIfAbsent(patient, k -> new AtomicInteger()).incrementAndGet();
								}
							} catch (Exception e) {
								return null; // the server is gone
							}
						}
						return null;
					});
				}
				Thread.sleep(6_000);
				first.kill(); // SIGKILL while the clients are busy
				clients.shutdown();
				assertThat(clients.awaitTermination(60, TimeUnit.SECONDS)).isTrue();
			} finally {
				first.close();
			}
			System.out.printf("AUDIT-CRASH acknowledged before the kill: %d writes, %d reads%n", writesAcknowledged.size(),
					readsAcknowledged.values().stream().mapToInt(AtomicInteger::get).sum());
			assertThat(writesAcknowledged).as("writes acknowledged before the kill").isNotEmpty();
			assertThat(readsAcknowledged).as("reads acknowledged before the kill").isNotEmpty();

			try (ServerProcess second = ServerProcess.start(jar, jvm, env, logs.resolve("server-2.log"), http)) {
				for (String patient : patients) {
					List<AuditEvent> events = trail(second.baseUrl(), patient);
					long reads = events.stream().filter(e -> e.getAction() == AuditEvent.AuditEventAction.R).count();
					int acknowledged = readsAcknowledged.getOrDefault(patient, new AtomicInteger()).get();
					assertThat(reads).as("read events of patient %s", patient).isGreaterThanOrEqualTo(acknowledged);
					Set<String> created = new HashSet<>();
					events.stream().filter(e -> e.getAction() == AuditEvent.AuditEventAction.C).flatMap(e -> e.getEntity().stream())
							.map(entity -> entity.getWhat().getReferenceElement()).filter(id -> "Observation".equals(id.getResourceType()))
							.forEach(id -> created.add(id.getIdPart()));
					for (String write : writesAcknowledged) {
						if (write.startsWith(patient + "|")) {
							assertThat(created).as("create event of acknowledged Observation %s", write).contains(write.substring(patient.length() + 1));
						}
					}
				}
			}
		}
	}

	/** Every AuditEvent concerning the patient, page by page. */
	private List<AuditEvent> trail(String base, String patient) throws Exception {
		List<AuditEvent> events = new ArrayList<>();
		for (int offset = 0;; offset += 200) {
			HttpResponse<String> page = send(base, "GET", "AuditEvent?patient=" + patient + "&_count=200&_offset=" + offset, null);
			assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
			List<AuditEvent> found = parser.parseResource(Bundle.class, page.body()).getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
			events.addAll(found);
			if (found.size() < 200) {
				return events;
			}
		}
	}
}
