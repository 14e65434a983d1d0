package be.lungcare.fhir.benchmark;

import be.lungcare.fhir.synthetic.PopulationGenerator;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Ingest and query benchmark of the packaged server on a real PostgreSQL; run on demand
 * ({@code mvn -Pbenchmark verify}, see docs/performance.md), never part of the tests' pass/fail.
 * <p>
 * Each run starts an empty embedded PostgreSQL and the server jar as a separate process, ingests the seeded
 * synthetic population with validation on (transaction bundles, fixed client concurrency), then runs a
 * closed-loop query mix for a fixed time. It reports ingest rates, per-query-kind latency percentiles, errors,
 * server CPU seconds per resource and per request (from the server process's own CPU clock) and the part of it
 * spent in garbage-collection pauses (from the server's own metrics), the database's CPU, peak and final RSS,
 * and start-up time to ready; the summary holds the medians over the runs. One JSON line is printed
 * ({@code BENCHMARK {...}}) and written to {@code target/benchmark/summary.json}.
 */
public final class ServerBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	private static final String LUNGCARE = "https://fhir.lungcare.be";

	private final Settings settings;
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	record Settings(int patients, int patientsPerBundle, long seed, int ingestConcurrency, int queryConcurrency,
			Duration queryWarmUp, Duration queryDuration, int runs, List<String> jvmArgs, Path jar, Path outDir) {

		static Settings fromSystemProperties() throws IOException {
			Path target = Path.of("target");
			Path jar;
			try (var files = Files.list(target)) {
				jar = files.filter(p -> p.getFileName().toString().matches("lungcare-fhir-.*\\.jar"))
						.findFirst().orElseThrow(() -> new IllegalStateException("No server jar in target/: run mvn package"));
			}
			return new Settings(
					Integer.getInteger("benchmark.patients", 1000),
					Integer.getInteger("benchmark.patientsPerBundle", 5),
					Long.getLong("benchmark.seed", 20261123L),
					Integer.getInteger("benchmark.ingestConcurrency", 4),
					Integer.getInteger("benchmark.queryConcurrency", 8),
					Duration.ofSeconds(Long.getLong("benchmark.queryWarmUpSeconds", 15)),
					Duration.ofSeconds(Long.getLong("benchmark.querySeconds", 60)),
					Integer.getInteger("benchmark.runs", 3),
					Arrays.stream(System.getProperty("benchmark.jvmArgs", "").trim().split("\\s+"))
							.filter(s -> !s.isEmpty()).toList(),
					jar,
					target.resolve("benchmark"));
		}
	}

	private ServerBenchmark(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) {
		try {
			benchmark();
			System.exit(0);
		} catch (Exception | Error e) {
			e.printStackTrace();
			System.exit(1);
		}
	}

	private static void benchmark() throws Exception {
		Settings settings = Settings.fromSystemProperties();
		Files.createDirectories(settings.outDir());
		ServerBenchmark benchmark = new ServerBenchmark(settings);
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int run = 1; run <= settings.runs(); run++) {
			Map<String, Object> result = benchmark.run(run);
			System.out.println("RUN " + run + " " + JSON.writeValueAsString(result));
			runs.add(result);
		}
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("settings", Map.of("patients", settings.patients(), "patientsPerBundle", settings.patientsPerBundle(),
				"seed", settings.seed(), "ingestConcurrency", settings.ingestConcurrency(),
				"queryConcurrency", settings.queryConcurrency(), "querySeconds", settings.queryDuration().toSeconds(),
				"runs", settings.runs(), "jvmArgs", String.join(" ", settings.jvmArgs())));
		summary.put("median", medians(runs));
		summary.put("runs", runs);
		String line = JSON.writeValueAsString(summary);
		System.out.println("BENCHMARK " + line);
		Files.writeString(settings.outDir().resolve("summary.json"), line + "\n");
	}

	private Map<String, Object> run(int run) throws Exception {
		Map<String, Object> result = new LinkedHashMap<>();
		ProcessBuilder.Redirect postgresLog = ProcessBuilder.Redirect.to(
				settings.outDir().resolve("postgres-run-" + run + ".log").toFile());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOutputRedirector(postgresLog).start()) {
			Map<String, String> env = Map.of(
					"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
					"LUNGCARE_DB_USER", "postgres",
					"LUNGCARE_DB_PASSWORD", "");
			try (ServerProcess server = ServerProcess.start(settings.jar(), settings.jvmArgs(), env,
					settings.outDir().resolve("server-run-" + run + ".log"), http)) {
				result.put("startupSeconds", Latencies.round(server.startupSeconds()));
				result.put("rssAfterStartupMiB", Math.round(server.rssMiB(false)));
				Population population = new Population();
				result.put("ingest", ingest(server, population));
				result.put("query", queryMix(server, population));
				result.put("rssAfterBenchmarkMiB", Math.round(server.rssMiB(false)));
				result.put("peakRssMiB", Math.round(server.rssMiB(true)));
			}
		}
		return result;
	}

	/** What the ingest learnt about the stored data, for the queries. */
	private static final class Population {
		final List<String> patientIds = Collections.synchronizedList(new ArrayList<>());
		List<String> practitionerNihdis = List.of();
	}

	private Map<String, Object> ingest(ServerProcess server, Population population) throws Exception {
		PopulationGenerator generator = new PopulationGenerator(settings.seed());
		Iterator<Bundle> bundles = generator.bundles(settings.patients(), settings.patientsPerBundle());
		population.practitionerNihdis = generator.practitionerNihdis();
		FhirContext ctx = FhirContext.forR4Cached();
		AtomicLong resources = new AtomicLong();
		AtomicInteger bundleCount = new AtomicInteger();
		AtomicInteger errors = new AtomicInteger();
		List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
		List<Long> latencies = Collections.synchronizedList(new ArrayList<>());
		URI endpoint = URI.create(server.baseUrl());
		double gcBefore = server.gcPauseSeconds(http);
		double cpuBefore = server.cpuSeconds();
		double dbCpuBefore = databaseCpuSeconds();
		long started = System.nanoTime();
		ExecutorService pool = Executors.newFixedThreadPool(settings.ingestConcurrency(), ServerBenchmark::daemon);
		List<Future<?>> workers = new ArrayList<>();
		for (int i = 0; i < settings.ingestConcurrency(); i++) {
			workers.add(pool.submit(() -> {
				IParser parser = ctx.newJsonParser();
				while (true) {
					Bundle bundle;
					synchronized (bundles) {
						if (!bundles.hasNext()) {
							return null;
						}
						bundle = bundles.next();
					}
					String body = parser.encodeResourceToString(bundle);
					HttpRequest request = HttpRequest.newBuilder(endpoint).timeout(Duration.ofMinutes(2))
							.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json").header("Authorization", "Bearer " + ServerProcess.engineToken())
							.header("Prefer", "return=minimal")
							.POST(HttpRequest.BodyPublishers.ofString(body)).build();
					long t0 = System.nanoTime();
					HttpResponse<String> response;
					try {
						response = http.send(request, HttpResponse.BodyHandlers.ofString());
					} catch (IOException e) {
						errors.incrementAndGet();
						if (errorSamples.size() < 5) {
							errorSamples.add(e.toString());
						}
						continue;
					}
					latencies.add(System.nanoTime() - t0);
					if (response.statusCode() != 200) {
						errors.incrementAndGet();
						if (errorSamples.size() < 5) {
							errorSamples.add(response.statusCode() + " " + abbreviate(response.body()));
						}
						continue;
					}
					bundleCount.incrementAndGet();
					resources.addAndGet(bundle.getEntry().size());
					for (JsonNode entry : JSON.readTree(response.body()).path("entry")) {
						String location = entry.path("response").path("location").asText("");
						if (location.startsWith("Patient/")) {
							population.patientIds.add(location.split("/")[1]);
						}
					}
				}
			}));
		}
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		double seconds = (System.nanoTime() - started) / 1e9;
		double cpu = server.cpuSeconds() - cpuBefore;
		double gc = server.gcPauseSeconds(http) - gcBefore;
		double dbCpu = databaseCpuSeconds() - dbCpuBefore;
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("bundles", bundleCount.get());
		out.put("resources", resources.get());
		out.put("patients", population.patientIds.size());
		out.put("errors", errors.get());
		out.put("seconds", Latencies.round(seconds));
		out.put("bundlesPerSecond", Latencies.round(bundleCount.get() / seconds));
		out.put("resourcesPerSecond", Latencies.round(resources.get() / seconds));
		out.put("serverCpuSecondsPerBundle", Latencies.round(cpu / Math.max(1, bundleCount.get())));
		out.put("serverCpuMsPerResource", Latencies.round(cpu * 1000 / Math.max(1, resources.get())));
		out.put("gcPauseMsPerResource", Latencies.round(gc * 1000 / Math.max(1, resources.get())));
		out.put("databaseCpuMsPerResource", Latencies.round(dbCpu * 1000 / Math.max(1, resources.get())));
		out.put("bundleLatency", Latencies.summary(latencies.stream().mapToLong(Long::longValue).toArray()));
		if (!errorSamples.isEmpty()) {
			out.put("errorSamples", List.copyOf(errorSamples));
		}
		return out;
	}

	/** The query kinds of the mix; each worker takes them in turn, for a random patient or practitioner. */
	private enum QueryKind {
		READ_PATIENT, LUNG_CONDITIONS, LATEST_SPIROMETRY, ACTIVE_CAREPLAN_WITH_TEAM, CARETEAMS_OF_PRACTITIONER,
		PATIENT_EVERYTHING, COPD_GOLD_GRADE_COUNT;

		String path(SplittableRandom random, Population population) {
			String patient = population.patientIds.get(random.nextInt(population.patientIds.size()));
			return switch (this) {
				case READ_PATIENT -> "/Patient/" + patient;
				case LUNG_CONDITIONS -> "/Condition?subject=Patient/" + patient
						+ "&_profile=" + LUNGCARE + "/StructureDefinition/lungcare-condition";
				case LATEST_SPIROMETRY -> "/Observation?subject=Patient/" + patient
						+ "&code=http://loinc.org|81459-0&_sort=-date&_count=1";
				case ACTIVE_CAREPLAN_WITH_TEAM -> "/CarePlan?subject=Patient/" + patient
						+ "&status=active&_include=CarePlan:care-team";
				case CARETEAMS_OF_PRACTITIONER -> "/CareTeam?participant-identifier=" + NIHDI + "|"
						+ population.practitionerNihdis.get(random.nextInt(population.practitionerNihdis.size()));
				case PATIENT_EVERYTHING -> "/Patient/" + patient + "/$everything";
				case COPD_GOLD_GRADE_COUNT -> "/Condition?category=" + LUNGCARE + "/CodeSystem/lungcare-disease-group|copd"
						+ "&stage=" + LUNGCARE + "/CodeSystem/lungcare-gold-grade|gold-" + (1 + random.nextInt(4))
						+ "&_summary=count";
			};
		}
	}

	private Map<String, Object> queryMix(ServerProcess server, Population population) throws Exception {
		if (population.patientIds.isEmpty()) {
			throw new IllegalStateException("No patient was stored; nothing to query");
		}
		QueryKind[] kinds = QueryKind.values();
		int n = kinds.length;
		@SuppressWarnings("unchecked")
		List<Long>[] latencies = new List[n];
		AtomicInteger[] errors = new AtomicInteger[n];
		for (int k = 0; k < n; k++) {
			latencies[k] = Collections.synchronizedList(new ArrayList<>());
			errors[k] = new AtomicInteger();
		}
		List<String> errorSamples = Collections.synchronizedList(new ArrayList<>());
		long warmUpEnd = System.nanoTime() + settings.queryWarmUp().toNanos();
		long end = warmUpEnd + settings.queryDuration().toNanos();
		double[] cpuBefore = new double[1];
		ExecutorService pool = Executors.newFixedThreadPool(settings.queryConcurrency(), ServerBenchmark::daemon);
		List<Future<?>> workers = new ArrayList<>();
		SplittableRandom seeds = new SplittableRandom(settings.seed());
		for (int w = 0; w < settings.queryConcurrency(); w++) {
			SplittableRandom random = seeds.split();
			int first = w;
			workers.add(pool.submit(() -> {
				for (int i = first; ; i++) {
					long now = System.nanoTime();
					if (now >= end) {
						return null;
					}
					int k = i % n;
					String path = kinds[k].path(random, population).replace("|", "%7C");
					HttpRequest request = HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
							.timeout(Duration.ofSeconds(60)).header("Accept", "application/fhir+json").header("Authorization", "Bearer " + ServerProcess.engineToken()).GET().build();
					long t0 = System.nanoTime();
					String failure;
					try {
						HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
						failure = response.statusCode() == 200 ? null : response.statusCode() + " " + abbreviate(response.body());
					} catch (IOException e) {
						failure = e.toString();
					}
					long t1 = System.nanoTime();
					if (t0 < warmUpEnd || t1 > end) {
						continue;
					}
					latencies[k].add(t1 - t0);
					if (failure != null) {
						errors[k].incrementAndGet();
						if (errorSamples.size() < 5) {
							errorSamples.add(kinds[k] + " " + failure);
						}
					}
				}
			}));
		}
		Thread.sleep(Math.max(0, (warmUpEnd - System.nanoTime()) / 1_000_000));
		double gcBefore = server.gcPauseSeconds(http);
		cpuBefore[0] = server.cpuSeconds();
		double dbCpuBefore = databaseCpuSeconds();
		Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
		double cpu = server.cpuSeconds() - cpuBefore[0];
		double gc = server.gcPauseSeconds(http) - gcBefore;
		double dbCpu = databaseCpuSeconds() - dbCpuBefore;
		for (Future<?> worker : workers) {
			worker.get();
		}
		pool.shutdown();
		double seconds = settings.queryDuration().toNanos() / 1e9;
		Map<String, Object> byKind = new LinkedHashMap<>();
		long total = 0;
		int totalErrors = 0;
		List<Long> all = new ArrayList<>();
		for (int k = 0; k < n; k++) {
			long[] values = latencies[k].stream().mapToLong(Long::longValue).toArray();
			Map<String, Object> kind = Latencies.summary(values);
			kind.put("requestsPerSecond", Latencies.round(values.length / seconds));
			kind.put("errors", errors[k].get());
			byKind.put(kinds[k].name(), kind);
			total += values.length;
			totalErrors += errors[k].get();
			all.addAll(latencies[k]);
		}
		Map<String, Object> out = new LinkedHashMap<>(Latencies.summary(all.stream().mapToLong(Long::longValue).toArray()));
		out.put("requests", total);
		out.put("requestsPerSecond", Latencies.round(total / seconds));
		out.put("errors", totalErrors);
		out.put("serverCpuMsPerRequest", Latencies.round(cpu * 1000 / Math.max(1, total)));
		out.put("gcPauseMsPerRequest", Latencies.round(gc * 1000 / Math.max(1, total)));
		out.put("databaseCpuMsPerRequest", Latencies.round(dbCpu * 1000 / Math.max(1, total)));
		out.put("byKind", byKind);
		if (!errorSamples.isEmpty()) {
			out.put("errorSamples", List.copyOf(errorSamples));
		}
		return out;
	}

	/** CPU seconds of the embedded PostgreSQL's live processes (postmaster and backends). */
	private static double databaseCpuSeconds() {
		return ProcessHandle.allProcesses()
				.filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("/postgres")).orElse(false))
				.mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
				.sum();
	}

	private static Thread daemon(Runnable task) {
		Thread thread = new Thread(task);
		thread.setDaemon(true);
		return thread;
	}

	/** The error issues of an OperationOutcome (diagnostics and expression), or the start of another body. */
	private static String abbreviate(String body) {
		try {
			StringBuilder errors = new StringBuilder();
			for (JsonNode issue : JSON.readTree(body).path("issue")) {
				if (issue.path("severity").asText().matches("error|fatal")) {
					errors.append(issue.path("diagnostics").asText()).append(' ').append(issue.path("expression")).append("; ");
				}
			}
			if (!errors.isEmpty()) {
				body = errors.toString();
			}
		} catch (IOException notJson) {
			// keep the body as it is
		}
		String flat = body.replaceAll("\\s+", " ");
		return flat.length() > 300 ? flat.substring(0, 300) + "..." : flat;
	}

	/** The median over the runs of every number found at the same place in the run reports. */
	@SuppressWarnings("unchecked")
	static Object medians(List<?> values) {
		Object first = values.get(0);
		if (first instanceof Map<?, ?> map) {
			Map<String, Object> out = new LinkedHashMap<>();
			for (Object key : map.keySet()) {
				List<Object> children = values.stream().map(v -> ((Map<String, Object>) v).get(key)).toList();
				if (children.stream().allMatch(c -> c != null && !(c instanceof List))) {
					out.put((String) key, medians(children));
				}
			}
			return out;
		}
		if (first instanceof Number) {
			return Latencies.round(Latencies.median(values.stream().map(v -> ((Number) v).doubleValue()).toList()));
		}
		return first;
	}
}
