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
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Ingest and query benchmark of the packaged server on a real PostgreSQL, with validation on and, as the baseline
 * that stands for stock HAPI, the same server with validation off; run on demand ({@code mvn -Pbenchmark verify},
 * see docs/performance.md), never part of the tests' pass/fail.
 * <p>
 * Each run measures two configurations, {@link Configuration#STRICT} (the server's default) and
 * {@link Configuration#OFF} ({@code LUNGCARE_VALIDATION_MODE=off}), one after the other and in alternating order
 * from run to run, so that the machine's drift hits both alike. Each configuration gets an empty embedded
 * PostgreSQL and a fresh server process of its own, and on it:
 * <ol>
 *   <li><b>cold</b>: ingests a first synthetic data set (seed + 1) on the fresh JVM;</li>
 *   <li><b>warm</b>: ingests the measured data set (the seed), same number of patients;</li>
 *   <li>runs a closed-loop query mix for a fixed time on the patients and practitioners of the measured set.</li>
 * </ol>
 * Ingest is transaction bundles at a fixed client concurrency. Each phase reports its rates, latency
 * percentiles, errors, server CPU (the server process's own CPU clock), the part of it spent in garbage-collection
 * pauses (from the server's own metrics) and the CPU of its JIT compiler threads, the CPU of this run's PostgreSQL (postmaster and backends) and their sum, per
 * resource or per request; each configuration also reports start-up time to ready and peak and final RSS.
 * <p>
 * Each run is printed as {@code RUN n {...}}; then the summary (settings, the medians over the runs of every figure
 * of each configuration and phase, the ratios strict/off of the median JVM+DB CPU, the runs) as one JSON line
 * {@code BENCHMARK {...}}, also written to {@code target/benchmark/summary.json}; last, a table of the JVM+DB CPU
 * figures, the part of them the JIT compiler spent, the failures and the ratio strict/off of warm ingest.
 * <p>
 * Settings are the {@code benchmark.*} system properties ({@link Settings}); the program arguments
 * {@code --seed=N} and {@code --patients=N} override theirs (the {@code benchmark} profile passes
 * {@code -Dbenchmark.seed} and {@code -Dbenchmark.patients} as these arguments).
 */
public final class ServerBenchmark {

	private static final ObjectMapper JSON = new ObjectMapper();
	private static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	private static final String LUNGCARE = "https://fhir.lungcare.be";

	private final Settings settings;
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	/**
	 * What the benchmark runs. Defaults (the issue's reference scenario): 200 patients, 5 per bundle, seed 20261201
	 * (not the generator's default), ingest concurrency 2, query concurrency 8, 15 s query warm-up, 30 s measured
	 * queries, 3 runs, no extra server JVM arguments.
	 */
	record Settings(int patients, int patientsPerBundle, long seed, int ingestConcurrency, int queryConcurrency,
			Duration queryWarmUp, Duration queryDuration, int runs, List<String> jvmArgs, Path jar, Path outDir) {

		/** The {@code benchmark.*} system properties, with {@code --seed=N} and {@code --patients=N} from {@code args}. */
		static Settings from(String[] args) throws IOException {
			Map<String, String> options = options(args);
			return new Settings(
					Integer.parseInt(options.getOrDefault("patients", System.getProperty("benchmark.patients", "200"))),
					Integer.getInteger("benchmark.patientsPerBundle", 5),
					Long.parseLong(options.getOrDefault("seed", System.getProperty("benchmark.seed", "20261201"))),
					Integer.getInteger("benchmark.ingestConcurrency", 2),
					Integer.getInteger("benchmark.queryConcurrency", 8),
					Duration.ofSeconds(Long.getLong("benchmark.queryWarmUpSeconds", 15)),
					Duration.ofSeconds(Long.getLong("benchmark.querySeconds", 30)),
					Integer.getInteger("benchmark.runs", 3),
					Arrays.stream(System.getProperty("benchmark.jvmArgs", "").trim().split("\\s+"))
							.filter(s -> !s.isEmpty()).toList(),
					ServerProcess.packagedJar(),
					Path.of("target", "benchmark"));
		}

		/** {@code --seed=N} / {@code --seed N} and {@code --patients=N} / {@code --patients N}. */
		private static Map<String, String> options(String[] args) {
			Map<String, String> options = new LinkedHashMap<>();
			for (int i = 0; i < args.length; i++) {
				String[] option = args[i].split("=", 2);
				String name = option[0].replaceFirst("^--", "");
				if (!option[0].startsWith("--") || !List.of("seed", "patients").contains(name)
						|| (option.length == 1 && i + 1 == args.length)) {
					throw new IllegalArgumentException("Usage: [--seed=N] [--patients=N]; got " + args[i]);
				}
				options.put(name, option.length == 2 ? option[1] : args[++i]);
			}
			return options;
		}

		Map<String, Object> report() {
			Map<String, Object> report = new LinkedHashMap<>();
			report.put("patients", patients);
			report.put("patientsPerBundle", patientsPerBundle);
			report.put("seed", seed);
			report.put("warmUpSeed", seed + 1);
			report.put("ingestConcurrency", ingestConcurrency);
			report.put("queryConcurrency", queryConcurrency);
			report.put("queryWarmUpSeconds", queryWarmUp.toSeconds());
			report.put("querySeconds", queryDuration.toSeconds());
			report.put("runs", runs);
			report.put("jvmArgs", String.join(" ", jvmArgs));
			return report;
		}
	}

	/** The server configurations compared; {@link #OFF} is the baseline that stands for stock HAPI. */
	enum Configuration {
		/** The server's default: validation on write with the LungCare profiles. */
		STRICT,
		/** No validation on write. */
		OFF;

		String key() {
			return name().toLowerCase(Locale.ROOT);
		}

		/** Set either way, so that a {@code LUNGCARE_VALIDATION_MODE} of the calling shell does not leak in. */
		Map<String, String> environment() {
			return Map.of("LUNGCARE_VALIDATION_MODE", key());
		}

		/** Strict first in odd runs, off first in even runs. */
		static List<Configuration> order(int run) {
			return run % 2 == 1 ? List.of(STRICT, OFF) : List.of(OFF, STRICT);
		}
	}

	/** The phases of a configuration, as keyed in the reports. */
	private static final String COLD = "ingestCold";
	private static final String WARM = "ingestWarm";
	private static final String QUERY = "query";
	/** The figure compared across configurations: JVM plus PostgreSQL CPU per resource (ingest) or request. */
	private static final String INGEST_CPU = "serverAndDatabaseCpuMsPerResource";
	private static final String QUERY_CPU = "serverAndDatabaseCpuMsPerRequest";

	private ServerBenchmark(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) {
		try {
			benchmark(Settings.from(args));
			System.exit(0);
		} catch (Exception | Error e) {
			e.printStackTrace();
			System.exit(1);
		}
	}

	private static void benchmark(Settings settings) throws Exception {
		Files.createDirectories(settings.outDir());
		ServerBenchmark benchmark = new ServerBenchmark(settings);
		List<Map<String, Object>> runs = new ArrayList<>();
		for (int run = 1; run <= settings.runs(); run++) {
			Map<String, Object> result = benchmark.run(run);
			System.out.println("RUN " + run + " " + JSON.writeValueAsString(result));
			runs.add(result);
		}
		@SuppressWarnings("unchecked")
		Map<String, Object> median = (Map<String, Object>) medians(runs);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("settings", settings.report());
		summary.put("median", median);
		summary.put("ratioStrictOff", ratios(median));
		summary.put("failures", failures(runs));
		summary.put("runs", runs);
		String line = JSON.writeValueAsString(summary);
		System.out.println("BENCHMARK " + line);
		Files.writeString(settings.outDir().resolve("summary.json"), line + "\n");
		System.out.print(table(median, failures(runs), settings.runs()));
	}

	/** Both configurations, each on its own PostgreSQL and server; reported in a fixed order, measured in {@code order}. */
	private Map<String, Object> run(int run) throws Exception {
		Map<String, Map<String, Object>> measured = new LinkedHashMap<>();
		List<Configuration> order = Configuration.order(run);
		for (Configuration configuration : order) {
			measured.put(configuration.key(), measure(run, configuration));
		}
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("order", order.stream().map(Configuration::key).toList());
		for (Configuration configuration : Configuration.values()) {
			result.put(configuration.key(), measured.get(configuration.key()));
		}
		return result;
	}

	/** One configuration: a fresh PostgreSQL and server, the cold and the warm ingest, then the query mix. */
	private Map<String, Object> measure(int run, Configuration configuration) throws Exception {
		String name = "run-" + run + "-" + configuration.key();
		Map<String, Object> result = new LinkedHashMap<>();
		ProcessBuilder.Redirect postgresLog = ProcessBuilder.Redirect.to(
				settings.outDir().resolve("postgres-" + name + ".log").toFile());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOutputRedirector(postgresLog).start()) {
			Map<String, String> env = new LinkedHashMap<>(configuration.environment());
			env.put("LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres");
			env.put("LUNGCARE_DB_USER", "postgres");
			env.put("LUNGCARE_DB_PASSWORD", "");
			try (ServerProcess server = ServerProcess.start(settings.jar(), settings.jvmArgs(), env,
					settings.outDir().resolve("server-" + name + ".log"), http)) {
				Deployment deployment = new Deployment(server, postgres.getPort());
				result.put("startupSeconds", Latencies.round(server.startupSeconds()));
				result.put("rssAfterStartupMiB", Math.round(server.rssMiB(false)));
				result.put(COLD, ingest(deployment, settings.seed() + 1, new Population()));
				Population population = new Population();
				result.put(WARM, ingest(deployment, settings.seed(), population));
				result.put(QUERY, queryMix(deployment, population));
				result.put("rssAfterBenchmarkMiB", Math.round(server.rssMiB(false)));
				result.put("peakRssMiB", Math.round(server.rssMiB(true)));
			}
		}
		return result;
	}

	/** The server under test and the port of its PostgreSQL, whose processes' CPU is counted with the server's. */
	private record Deployment(ServerProcess server, int databasePort) {

		/** CPU seconds of this PostgreSQL's live processes: the postmaster listening on the port and its children. */
		double databaseCpuSeconds() {
			return ProcessHandle.allProcesses()
					.filter(p -> p.info().command().map(c -> c.contains("embedded-pg") && c.endsWith("/postgres")).orElse(false))
					.filter(p -> listensOn(p, databasePort))
					.flatMap(p -> Stream.concat(Stream.of(p), p.descendants()))
					.mapToDouble(p -> p.info().totalCpuDuration().map(d -> d.toNanos() / 1e9).orElse(0.0))
					.sum();
		}

		private static boolean listensOn(ProcessHandle postmaster, int port) {
			List<String> arguments = Arrays.asList(postmaster.info().arguments().orElse(new String[0]));
			int p = arguments.indexOf("-p");
			return p >= 0 && p + 1 < arguments.size() && arguments.get(p + 1).equals(Integer.toString(port));
		}
	}

	/** What the ingest learnt about the stored data, for the queries. */
	private static final class Population {
		final List<String> patientIds = Collections.synchronizedList(new ArrayList<>());
		List<String> practitionerNihdis = List.of();
	}

	/** Posts the synthetic data set of {@code seed} as transaction bundles, {@code ingestConcurrency} at a time. */
	private Map<String, Object> ingest(Deployment deployment, long seed, Population population) throws Exception {
		ServerProcess server = deployment.server();
		PopulationGenerator generator = new PopulationGenerator(seed);
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
		double jitBefore = server.jitCpuSeconds();
		double cpuBefore = server.cpuSeconds();
		double dbCpuBefore = deployment.databaseCpuSeconds();
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
		double jit = server.jitCpuSeconds() - jitBefore;
		double dbCpu = deployment.databaseCpuSeconds() - dbCpuBefore;
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
		out.put("jitCpuMsPerResource", Latencies.round(jit * 1000 / Math.max(1, resources.get())));
		out.put("databaseCpuMsPerResource", Latencies.round(dbCpu * 1000 / Math.max(1, resources.get())));
		out.put(INGEST_CPU, Latencies.round((cpu + dbCpu) * 1000 / Math.max(1, resources.get())));
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

	private Map<String, Object> queryMix(Deployment deployment, Population population) throws Exception {
		ServerProcess server = deployment.server();
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
		double jitBefore = server.jitCpuSeconds();
		cpuBefore[0] = server.cpuSeconds();
		double dbCpuBefore = deployment.databaseCpuSeconds();
		Thread.sleep(Math.max(0, (end - System.nanoTime()) / 1_000_000));
		double cpu = server.cpuSeconds() - cpuBefore[0];
		double gc = server.gcPauseSeconds(http) - gcBefore;
		double jit = server.jitCpuSeconds() - jitBefore;
		double dbCpu = deployment.databaseCpuSeconds() - dbCpuBefore;
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
		out.put("jitCpuMsPerRequest", Latencies.round(jit * 1000 / Math.max(1, total)));
		out.put("databaseCpuMsPerRequest", Latencies.round(dbCpu * 1000 / Math.max(1, total)));
		out.put(QUERY_CPU, Latencies.round((cpu + dbCpu) * 1000 / Math.max(1, total)));
		out.put("byKind", byKind);
		if (!errorSamples.isEmpty()) {
			out.put("errorSamples", List.copyOf(errorSamples));
		}
		return out;
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

	/** Strict over off of the median JVM+DB CPU of each phase. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> ratios(Map<String, Object> median) {
		Map<String, Object> strict = (Map<String, Object>) median.get(Configuration.STRICT.key());
		Map<String, Object> off = (Map<String, Object>) median.get(Configuration.OFF.key());
		Map<String, Object> ratios = new LinkedHashMap<>();
		ratios.put(COLD, Latencies.round(ratio(cpu(strict, COLD, INGEST_CPU), cpu(off, COLD, INGEST_CPU))));
		ratios.put(WARM, Latencies.round(ratio(cpu(strict, WARM, INGEST_CPU), cpu(off, WARM, INGEST_CPU))));
		ratios.put(QUERY, Latencies.round(ratio(cpu(strict, QUERY, QUERY_CPU), cpu(off, QUERY, QUERY_CPU))));
		return ratios;
	}

	@SuppressWarnings("unchecked")
	private static double cpu(Map<String, Object> configuration, String phase, String figure) {
		return ((Number) ((Map<String, Object>) configuration.get(phase)).get(figure)).doubleValue();
	}

	private static double ratio(double strict, double off) {
		return off > 0 ? strict / off : Double.NaN;
	}

	/** Per configuration, the sum over all runs of the errors of both ingests and of the query mix. */
	@SuppressWarnings("unchecked")
	static Map<String, Object> failures(List<Map<String, Object>> runs) {
		Map<String, Object> failures = new LinkedHashMap<>();
		for (Configuration configuration : Configuration.values()) {
			long sum = 0;
			for (Map<String, Object> run : runs) {
				Map<String, Object> measured = (Map<String, Object>) run.get(configuration.key());
				for (String phase : List.of(COLD, WARM, QUERY)) {
					sum += ((Number) ((Map<String, Object>) measured.get(phase)).get("errors")).longValue();
				}
			}
			failures.put(configuration.key(), sum);
		}
		return failures;
	}

	/**
	 * The closing table: median JVM+DB CPU per phase and configuration, the part of it the JIT compiler spent,
	 * failures, and the warm-ingest ratio.
	 */
	@SuppressWarnings("unchecked")
	static String table(Map<String, Object> median, Map<String, Object> failures, int runs) {
		Map<String, Object> strict = (Map<String, Object>) median.get(Configuration.STRICT.key());
		Map<String, Object> off = (Map<String, Object>) median.get(Configuration.OFF.key());
		Map<String, Object> ratios = ratios(median);
		StringBuilder table = new StringBuilder();
		String row = "%-30s %9s %9s %11s%n";
		table.append(String.format(Locale.ROOT, row, "JVM+DB CPU, median of " + runs, "strict", "off", "strict/off"));
		table.append(String.format(Locale.ROOT, row, "ingest cold  CPU ms/resource", number(cpu(strict, COLD, INGEST_CPU)),
				number(cpu(off, COLD, INGEST_CPU)), number((Double) ratios.get(COLD))));
		table.append(String.format(Locale.ROOT, row, "ingest warm  CPU ms/resource", number(cpu(strict, WARM, INGEST_CPU)),
				number(cpu(off, WARM, INGEST_CPU)), number((Double) ratios.get(WARM))));
		table.append(String.format(Locale.ROOT, row, "queries      CPU ms/request", number(cpu(strict, QUERY, QUERY_CPU)),
				number(cpu(off, QUERY, QUERY_CPU)), number((Double) ratios.get(QUERY))));
		// the part of the CPU above that the JIT compiler threads used (medians of their own)
		for (String[] phase : new String[][] {{COLD, "cold", "jitCpuMsPerResource"}, {WARM, "warm", "jitCpuMsPerResource"},
				{QUERY, "queries", "jitCpuMsPerRequest"}}) {
			table.append(String.format(Locale.ROOT, row, "  of which JIT, " + phase[1], number(cpu(strict, phase[0], phase[2])),
					number(cpu(off, phase[0], phase[2])), ""));
		}
		table.append(String.format(Locale.ROOT, "%-30s %9s %9s%n", "failures (all runs)",
				failures.get(Configuration.STRICT.key()), failures.get(Configuration.OFF.key())));
		table.append(String.format(Locale.ROOT, "RATIO strict/off warm ingest (JVM+DB CPU per resource): %s%n",
				number((Double) ratios.get(WARM))));
		return table.toString();
	}

	private static String number(double value) {
		return String.format(Locale.ROOT, "%.2f", value);
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
