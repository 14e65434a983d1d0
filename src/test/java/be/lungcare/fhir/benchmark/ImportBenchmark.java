package be.lungcare.fhir.benchmark;

import be.lungcare.fhir.importing.SyntheaStyleSample;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Import of foreign data in lenient mode ({@code mvn -Pbenchmark-import verify}, docs/performance.md): a
 * Synthea-style export (US Core extensions and profiles, {@code urn:oid} code systems, shared organisations and
 * practitioners as batch bundles, one transaction per patient referring to them conditionally) posted to the packaged
 * server on an embedded PostgreSQL. It reports the time of the two batches, the patients' ingest rate at the given
 * client concurrency, failed entries, and the server's CPU per resource. One JSON line: {@code IMPORT {...}}.
 */
public final class ImportBenchmark {

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
		int patients = Integer.getInteger("import.patients", 24);
		int organizations = Integer.getInteger("import.organizations", 100);
		int practitioners = Integer.getInteger("import.practitioners", 800);
		int encounters = Integer.getInteger("import.encountersPerPatient", 60);
		int observations = Integer.getInteger("import.observationsPerEncounter", 5);
		int concurrency = Integer.getInteger("import.concurrency", 2);
		List<String> jvmArgs = Arrays.stream(System.getProperty("import.jvmArgs", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
		Path out = Path.of("target", "benchmark-import");
		Files.createDirectories(out);
		Path jar = ServerProcess.packagedJar();
		SyntheaStyleSample.Export export = new SyntheaStyleSample(Long.getLong("import.seed", 20261201L), "import")
				.export(patients, organizations, practitioners, encounters, observations);
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("validationMode", System.getProperty("import.validationMode", "lenient"));
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setOutputRedirector(ProcessBuilder.Redirect.to(out.resolve("postgres.log").toFile())).start()) {
			Map<String, String> env = Map.of(
					"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", "",
					"LUNGCARE_VALIDATION_MODE", System.getProperty("import.validationMode", "lenient"));
			try (ServerProcess server = ServerProcess.start(jar, jvmArgs, env, out.resolve("server.log"), http)) {
				URI endpoint = URI.create(server.baseUrl());
				AtomicInteger failedEntries = new AtomicInteger();
				// the organisations first, as Synthea's files are loaded: its batch also pays the server's JIT warm-up
				for (Map.Entry<String, Bundle> batch : List.of(Map.entry("organizationBatch", export.organizations()),
						Map.entry("practitionerBatch", export.practitioners()))) {
					double cpu = server.cpuSeconds();
					long started = System.nanoTime();
					post(http, endpoint, parser.encodeResourceToString(batch.getValue()), failedEntries, parser);
					Map<String, Object> figures = new LinkedHashMap<>();
					figures.put("entries", batch.getValue().getEntry().size());
					figures.put("seconds", Latencies.round((System.nanoTime() - started) / 1e9));
					figures.put("serverCpuMsPerEntry", Latencies.round((server.cpuSeconds() - cpu) * 1000 / batch.getValue().getEntry().size()));
					result.put(batch.getKey(), figures);
				}
				int resources = export.patients().stream().mapToInt(b -> b.getEntry().size()).sum();
				double cpu = server.cpuSeconds();
				long started = System.nanoTime();
				ExecutorService pool = Executors.newFixedThreadPool(concurrency);
				List<Future<?>> posts = new ArrayList<>();
				for (Bundle bundle : export.patients()) {
					String body = parser.encodeResourceToString(bundle);
					posts.add(pool.submit(() -> {
						post(http, endpoint, body, failedEntries, parser);
						return null;
					}));
				}
				for (Future<?> post : posts) {
					post.get();
				}
				pool.shutdown();
				double seconds = (System.nanoTime() - started) / 1e9;
				Map<String, Object> figures = new LinkedHashMap<>();
				figures.put("bundles", export.patients().size());
				figures.put("resources", resources);
				figures.put("concurrency", concurrency);
				figures.put("seconds", Latencies.round(seconds));
				figures.put("resourcesPerSecond", Latencies.round(resources / seconds));
				figures.put("serverCpuMsPerResource", Latencies.round((server.cpuSeconds() - cpu) * 1000 / resources));
				result.put("patientTransactions", figures);
				result.put("failedEntries", failedEntries.get());
			}
		}
		String line = new ObjectMapper().writeValueAsString(result);
		System.out.println("IMPORT " + line);
		Files.writeString(out.resolve("summary.json"), line + "\n");
	}

	/** Posts a bundle; counts the entries that were not 2xx (or all of them, for a refused bundle). */
	private static void post(HttpClient http, URI endpoint, String body, AtomicInteger failedEntries, IParser parser) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(5))
				.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json").header("Authorization", "Bearer " + ServerProcess.engineToken())
				.header("Prefer", "return=minimal").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
				HttpResponse.BodyHandlers.ofString());
		Bundle sent = parser.parseResource(Bundle.class, body);
		if (response.statusCode() != 200) {
			failedEntries.addAndGet(sent.getEntry().size());
			System.out.println("refused: " + response.statusCode() + " " + response.body().substring(0, Math.min(300, response.body().length())));
			return;
		}
		Bundle answer = parser.parseResource(Bundle.class, response.body());
		answer.getEntry().stream().filter(e -> !e.getResponse().getStatus().startsWith("20")).forEach(e -> {
			failedEntries.incrementAndGet();
			System.out.println("failed entry: " + e.getResponse().getStatus());
		});
	}
}
