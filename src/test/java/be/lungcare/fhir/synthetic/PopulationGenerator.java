package be.lungcare.fhir.synthetic;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A seeded synthetic population of Belgian lung-care patients, as FHIR R4 transaction bundles that conform to
 * the LungCare profiles.
 * <p>
 * Each patient has a valid SSIN (unique in the run) matching birth date and sex, a name and address in one of
 * the Belgian regions with the matching language, one to three LungCare conditions (asthma most common, COPD
 * from age 42 with GOLD grade and group, type-2 comorbidities), a care team drawn from a shared pool of
 * practitioners and organisations, a care plan with goals and activities, and one to four years of observations
 * (spirometry, biomarkers, ACT / CAT / mMRC) up to {@link #REFERENCE_DATE} — about 30 resources per patient.
 * Codes, displays and profile URLs are read from the compiled IG package on the classpath
 * ({@code ig/lungcare-ig.tgz}).
 * <p>
 * Output depends only on the seed and the arguments: no clock, no {@code UUID.randomUUID()}; the same seed gives
 * byte-identical JSON. Not thread-safe; each iterator is independent.
 */
public final class PopulationGenerator {

	/** The "today" of the generated data: observations end here, ages are computed on it. */
	public static final LocalDate REFERENCE_DATE = LocalDate.of(2026, 6, 30);

	private final long seed;
	private PractitionerPool pool;

	/** A generator whose whole output is determined by {@code seed}. */
	public PopulationGenerator(long seed) {
		this.seed = seed;
		this.pool = PractitionerPool.forPatients(seed, 0);
	}

	/**
	 * The transaction bundles for {@code patients} patients, {@code patientsPerBundle} patients per bundle (the last
	 * one may hold fewer). Deterministic for a given seed and arguments. Bundles are produced lazily, one per call
	 * of {@code next()}; only the SSINs issued so far are kept (to keep them unique).
	 * <p>
	 * Patients are written with {@code PUT Patient?identifier=<ssin system>|<ssin>}; the practitioners and
	 * organisations of the shared pool with {@code POST} and {@code ifNoneExist} on their NIHDI / CBE number, each
	 * at most once per bundle; all other resources with {@code POST}. The pool is sized for {@code patients}
	 * (about one practitioner per 20 patients, at least 30; one organisation per 100, at least 10).
	 *
	 * @throws IllegalArgumentException if {@code patients < 0} or {@code patientsPerBundle < 1}
	 */
	public Iterator<Bundle> bundles(int patients, int patientsPerBundle) {
		if (patients < 0 || patientsPerBundle < 1) {
			throw new IllegalArgumentException("patients must be >= 0 and patientsPerBundle >= 1");
		}
		PractitionerPool runPool = PractitionerPool.forPatients(seed, patients);
		this.pool = runPool;
		Terminology terminology = Terminology.get();
		IdentityGenerator identities = new IdentityGenerator(seed, REFERENCE_DATE);
		return new Iterator<>() {
			private int written;

			@Override
			public boolean hasNext() {
				return written < patients;
			}

			@Override
			public Bundle next() {
				if (!hasNext()) {
					throw new NoSuchElementException();
				}
				BundleAssembler bundle = new BundleAssembler(terminology);
				int end = Math.min(patients, written + patientsPerBundle);
				for (; written < end; written++) {
					PatientRecord.write(bundle, identities.next(), runPool, seed, REFERENCE_DATE, terminology);
				}
				return bundle.bundle();
			}
		};
	}

	/**
	 * NIHDI numbers (value only) of the shared practitioner pool, the same for a given seed: every generated
	 * CareTeam draws its practitioner members from this pool. The pool grows with the population; this is the
	 * pool of the latest {@link #bundles} call (the minimal pool of 30 before any call). A larger pool starts
	 * with the members of a smaller one.
	 */
	public List<String> practitionerNihdis() {
		return pool.nihdis();
	}

	/** The SSINs of the first {@code patients} patients, without building their bundles. */
	List<String> ssins(int patients) {
		IdentityGenerator identities = new IdentityGenerator(seed, REFERENCE_DATE);
		List<String> ssins = new ArrayList<>(patients);
		for (int i = 0; i < patients; i++) {
			ssins.add(identities.next().person().ssin());
		}
		return ssins;
	}

	/**
	 * Writes a population to files: {@code --patients N --per-bundle K --seed S --out DIR [--pretty]} gives
	 * {@code DIR/bundle-00001.json} ... (compact JSON unless {@code --pretty}) and prints a one-line summary.
	 */
	public static void main(String[] args) {
		Map<String, String> options = new TreeMap<>();
		for (int i = 0; i < args.length; i++) {
			if (args[i].equals("--pretty")) {
				options.put("pretty", "true");
			} else if (args[i].startsWith("--") && i + 1 < args.length) {
				options.put(args[i].substring(2), args[++i]);
			} else {
				throw new IllegalArgumentException("Usage: --patients N --per-bundle K --seed S --out DIR [--pretty]; got "
						+ args[i]);
			}
		}
		int patients = Integer.parseInt(options.getOrDefault("patients", "100"));
		int perBundle = Integer.parseInt(options.getOrDefault("per-bundle", "5"));
		long seed = Long.parseLong(options.getOrDefault("seed", "1"));
		Path out = Path.of(options.getOrDefault("out", "target/synthetic"));
		IParser parser = FhirContext.forR4Cached().newJsonParser().setPrettyPrint(options.containsKey("pretty"));

		long start = System.nanoTime();
		Map<String, Integer> byType = new TreeMap<>();
		int bundles = 0;
		int resources = 0;
		try {
			Files.createDirectories(out);
			for (Iterator<Bundle> it = new PopulationGenerator(seed).bundles(patients, perBundle); it.hasNext();) {
				Bundle bundle = it.next();
				bundles++;
				for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
					byType.merge(entry.getResource().fhirType(), 1, Integer::sum);
					resources++;
				}
				try (Writer writer = Files.newBufferedWriter(out.resolve(String.format(Locale.ROOT, "bundle-%05d.json", bundles)),
						StandardCharsets.UTF_8)) {
					parser.encodeResourceToWriter(bundle, writer);
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		System.out.printf(Locale.ROOT, "synthetic population: seed=%d bundles=%d patients=%d resources=%d (%.1f per patient) "
				+ "byType=%s out=%s in %d ms%n", seed, bundles, patients, resources,
				patients == 0 ? 0.0 : (double) resources / patients, byType, out,
				(System.nanoTime() - start) / 1_000_000);
	}
}
