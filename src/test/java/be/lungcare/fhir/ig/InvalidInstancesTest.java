package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.IntStream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each instance in {@code src/test/resources/ig/invalid/} breaks one rule of a LungCare profile: validated
 * against the profile of its row in {@code cases.csv}, it gives at least one error whose message or location
 * contains the expected fragment (the invariant key, slice or element of that rule).
 */
class InvalidInstancesTest {

	private static final InstanceCases CASES = new InstanceCases("ig/invalid/");

	record Case(String file, String profile, String fragment) {
		@Override
		public String toString() {
			return file + " -> " + fragment;
		}
	}

	static List<Case> cases() throws IOException {
		return CASES.rows("file,profile,expectedMessageFragment").stream()
				.map(r -> new Case(r.file(), r.profile(), r.third())).toList();
	}

	@BeforeAll
	static void warmUp() {
		LungCareIg.validator();
		System.out.printf("[ig] validator built in %d ms, first validation %d ms%n", LungCareIg.buildMillis(),
				LungCareIg.coldValidationMillis());
	}

	@Test
	void everyInvalidInstanceHasACase() throws IOException {
		CASES.assertEveryFileHasARow(cases().stream().map(Case::file).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void instanceBreaksTheExpectedRule(Case c) {
		long start = System.nanoTime();
		ValidationResult result = CASES.validate(c.file(), c.profile());
		long millis = (System.nanoTime() - start) / 1_000_000;

		List<SingleValidationMessage> errors = LungCareIg.errors(result);
		// Case-sensitive on purpose: the slice "carePlan" must not match every location "CarePlan...".
		String fragment = c.fragment();
		List<SingleValidationMessage> matching = errors.stream()
				.filter(m -> contains(m.getMessage(), fragment) || contains(m.getLocationString(), fragment))
				.toList();
		System.out.printf("[ig] %s: %d errors (%d matching '%s'), %d ms%n", c.file(), errors.size(), matching.size(),
				c.fragment(), millis);
		errors.stream().filter(m -> !matching.contains(m))
				.forEach(m -> System.out.printf("[ig]     other error @ %s: %s%n", m.getLocationString(), m.getMessage()));

		assertThat(matching)
				.as("%s against %s: expected an error containing '%s'; all issues:%n%s", c.file(), c.profile(),
						c.fragment(), LungCareIg.describe(result.getMessages()))
				.isNotEmpty();
	}

	/**
	 * The Patient-level SSIN invariant reads the birth date through {@code %resource}: inside a transaction bundle
	 * that must be the Patient entry, not the Bundle. The COPD example bundle validates without errors
	 * ({@link ExampleBundlesTest}); with the patient's birth date one day off, its SSIN 68051704535 disagrees and
	 * lungcare-ssin-2 fails on that entry.
	 */
	@Test
	void patientInsideABundleIsCheckedAgainstItsOwnBirthDate() throws IOException {
		Path file = LungCareIg.baseDir().resolve("examples/lungcare-example-copd.json");
		Bundle bundle = LungCareIg.fhirContext().newJsonParser()
				.parseResource(Bundle.class, Files.readString(file, StandardCharsets.UTF_8));
		int index = IntStream.range(0, bundle.getEntry().size())
				.filter(i -> bundle.getEntry().get(i).getResource() instanceof Patient)
				.findFirst().orElseThrow();
		Patient patient = (Patient) bundle.getEntry().get(index).getResource();
		assertThat(patient.getBirthDateElement().getValueAsString()).isEqualTo("1968-05-17");
		patient.getBirthDateElement().setValueAsString("1968-05-18");

		ValidationResult result = LungCareIg.validator()
				.validateWithResult(LungCareIg.fhirContext().newJsonParser().encodeResourceToString(bundle));

		assertThat(LungCareIg.errors(result))
				.as("all issues:%n%s", LungCareIg.describe(result.getMessages()))
				.anySatisfy(m -> {
					assertThat(m.getMessage()).contains("lungcare-ssin-2");
					assertThat(m.getLocationString()).startsWith("Bundle.entry[" + index + "].resource");
				});
	}

	private static boolean contains(String text, String fragment) {
		return text != null && text.contains(fragment);
	}
}
