package be.lungcare.fhir.hardening;

import be.lungcare.fhir.benchmark.ServerProcess;
import be.lungcare.fhir.hardening.Hostile.Kind;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import com.fasterxml.jackson.databind.JsonNode;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The on-demand hardening suite of issue 11 ({@code mvn -Phardening -DskipTests verify}, see docs/hardening.md): a
 * report, never a test of {@code mvn verify}.
 * <p>
 * It starts an empty embedded PostgreSQL and the packaged server jar with the production JVM settings, creates a
 * small fixture through the API, then sends the {@link Catalogue} of hostile requests one after the other while a
 * {@link MetadataProbe} GETs {@code /metadata} every 250 ms; then it posts the worst accepted request (a
 * transaction just under the entry limit, of realistic resources) several times at once. Every answer is checked
 * for 5xx, timeouts, internals in the body (stack traces, class names, SQL) and against the row's expectation;
 * afterwards every invalid write is looked for by its marker tag, and the fixture for damage. It prints one line
 * {@code HARDENING {...}}, writes it to {@code target/hardening/summary.json} and every request to
 * {@code target/hardening/requests.jsonl}, and exits 1 if there was any violation (2 if the suite itself failed).
 */
public final class HardeningSuite {

	/** Internals that an answer must never show. */
	static final Pattern LEAK = Pattern.compile("\\tat |\\bjava\\.|\\bjavax\\.|\\bjakarta\\.|\\bca\\.uhn\\.|\\borg\\.hibernate"
			+ "|\\borg\\.springframework|\\bcom\\.fasterxml|\\borg\\.postgresql|\\borg\\.apache\\.|Exception\\b|Caused by:"
			+ "|SELECT |INSERT |DELETE FROM |UPDATE \\w+ SET |(?i:\\bhfj_\\w+)|ERROR: |SQL ?[Ss]tate|root:x:0:0"
			+ "|\\b(?:com|org|net|io|ca|be)\\.[a-z]\\w*\\.[\\w.]*[A-Z]\\w*");
	private static final Pattern INCIDENT = Pattern.compile("incident ([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");

	record Settings(Path jar, List<String> jvmArgs, Path outDir, Duration timeout, Duration probeInterval, Duration probeLimit,
			Duration quick, Duration recovery, int maxBundleEntries, int maxPageSize, int worstConcurrency, long seed,
			List<String> only) {

		static Settings fromSystemProperties() throws IOException {
			Path target = Path.of("target");
			Path jar;
			try (var files = Files.list(target)) {
				jar = files.filter(p -> p.getFileName().toString().matches("lungcare-fhir-.*\\.jar"))
						.findFirst().orElseThrow(() -> new IllegalStateException("No server jar in target/: run mvn package"));
			}
			return new Settings(jar,
					words(System.getProperty("hardening.jvmArgs", "")),
					target.resolve("hardening"),
					Duration.ofSeconds(Long.getLong("hardening.timeoutSeconds", 30)),
					Duration.ofMillis(Long.getLong("hardening.probeIntervalMs", 250)),
					Duration.ofMillis(Long.getLong("hardening.probeLimitMs", 1000)),
					Duration.ofMillis(Long.getLong("hardening.quickMs", 5000)),
					Duration.ofSeconds(Long.getLong("hardening.recoverySeconds", 60)),
					Integer.getInteger("hardening.maxBundleEntries", 1000),
					Integer.getInteger("hardening.maxPageSize", 200),
					Integer.getInteger("hardening.worstConcurrency", 4),
					Long.getLong("hardening.seed", 20261123L),
					words(System.getProperty("hardening.only", "").replace(',', ' ')));
		}

		private static List<String> words(String text) {
			return Arrays.stream(text.trim().split("\\s+")).filter(s -> !s.isEmpty()).toList();
		}

		boolean runs(Kind kind) {
			return only.isEmpty() || only.contains(kind.label);
		}
	}

	/** What one request got, and what is wrong with it. */
	record Result(Hostile hostile, Answer answer, String leak, List<String> problems, List<String> categories) {
	}

	private final Settings settings;
	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(5)).build();

	private HardeningSuite(Settings settings) {
		this.settings = settings;
	}

	public static void main(String[] args) {
		int exit;
		try {
			exit = new HardeningSuite(Settings.fromSystemProperties()).run();
		} catch (Exception | Error e) {
			e.printStackTrace();
			exit = 2;
		}
		System.exit(exit);
	}

	/**
	 * The server under test. A hostile request can leave it unable to answer (heap exhausted, process gone); then it
	 * is restarted on the same database, so that the rest of the catalogue still runs, and the restart is a violation.
	 */
	private final class Server implements AutoCloseable {
		private final Map<String, String> environment;
		private final List<Path> logs = new ArrayList<>();
		private ServerProcess process;
		private RawHttp client;

		Server(Map<String, String> environment) {
			this.environment = environment;
		}

		void start() throws IOException, InterruptedException {
			Path log = settings.outDir().resolve(logs.isEmpty() ? "server.log" : "server-" + (logs.size() + 1) + ".log");
			logs.add(log);
			process = ServerProcess.start(settings.jar(), settings.jvmArgs(), environment, log, http);
			client = new RawHttp("127.0.0.1", process.port(), ServerProcess.engineToken());
			System.out.printf("Server ready after %.1f s (API port %d, management port %d)%n", process.startupSeconds(),
					process.port(), process.managementPort());
		}

		/** True once {@code /metadata} answers 200 within 10 s, trying for up to the recovery time. */
		boolean healthy() throws InterruptedException {
			long deadline = System.nanoTime() + settings.recovery().toNanos();
			do {
				if (!process.isAlive()) {
					return false;
				}
				RawHttp.Response response = client.send(new RawHttp.Request("GET", "/fhir/metadata",
						RawHttp.headers("Accept", "application/fhir+json"), null), Duration.ofSeconds(10));
				if (response.status() == 200) {
					return true;
				}
				Thread.sleep(1000);
			} while (System.nanoTime() < deadline);
			return false;
		}

		void restart() throws IOException, InterruptedException {
			process.close();
			start();
		}

		List<String> logLines() throws IOException {
			List<String> lines = new ArrayList<>();
			for (Path log : logs) {
				lines.addAll(Files.readAllLines(log, StandardCharsets.ISO_8859_1));
			}
			return lines;
		}

		@Override
		public void close() {
			if (process == null) {
				return;
			}
			try {
				process.close();
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
			}
		}
	}

	private int run() throws Exception {
		long suiteStarted = System.nanoTime();
		Files.createDirectories(settings.outDir());
		try (var previous = Files.list(settings.outDir())) {
			for (Path file : previous.filter(p -> p.getFileName().toString().matches("server(-\\d+)?\\.log|requests\\.jsonl"))
					.toList()) {
				Files.delete(file);
			}
		}
		ProcessBuilder.Redirect postgresLog = ProcessBuilder.Redirect.to(settings.outDir().resolve("postgres.log").toFile());
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().setOutputRedirector(postgresLog).start();
				Server server = new Server(Map.of(
						"LUNGCARE_DB_URL", "jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/postgres",
						"LUNGCARE_DB_USER", "postgres",
						"LUNGCARE_DB_PASSWORD", ""))) {
			server.start();
			double startupSeconds = server.process.startupSeconds();
			Fixture fixture = Fixture.create(server.client, server.process.managementPort());
			List<Hostile> catalogue = Catalogue.build(fixture, settings.quick(), settings.maxBundleEntries(),
					settings.maxPageSize()).stream().filter(h -> settings.runs(h.kind())).toList();
			List<Hostile> worst = settings.runs(Kind.WORST_ACCEPTED) ? worstAccepted() : List.of();
			System.out.printf("Catalogue: %d hostile requests, then %d concurrent worst accepted requests%n",
					catalogue.size(), worst.size());
			List<Result> results = new ArrayList<>();
			List<Map<String, Object>> restarts = new ArrayList<>();
			long worstFrom;
			long worstTo;
			List<MetadataProbe.Sample> samples;
			int total = catalogue.size() + worst.size();
			// the first /metadata builds the CapabilityStatement: a start-up cost, reported apart from the probe
			RawHttp.Response firstMetadata = server.client.send(new RawHttp.Request("GET", "/fhir/metadata",
					RawHttp.headers("Accept", "application/fhir+json"), null), settings.timeout());
			MetadataProbe probe = new MetadataProbe(server.client, settings.probeInterval(), Duration.ofSeconds(10));
			try {
				probe.start();
				// first the worst accepted request, on the fresh server: a measure of capacity, not of what the
				// hostile requests left behind
				worstFrom = probe.elapsedNanos();
				if (!worst.isEmpty()) {
					probe.during(Kind.WORST_ACCEPTED.label);
					List<Result> concurrent = concurrently(server.client, worst);
					for (Result result : concurrent) {
						record(result, results, results.size() + 1, total);
					}
					recoverIfNeeded(concurrent, server, probe, restarts);
				}
				worstTo = probe.elapsedNanos();
				for (Hostile hostile : catalogue) {
					probe.during("#" + hostile.n() + " " + hostile.name());
					Result result = evaluate(hostile, server.client.send(hostile.request(), settings.timeout()));
					record(result, results, results.size() + 1, total);
					recoverIfNeeded(List.of(result), server, probe, restarts);
				}
				probe.during("after the hostile requests");
				Thread.sleep(2 * settings.probeInterval().toMillis());
			} finally {
				probe.close();
			}
			samples = probe.samples();
			if (!server.healthy()) {
				System.out.println("  the server does not answer /metadata after the hostile requests; restarting it");
				server.restart();
				restarts.add(Map.of("kind", "server", "categories", List.of("unresponsive"),
						"problems", List.of("the server did not answer /metadata after the last request and was restarted")));
			}
			System.out.println("Searching for stored markers and checking the fixture");
			Map<Integer, Integer> stored = storedMarkers(server.client, catalogue);
			List<String> damage = fixture.damage(server.client);
			Map<String, Object> summary = summary(results, stored, damage, samples, firstMetadata, worstFrom, worstTo,
					restarts, server.logLines(), startupSeconds, suiteStarted);
			summary.put("serverMemory", memory(server.process));
			write(results, stored);
			String line = Json.MAPPER.writeValueAsString(summary);
			printViolations(summary);
			System.out.println("HARDENING " + line);
			Files.writeString(settings.outDir().resolve("summary.json"), line + "\n");
			return ((Number) summary.get("violationCount")).intValue() == 0 ? 0 : 1;
		}
	}

	/** Keeps the result, appends it to requests.jsonl as it comes, and prints violations and progress. */
	private void record(Result result, List<Result> results, int done, int total) throws IOException {
		results.add(result);
		Files.writeString(settings.outDir().resolve("requests.jsonl"), Json.MAPPER.writeValueAsString(line(result, null)) + "\n",
				StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
		if (!result.categories().isEmpty()) {
			System.out.printf("  #%d [%s] %s -> %d in %.0f ms: %s%n", result.hostile().n(), result.hostile().kind().label,
					result.hostile().name(), result.answer().status(), result.answer().response().millis(), result.problems());
		}
		if (done % 50 == 0) {
			System.out.printf("%d/%d requests sent%n", done, total);
		}
	}

	/**
	 * After a timeout, a request without an answer or a 5xx: if the server no longer answers {@code /metadata}
	 * within the recovery time (or has exited), it is restarted and the restart is recorded.
	 */
	private void recoverIfNeeded(List<Result> latest, Server server, MetadataProbe probe, List<Map<String, Object>> restarts)
			throws IOException, InterruptedException {
		boolean suspicious = latest.stream().anyMatch(r -> r.categories().contains("timeout")
				|| r.categories().contains("no-answer") || r.categories().contains("5xx"));
		if (!suspicious || server.healthy()) {
			return;
		}
		Result cause = latest.get(latest.size() - 1);
		String state = server.process.isAlive() ? "did not answer /metadata within " + settings.recovery().toSeconds() + " s"
				: "exited";
		System.out.printf("  the server %s after #%d; restarting it%n", state, cause.hostile().n());
		probe.pause();
		server.restart();
		probe.resume(server.client);
		Map<String, Object> restart = new LinkedHashMap<>();
		restart.put("n", cause.hostile().n());
		restart.put("kind", cause.hostile().kind().label);
		restart.put("name", cause.hostile().name());
		restart.put("categories", List.of("unresponsive"));
		restart.put("problems", List.of("the server " + state + " after this request and was restarted"));
		restarts.add(restart);
	}

	private Result evaluate(Hostile hostile, RawHttp.Response response) {
		Answer answer = Answer.of(response);
		List<String> problems = new ArrayList<>();
		List<String> categories = new ArrayList<>();
		String leak = null;
		if (response.timedOut()) {
			categories.add("timeout");
			problems.add(response.error());
		} else if (response.status() == 0) {
			categories.add("no-answer");
			problems.add(response.error());
		} else {
			if (response.status() >= 500) {
				categories.add("5xx");
				problems.add("server error " + response.status());
			}
			Matcher matcher = LEAK.matcher(answer.text());
			if (matcher.find()) {
				leak = matcher.group();
				categories.add("leak");
				problems.add("the body shows internals: \"" + leak.replace("\t", "\\t") + "\"");
			}
			String problem = hostile.expect().problem(answer);
			if (problem != null) {
				categories.add("expectation");
				problems.add(problem + " (expected " + hostile.expect().describe() + ")");
			}
		}
		return new Result(hostile, answer, leak, problems, categories);
	}

	// --- the worst accepted request, posted several times at once -------------------------------------------------

	/** Transaction bundles of realistic resources, each just under the entry limit, from different seeds. */
	/**
	 * What the run did to the server's heap (SerialGC): garbage-collection pauses in all and of full collections, the
	 * live heap after the last full collection, and the process's peak RSS.
	 */
	private static Map<String, Object> memory(ServerProcess process) throws IOException, InterruptedException {
		java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
		Map<String, Object> memory = new LinkedHashMap<>();
		memory.put("gcPauseSeconds", round(process.metric(http, "jvm_gc_pause_seconds_sum")));
		memory.put("fullGcCount", (long) process.metric(http, "jvm_gc_pause_seconds_count{action=\"end of major GC\""));
		memory.put("fullGcPauseSeconds", round(process.metric(http, "jvm_gc_pause_seconds_sum{action=\"end of major GC\"")));
		memory.put("liveHeapAfterLastFullGcMiB", round(process.metric(http, "jvm_gc_live_data_size_bytes") / 1024 / 1024));
		memory.put("heapMaxMiB", round(process.metric(http, "jvm_memory_max_bytes{area=\"heap\"") / 1024 / 1024));
		memory.put("peakRssMiB", round(process.rssMiB(true)));
		return memory;
	}

	private List<Hostile> worstAccepted() {
		IParser parser = FhirContext.forR4Cached().newJsonParser();
		List<Hostile> worst = new ArrayList<>();
		for (int i = 0; i < settings.worstConcurrency(); i++) {
			long seed = settings.seed() + i;
			Bundle bundle = null;
			for (int patients = Math.max(1, settings.maxBundleEntries() / 25); patients >= 1; patients--) {
				bundle = new PopulationGenerator(seed).bundles(patients, patients).next();
				if (bundle.getEntry().size() <= settings.maxBundleEntries()) {
					break;
				}
			}
			byte[] body = parser.encodeResourceToString(bundle).getBytes(StandardCharsets.UTF_8);
			worst.add(new Hostile(10_001 + i, Kind.WORST_ACCEPTED,
					"transaction of " + bundle.getEntry().size() + " entries (seed " + seed + ")",
					new RawHttp.Request("POST", "/fhir", RawHttp.headers("Content-Type", "application/fhir+json",
							"Accept", "application/fhir+json", "Prefer", "return=minimal"), body),
					Expect.accepted(settings.timeout()), List.of()));
		}
		return worst;
	}

	private List<Result> concurrently(RawHttp client, List<Hostile> hostiles) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(hostiles.size());
		try {
			List<Future<Result>> futures = new ArrayList<>();
			for (Hostile hostile : hostiles) {
				futures.add(pool.submit(() -> evaluate(hostile, client.send(hostile.request(), settings.timeout()))));
			}
			List<Result> results = new ArrayList<>();
			for (Future<Result> future : futures) {
				results.add(future.get());
			}
			return results;
		} finally {
			pool.shutdownNow();
		}
	}

	// --- afterwards: what was stored ---------------------------------------------------------------------------------

	/** For each request with a marker: how many resources carry it (-1 when the search itself failed). */
	private Map<Integer, Integer> storedMarkers(RawHttp client, List<Hostile> catalogue) {
		Map<Integer, Integer> stored = new LinkedHashMap<>();
		for (Hostile hostile : catalogue) {
			int count = 0;
			for (String type : hostile.storedTypes()) {
				RawHttp.Response response = client.send(new RawHttp.Request("GET", "/fhir/" + type + "?_tag="
						+ Payloads.TAG_SYSTEM + "%7C" + hostile.marker() + "&_summary=count",
						RawHttp.headers("Accept", "application/fhir+json"), null), settings.timeout());
				JsonNode body = Json.parse(response.body());
				if (response.status() != 200 || body == null || !body.has("total")) {
					count = -1;
					break;
				}
				count += body.path("total").asInt();
			}
			if (!hostile.storedTypes().isEmpty()) {
				stored.put(hostile.n(), count);
			}
		}
		return stored;
	}

	// --- the report ----------------------------------------------------------------------------------------------------

	private Map<String, Object> summary(List<Result> results, Map<Integer, Integer> stored, List<String> damage,
			List<MetadataProbe.Sample> samples, RawHttp.Response firstMetadata, long worstFrom, long worstTo,
			List<Map<String, Object>> restarts, List<String> serverLog, double startupSeconds, long suiteStarted) {
		Map<String, Integer> byClass = new LinkedHashMap<>();
		for (String statusClass : List.of("2xx", "3xx", "4xx", "5xx", "none")) {
			byClass.put(statusClass, 0);
		}
		Map<String, Integer> byCategory = new LinkedHashMap<>();
		for (String category : List.of("5xx", "timeout", "no-answer", "unresponsive", "leak", "expectation", "invalid-stored",
				"damage", "probe")) {
			byCategory.put(category, 0);
		}
		List<Map<String, Object>> violations = new ArrayList<>();
		Map<Kind, List<Result>> byKind = new EnumMap<>(Kind.class);
		int clientErrorsWithoutOutcome = 0;
		for (Result result : results) {
			int status = result.answer().status();
			byClass.merge(status == 0 ? "none" : (status / 100) + "xx", 1, Integer::sum);
			if (status >= 400 && status < 500 && !result.answer().isOperationOutcome()) {
				clientErrorsWithoutOutcome++;
			}
			byKind.computeIfAbsent(result.hostile().kind(), k -> new ArrayList<>()).add(result);
			List<String> categories = new ArrayList<>(result.categories());
			List<String> problems = new ArrayList<>(result.problems());
			Integer count = stored.get(result.hostile().n());
			if (count != null && count != 0) {
				categories.add("invalid-stored");
				problems.add(count < 0 ? "the marker search failed" : count + " resource(s) with marker " + result.hostile().marker()
						+ " stored");
			}
			categories.forEach(c -> byCategory.merge(c, 1, Integer::sum));
			if (!categories.isEmpty()) {
				violations.add(violation(result, categories, problems, serverLog));
			}
		}
		for (String item : damage) {
			byCategory.merge("damage", 1, Integer::sum);
			violations.add(Map.of("kind", "fixture", "categories", List.of("damage"), "problems", List.of(item)));
		}
		long limit = settings.probeLimit().toNanos();
		List<MetadataProbe.Sample> badProbes = samples.stream().filter(s -> s.status() != 200 || s.nanos() > limit).toList();
		for (MetadataProbe.Sample sample : badProbes) {
			byCategory.merge("probe", 1, Integer::sum);
			Map<String, Object> violation = new LinkedHashMap<>();
			violation.put("kind", "metadata-probe");
			violation.put("categories", List.of("probe"));
			violation.put("status", sample.status());
			violation.put("ms", round(sample.nanos() / 1e6));
			violation.put("atSecond", round(sample.startNanos() / 1e9));
			violation.put("during", sample.during());
			violation.put("problems", List.of(sample.status() != 200 ? "status " + sample.status()
					+ (sample.error() != null ? " (" + sample.error() + ")" : "")
					: "slower than " + settings.probeLimit().toMillis() + " ms"));
			violations.add(violation);
		}
		for (Map<String, Object> restart : restarts) {
			byCategory.merge("unresponsive", 1, Integer::sum);
			violations.add(restart);
		}
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("requests", results.size());
		out.put("hostileRequests", results.stream().filter(r -> r.hostile().kind() != Kind.WORST_ACCEPTED).count());
		out.put("byStatusClass", byClass);
		out.put("serverErrors", byCategory.get("5xx"));
		out.put("timeouts", byCategory.get("timeout"));
		out.put("noAnswer", byCategory.get("no-answer"));
		out.put("serverRestarts", byCategory.get("unresponsive"));
		out.put("leaks", byCategory.get("leak"));
		out.put("invalidStored", byCategory.get("invalid-stored"));
		out.put("fixtureDamage", byCategory.get("damage"));
		out.put("expectationFailures", byCategory.get("expectation"));
		out.put("clientErrorsWithoutOperationOutcome", clientErrorsWithoutOutcome);
		out.put("metadataProbe", probeSummary(samples, 0, Long.MAX_VALUE, badProbes.size()));
		out.put("metadataFirst", Map.of("status", firstMetadata.status(), "ms", round(firstMetadata.millis())));
		out.put("metadataBytes", samples.stream().filter(sample -> sample.status() == 200).mapToInt(MetadataProbe.Sample::bytes)
				.max().orElse(0));
		out.put("metadataProbeDuringWorstAccepted", probeSummary(samples, worstFrom, worstTo, -1));
		Map<String, Object> kinds = new LinkedHashMap<>();
		byKind.forEach((kind, list) -> kinds.put(kind.label, kindSummary(list, stored)));
		out.put("byKind", kinds);
		out.put("oversizeLatencies", latencies(byKind.getOrDefault(Kind.OVERSIZE, List.of())));
		out.put("worstAccepted", latencies(byKind.getOrDefault(Kind.WORST_ACCEPTED, List.of())));
		out.put("violationCount", violations.size());
		out.put("violationsByCategory", byCategory);
		out.put("violations", violations);
		Map<String, Object> run = new LinkedHashMap<>();
		run.put("jvmArgs", String.join(" ", settings.jvmArgs()));
		run.put("timeoutSeconds", settings.timeout().toSeconds());
		run.put("probeIntervalMs", settings.probeInterval().toMillis());
		run.put("probeLimitMs", settings.probeLimit().toMillis());
		run.put("quickMs", settings.quick().toMillis());
		run.put("recoverySeconds", settings.recovery().toSeconds());
		run.put("maxBundleEntries", settings.maxBundleEntries());
		run.put("worstConcurrency", settings.worstConcurrency());
		run.put("startupSeconds", round(startupSeconds));
		run.put("suiteSeconds", round((System.nanoTime() - suiteStarted) / 1e9));
		out.put("run", run);
		return out;
	}

	private Map<String, Object> violation(Result result, List<String> categories, List<String> problems, List<String> serverLog) {
		Map<String, Object> violation = new LinkedHashMap<>();
		violation.put("n", result.hostile().n());
		violation.put("kind", result.hostile().kind().label);
		violation.put("name", result.hostile().name());
		violation.put("categories", categories);
		violation.put("status", result.answer().status());
		violation.put("ms", round(result.answer().response().millis()));
		violation.put("problems", problems);
		violation.put("body", result.answer().abbreviated(200));
		Matcher incident = INCIDENT.matcher(result.answer().text());
		if (incident.find()) {
			String log = serverLogFor(incident.group(1), serverLog);
			if (log != null) {
				violation.put("serverLog", log);
			}
		}
		return violation;
	}

	/** The log line of an incident and the line after it (the exception), shortened. */
	private static String serverLogFor(String incident, List<String> serverLog) {
		for (int i = 0; i < serverLog.size(); i++) {
			String line = serverLog.get(i);
			if (line.contains(incident)) {
				String text = line.substring(line.indexOf("incident"));
				for (int j = i + 1; j < serverLog.size() && j <= i + 3; j++) {
					if (!serverLog.get(j).isBlank()) {
						text += " | " + serverLog.get(j).trim();
						break;
					}
				}
				return text.length() > 400 ? text.substring(0, 400) : text;
			}
		}
		return null;
	}

	private Map<String, Object> probeSummary(List<MetadataProbe.Sample> samples, long from, long to, int violations) {
		double[] ms = samples.stream().filter(s -> s.startNanos() >= from && s.startNanos() <= to)
				.mapToDouble(s -> s.nanos() / 1e6).sorted().toArray();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("probes", ms.length);
		out.put("p50Ms", round(percentile(ms, 50)));
		out.put("p99Ms", round(percentile(ms, 99)));
		out.put("maxMs", ms.length == 0 ? 0 : round(ms[ms.length - 1]));
		if (violations >= 0) {
			out.put("violations", violations);
		}
		return out;
	}

	private static Map<String, Object> kindSummary(List<Result> results, Map<Integer, Integer> stored) {
		double[] ms = results.stream().mapToDouble(r -> r.answer().response().millis()).sorted().toArray();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("requests", results.size());
		out.put("p50Ms", round(percentile(ms, 50)));
		out.put("p95Ms", round(percentile(ms, 95)));
		out.put("maxMs", ms.length == 0 ? 0 : round(ms[ms.length - 1]));
		out.put("violations", results.stream().filter(r -> !r.categories().isEmpty()
				|| stored.getOrDefault(r.hostile().n(), 0) != 0).count());
		return out;
	}

	private static List<Map<String, Object>> latencies(List<Result> results) {
		List<Map<String, Object>> out = new ArrayList<>();
		for (Result result : results) {
			Map<String, Object> item = new LinkedHashMap<>();
			item.put("n", result.hostile().n());
			item.put("name", result.hostile().name());
			item.put("status", result.answer().status());
			item.put("ms", round(result.answer().response().millis()));
			out.add(item);
		}
		return out;
	}

	/** requests.jsonl again, now with what the marker search found. */
	private void write(List<Result> results, Map<Integer, Integer> stored) throws IOException {
		StringBuilder lines = new StringBuilder();
		for (Result result : results) {
			lines.append(Json.MAPPER.writeValueAsString(line(result, stored.get(result.hostile().n())))).append('\n');
		}
		Files.writeString(settings.outDir().resolve("requests.jsonl"), lines);
	}

	private static Map<String, Object> line(Result result, Integer stored) {
		Map<String, Object> line = new LinkedHashMap<>();
		line.put("n", result.hostile().n());
		line.put("kind", result.hostile().kind().label);
		line.put("name", result.hostile().name());
		line.put("method", result.hostile().request().method());
		String target = result.hostile().request().target();
		line.put("target", target.length() > 200 ? target.substring(0, 200) + "..." : target);
		line.put("requestBytes", result.hostile().request().body() == null ? 0 : result.hostile().request().body().length);
		line.put("expect", result.hostile().expect().describe());
		line.put("status", result.answer().status());
		line.put("ms", round(result.answer().response().millis()));
		line.put("operationOutcome", result.answer().isOperationOutcome());
		line.put("stored", stored);
		line.put("problems", result.problems());
		line.put("body", result.answer().abbreviated(300));
		return line;
	}

	/** The violations, one line each; slow probes grouped by the request that was in flight. */
	@SuppressWarnings("unchecked")
	private static void printViolations(Map<String, Object> summary) {
		List<Map<String, Object>> violations = (List<Map<String, Object>>) summary.get("violations");
		System.out.println("Violations: " + violations.size() + " " + summary.get("violationsByCategory"));
		Map<String, double[]> probes = new LinkedHashMap<>();
		for (Map<String, Object> violation : violations) {
			if ("metadata-probe".equals(violation.get("kind"))) {
				double[] countAndMax = probes.computeIfAbsent((String) violation.get("during"), d -> new double[2]);
				countAndMax[0]++;
				countAndMax[1] = Math.max(countAndMax[1], ((Number) violation.get("ms")).doubleValue());
			} else {
				System.out.println("  " + violation.getOrDefault("n", "-") + " [" + violation.get("kind") + "] "
						+ violation.getOrDefault("name", "") + " -> " + violation.getOrDefault("status", "") + " "
						+ violation.get("problems"));
			}
		}
		probes.forEach((during, countAndMax) -> System.out.printf("  [metadata-probe] %d slow or failed probe(s), max %.0f ms,"
				+ " during %s%n", (int) countAndMax[0], countAndMax[1], during));
	}

	private static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return 0;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	private static double round(double value) {
		return Math.round(value * 10) / 10.0;
	}
}
