package be.lungcare.fhir.benchmark;

import be.lungcare.fhir.LungCareFhirApplication;
import be.lungcare.fhir.synthetic.Ssin;
import be.lungcare.fhir.validation.OfflineValidatorFactory;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Validation benchmark, run on demand ({@code mvn -Pbenchmark-validation verify}; never part of the
 * tests' pass/fail). Reports, as one JSON line (also written to target/benchmark-validation.json):
 * <ul>
 *   <li>warm validation time per resource, median and p95, for each LungCare profile in the examples;</li>
 *   <li>the CPU time per entry of a transaction's validation, HAPI's validator against the server's, taking turns;</li>
 *   <li>what the conditional creates of reference data (practitioners, organisations) cost in that validation: the
 *       most that not validating them again could save;</li>
 *   <li>the time to ingest the example bundles many times over into the real server on PostgreSQL,
 *       with validation on write off and on (strict).</li>
 * </ul>
 */
public final class ValidationBenchmark {

	private static final int WARM_ROUNDS = 20;
	private static final int MEASURED_ROUNDS = 50;
	private static final int INGEST_ROUNDS = Integer.getInteger("benchmark.ingestRounds", 25);

	public static void main(String[] args) throws Exception {
		FhirContext ctx = FhirContext.forR4Cached();
		List<String> bundles = readExamples();
		Map<String, Object> report = new LinkedHashMap<>();
		report.put("perProfileMs", perProfile(ctx, bundles));
		report.put("perResourceInTransactionMs", perResourceInBundle(ctx, bundles));
		report.put("perResourceInTransactionCpuMs", hapiAgainstSingleWalk(ctx, bundles));
		report.put("conditionalCreatesCpuMs", conditionalCreates(ctx, bundles));
		if (!Boolean.parseBoolean(System.getProperty("benchmark.ingest", "true"))) {
			System.out.println("BENCHMARK " + toJson(report));
			System.exit(0);
		}
		Map<String, Object> ingest = new LinkedHashMap<>();
		try (EmbeddedPostgres postgres = EmbeddedPostgres.builder().start()) {
			for (String mode : List.of("off", "strict")) {
				ingest.put(mode, ingest(ctx, postgres, mode, bundles));
			}
		}
		double off = (double) ((Map<?, ?>) ingest.get("off")).get("msPerBundleMedian");
		double on = (double) ((Map<?, ?>) ingest.get("strict")).get("msPerBundleMedian");
		ingest.put("validationOverheadPercent", Math.round((on - off) / off * 1000) / 10.0);
		report.put("ingest", ingest);
		String json = toJson(report);
		System.out.println("BENCHMARK " + json);
		Files.writeString(Path.of("target", "benchmark-validation.json"), json + "\n");
		System.exit(0);
	}

	private static List<String> readExamples() throws IOException {
		try (Stream<Path> files = Files.list(Path.of("examples"))) {
			List<String> out = new ArrayList<>();
			for (Path f : files.filter(p -> p.toString().endsWith(".json")).sorted().toList()) {
				out.add(Files.readString(f));
			}
			return out;
		}
	}

	private static Map<String, Object> perProfile(FhirContext ctx, List<String> bundles) {
		FhirValidator validator = OfflineValidatorFactory.validator(ctx,
				OfflineValidatorFactory.supportChain(ctx, "classpath:ig/lungcare-ig.tgz"));
		Map<String, List<IBaseResource>> byProfile = new TreeMap<>();
		for (String json : bundles) {
			Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, json);
			for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
				e.getResource().getMeta().getProfile().stream().findFirst().ifPresent(p -> byProfile
						.computeIfAbsent(p.getValue().substring(p.getValue().lastIndexOf('/') + 1), k -> new ArrayList<>())
						.add(e.getResource()));
			}
		}
		long coldStart = System.nanoTime();
		validator.validateWithResult(byProfile.values().iterator().next().get(0), new ValidationOptions());
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("coldFirstValidation", (System.nanoTime() - coldStart) / 1e6);
		for (var entry : byProfile.entrySet()) {
			List<Double> times = new ArrayList<>();
			for (int round = 0; round < WARM_ROUNDS + MEASURED_ROUNDS; round++) {
				for (IBaseResource resource : entry.getValue()) {
					long start = System.nanoTime();
					validator.validateWithResult(resource, new ValidationOptions());
					if (round >= WARM_ROUNDS) {
						times.add((System.nanoTime() - start) / 1e6);
					}
				}
			}
			result.put(entry.getKey(), Map.of("median", percentile(times, 50), "p95", percentile(times, 95), "n", times.size()));
		}
		return result;
	}

	/** How the server validates a transaction: the whole bundle in one pass; time per entry. */
	private static Map<String, Object> perResourceInBundle(FhirContext ctx, List<String> bundles) {
		FhirValidator validator = OfflineValidatorFactory.validator(ctx,
				OfflineValidatorFactory.supportChain(ctx, "classpath:ig/lungcare-ig.tgz"));
		List<Bundle> parsed = bundles.stream().map(json -> ctx.newJsonParser().parseResource(Bundle.class, json)).toList();
		List<Double> perEntry = new ArrayList<>();
		for (int round = 0; round < WARM_ROUNDS + MEASURED_ROUNDS; round++) {
			for (Bundle bundle : parsed) {
				long start = System.nanoTime();
				validator.validateWithResult(bundle, new ValidationOptions());
				if (round >= WARM_ROUNDS) {
					perEntry.add((System.nanoTime() - start) / 1e6 / bundle.getEntry().size());
				}
			}
		}
		return Map.of("median", percentile(perEntry, 50), "p95", percentile(perEntry, 95), "n", perEntry.size());
	}

	/**
	 * HAPI's validator ({@link FhirInstanceValidator}, an entry walked against its base definition and its profile) and
	 * the server's (one walk, against the profile), with the same settings, taking turns on the same bundles in the
	 * same JVM: CPU time of this thread per entry, so both see the same machine and the same JIT state.
	 */
	private static Map<String, Object> hapiAgainstSingleWalk(FhirContext ctx, List<String> bundles) {
		IValidationSupport support = OfflineValidatorFactory.supportChain(ctx, "classpath:ig/lungcare-ig.tgz");
		Map<String, FhirValidator> validators = new LinkedHashMap<>();
		validators.put("hapi", OfflineValidatorFactory.validator(ctx, new FhirInstanceValidator(support)));
		validators.put("singleWalk", OfflineValidatorFactory.validator(ctx, support));
		List<Bundle> parsed = bundles.stream().map(json -> ctx.newJsonParser().parseResource(Bundle.class, json)).toList();
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, List<Double>> perEntry = new LinkedHashMap<>();
		validators.keySet().forEach(name -> perEntry.put(name, new ArrayList<>()));
		for (int round = 0; round < WARM_ROUNDS + MEASURED_ROUNDS; round++) {
			for (Bundle bundle : parsed) {
				List<Map.Entry<String, FhirValidator>> turns = new ArrayList<>(validators.entrySet());
				if (round % 2 == 1) {
					Collections.reverse(turns); // neither always goes first
				}
				for (var validator : turns) {
					long start = threads.getCurrentThreadCpuTime();
					validator.getValue().validateWithResult(bundle, new ValidationOptions());
					if (round >= WARM_ROUNDS) {
						perEntry.get(validator.getKey())
								.add((threads.getCurrentThreadCpuTime() - start) / 1e6 / bundle.getEntry().size());
					}
				}
			}
		}
		Map<String, Object> result = new LinkedHashMap<>();
		perEntry.forEach((name, times) -> result.put(name, Map.of("median", percentile(times, 50), "p95", percentile(times, 95),
				"mean", Math.round(times.stream().mapToDouble(Double::doubleValue).average().orElse(0) * 100) / 100.0)));
		return result;
	}

	/**
	 * The cost of validating the entries that are conditional creates (the reference data every bundle repeats, which
	 * mostly exists already and is then not stored): each example bundle validated as sent, with those entries only,
	 * and empty, taking turns, CPU time of this thread. The entries' own share is the bundle with them alone less the
	 * empty bundle; the references other entries make to them are resolved in either case, so this is the most that
	 * skipping them, or caching their results, could save.
	 */
	private static Map<String, Object> conditionalCreates(FhirContext ctx, List<String> bundles) {
		FhirValidator validator = OfflineValidatorFactory.validator(ctx,
				OfflineValidatorFactory.supportChain(ctx, "classpath:ig/lungcare-ig.tgz"));
		Map<String, List<Bundle>> variants = new LinkedHashMap<>();
		for (String name : List.of("full", "conditionalOnly", "empty")) {
			variants.put(name, new ArrayList<>());
		}
		for (String json : bundles) {
			Bundle full = ctx.newJsonParser().parseResource(Bundle.class, json);
			Bundle only = full.copy();
			only.getEntry().removeIf(e -> !e.getRequest().hasIfNoneExist());
			Bundle empty = full.copy();
			empty.getEntry().clear();
			variants.get("full").add(full);
			variants.get("conditionalOnly").add(only);
			variants.get("empty").add(empty);
		}
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		Map<String, List<Double>> cpu = new LinkedHashMap<>();
		variants.keySet().forEach(name -> cpu.put(name, new ArrayList<>()));
		for (int round = 0; round < WARM_ROUNDS + MEASURED_ROUNDS; round++) {
			List<String> turns = new ArrayList<>(variants.keySet());
			Collections.rotate(turns, round); // none always goes first
			for (String name : turns) {
				long start = threads.getCurrentThreadCpuTime();
				for (Bundle bundle : variants.get(name)) {
					validator.validateWithResult(bundle, new ValidationOptions());
				}
				if (round >= WARM_ROUNDS) {
					cpu.get(name).add((threads.getCurrentThreadCpuTime() - start) / 1e6);
				}
			}
		}
		int entries = variants.get("full").stream().mapToInt(b -> b.getEntry().size()).sum();
		int conditional = variants.get("conditionalOnly").stream().mapToInt(b -> b.getEntry().size()).sum();
		Map<String, Object> result = new LinkedHashMap<>();
		result.put("entries", entries);
		result.put("conditionalCreates", conditional);
		Map<String, Double> median = new LinkedHashMap<>();
		cpu.forEach((name, values) -> median.put(name, percentile(values, 50)));
		result.put("allBundlesMedianMs", median);
		double empty = median.get("empty");
		result.put("perEntry", Latencies.round((median.get("full") - empty) / entries));
		result.put("perConditionalCreate", Latencies.round((median.get("conditionalOnly") - empty) / conditional));
		return result;
	}

	private static Map<String, Object> ingest(FhirContext ctx, EmbeddedPostgres postgres, String mode, List<String> bundles)
			throws Exception {
		String db = "bench_" + mode;
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + db);
		}
		try (ConfigurableApplicationContext app = new SpringApplicationBuilder(LungCareFhirApplication.class)
				.profiles("postgres")
				.run(
						"--server.port=0",
						"--spring.datasource.url=jdbc:postgresql://127.0.0.1:" + postgres.getPort() + "/" + db,
						"--spring.datasource.username=postgres",
						"--spring.datasource.password=",
						"--logging.level.lungcare.requests=WARN",
						"--lungcare.access.enabled=false", // validation's cost is measured, not the token checks
						"--lungcare.validation.mode=" + mode)) {
			String base = "http://127.0.0.1:" + app.getEnvironment().getProperty("local.server.port") + "/fhir";
			HttpClient http = HttpClient.newHttpClient();
			List<Double> perBundle = new ArrayList<>();
			int resources = 0;
			long start = System.nanoTime();
			for (int round = 0; round < INGEST_ROUNDS; round++) {
				for (String json : bundles) {
					String unique = withFreshPatient(ctx, json, round);
					long t = System.nanoTime();
					HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(base))
							.header("Content-Type", "application/fhir+json")
							.POST(HttpRequest.BodyPublishers.ofString(unique)).build(), HttpResponse.BodyHandlers.ofString());
					if (r.statusCode() != 200) {
						throw new IllegalStateException("ingest failed: " + r.statusCode() + " " + r.body());
					}
					perBundle.add((System.nanoTime() - t) / 1e6);
					resources += ctx.newJsonParser().parseResource(Bundle.class, unique).getEntry().size();
				}
			}
			double seconds = (System.nanoTime() - start) / 1e9;
			Map<String, Object> out = new LinkedHashMap<>();
			out.put("bundles", perBundle.size());
			out.put("resources", resources);
			out.put("seconds", Math.round(seconds * 10) / 10.0);
			out.put("msPerBundleMedian", percentile(perBundle, 50));
			out.put("msPerBundleP95", percentile(perBundle, 95));
			out.put("resourcesPerSecond", Math.round(resources / seconds * 10) / 10.0);
			return out;
		}
	}

	/** Each round ingests new patients: the SSIN's serial changes (check digits recomputed). */
	private static String withFreshPatient(FhirContext ctx, String json, int round) {
		Bundle bundle = ctx.newJsonParser().parseResource(Bundle.class, json);
		for (Bundle.BundleEntryComponent e : bundle.getEntry()) {
			if (e.getResource() instanceof Patient patient) {
				String fresh = Ssin.of(LocalDate.parse(patient.getBirthDateElement().getValueAsString()), round % 997 + 1);
				patient.getIdentifierFirstRep().setValue(fresh);
				e.getRequest().setUrl("Patient?identifier=" + patient.getIdentifierFirstRep().getSystem() + "|" + fresh);
			}
		}
		return ctx.newJsonParser().encodeResourceToString(bundle);
	}

	private static double percentile(List<Double> values, int p) {
		return Latencies.round(Latencies.percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), p));
	}

	private static String toJson(Object value) {
		if (value instanceof Map<?, ?> map) {
			StringBuilder sb = new StringBuilder("{");
			map.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(toJson(v)));
			return sb.append('}').toString();
		}
		return value instanceof String s ? '"' + s + '"' : String.valueOf(value);
	}
}
