package be.lungcare.fhir.research;

import be.lungcare.fhir.TestIssuer;
import be.lungcare.fhir.benchmark.Latencies;
import be.lungcare.fhir.benchmark.ServerProcess;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Export and indicators at scale ({@code mvn -Pbenchmark-research -DskipTests verify}, docs/performance.md): the
 * synthetic population is loaded (validation off: the load is not what is measured) into the packaged server on an
 * embedded PostgreSQL, then exported whole by an administrator (plain) and by a research client (pseudonymised), and
 * each indicator is computed three times. It reports wall time, resources per second, server CPU per exported
 * resource and peak RSS of each export, and each indicator's median time. One JSON line: {@code RESEARCH {...}}.
 */
public final class ResearchBenchmark {

	private static final String ADMIN = TestIssuer.get().longLivedToken("lungcare-admin", "system/*.cruds lungcare.admin");
	private static final String RESEARCH = TestIssuer.get().longLivedToken("research", "system/*.rs");
	private static final String KEY = "bHVuZ2NhcmUtYmVuY2htYXJrLWtleS1ub3QtZm9yLXByb2R1Y3Rpb24=";

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
		int patients = Integer.getInteger("research.patients", 10_000);
		long seed = Long.getLong("research.seed", 20261123L);
		List<String> jvmArgs = Arrays.stream(System.getProperty("research.jvmArgs", "").trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
		Path out = Files.createDirectories(Path.of("target", "benchmark-research"));
		Path jar = ServerProcess.packagedJar();
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("patients", patients);
		result.put("seed", seed);
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder()
				.setOutputRedirector(ProcessBuilder.Redirect.to(out.resolve("postgres.log").toFile())).start()) {
			Map<String, String> env = Map.of(
					"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres", "LUNGCARE_DB_PASSWORD", "",
					"LUNGCARE_VALIDATION_MODE", "off",
					"LUNGCARE_RESEARCH_PSEUDONYM_KEY", KEY);
			try (ServerProcess server = ServerProcess.start(jar, jvmArgs, env, out.resolve("server.log"), http)) {
				long loadStart = System.nanoTime();
				ExecutorService pool = Executors.newFixedThreadPool(4);
				List<Future<?>> posts = new ArrayList<>();
				Iterator<Bundle> bundles = new PopulationGenerator(seed).bundles(patients, 5);
				while (bundles.hasNext()) {
					String body = parser.encodeResourceToString(bundles.next());
					posts.add(pool.submit(() -> {
						HttpResponse<String> stored = http.send(HttpRequest.newBuilder(URI.create(server.baseUrl())).timeout(Duration.ofMinutes(5))
								.header("Content-Type", "application/fhir+json").header("Authorization", "Bearer " + ADMIN)
								.header("Prefer", "return=minimal").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
								HttpResponse.BodyHandlers.ofString());
						if (stored.statusCode() != 200) {
							throw new IllegalStateException("A bundle was refused: " + stored.statusCode());
						}
						return null;
					}));
					if (posts.size() >= 16) {
						posts.remove(0).get();
					}
				}
				for (Future<?> post : posts) {
					post.get();
				}
				pool.shutdown();
				result.put("loadSeconds", Latencies.round((System.nanoTime() - loadStart) / 1e9));

				BulkData bulk = new BulkData(server.baseUrl());
				result.put("plainExport", export(server, bulk, ADMIN));
				result.put("pseudonymisedExport", export(server, bulk, RESEARCH));

				LocalDate end = PopulationGenerator.REFERENCE_DATE;
				Map<String, Object> indicators = new LinkedHashMap<>();
				for (Indicator indicator : Indicator.values()) {
					List<Double> millis = new ArrayList<>();
					String body = null;
					for (int i = 0; i < 3; i++) {
						long started = System.nanoTime();
						HttpResponse<String> response = bulk.send(RESEARCH, "GET", "$lungcare-indicators?periodStart=" + end.minusMonths(12).plusDays(1)
								+ "&periodEnd=" + end + "&indicator=" + indicator.code, Map.of("Accept", "application/fhir+json"));
						millis.add((System.nanoTime() - started) / 1e6);
						if (response.statusCode() != 200) {
							throw new IllegalStateException(indicator.code + ": " + response.statusCode() + " " + response.body());
						}
						body = response.body();
					}
					Map<String, Object> figures = new LinkedHashMap<>();
					figures.put("medianMs", Latencies.round(millis.stream().sorted().toList().get(1)));
					JsonNode group = new ObjectMapper().readTree(body).path("entry").get(0).path("resource").path("group").get(0);
					figures.put("populations", group.path("population").toString());
					figures.put("score", group.path("measureScore").path("value").asDouble());
					indicators.put(indicator.code, figures);
				}
				result.put("indicators", indicators);
				result.put("peakRssMiB", server.rssMiB(true));
			}
		}
		String line = new ObjectMapper().writeValueAsString(result);
		System.out.println("RESEARCH " + line);
		Files.writeString(out.resolve("summary.json"), line + "\n");
	}

	private static Map<String, Object> export(ServerProcess server, BulkData bulk, String token) throws Exception {
		double cpu = server.cpuSeconds();
		long started = System.nanoTime();
		JsonNode manifest = bulk.await(token, bulk.kickOff(token, "$export"), Duration.ofHours(2));
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpuSeconds = server.cpuSeconds() - cpu;
		long downloadStart = System.nanoTime();
		BulkData.Export export = bulk.download(token, manifest);
		int resources = export.all().size();
		Map<String, Object> figures = new LinkedHashMap<>();
		figures.put("resources", resources);
		figures.put("files", export.urls().size());
		figures.put("seconds", Latencies.round(seconds));
		figures.put("resourcesPerSecond", Latencies.round(resources / seconds));
		figures.put("serverCpuMsPerResource", Latencies.round(cpuSeconds * 1000 / Math.max(1, resources)));
		figures.put("downloadSeconds", Latencies.round((System.nanoTime() - downloadStart) / 1e9));
		figures.put("rssMiB", server.rssMiB(false));
		return figures;
	}
}
