package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The counterpart of {@link InvalidInstancesTest}: each instance in {@code src/test/resources/ig/valid/} is a
 * borderline case that a LungCare profile must accept (e.g. a BIS number beside the SSIN, unknown parts of a
 * birth date, the check-digit rule of each century). Validated against the profile of its row in
 * {@code cases.csv} ({@code file,profile,description}; the description says what the instance shows), it
 * gives no error.
 */
class ValidInstancesTest {

	private static final String DIR = "ig/valid/";

	record Case(String file, String profile, String description) {
		@Override
		public String toString() {
			return file + " (" + description + ")";
		}
	}

	static List<Case> cases() throws IOException {
		try (InputStream in = resource(DIR + "cases.csv")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
			assertThat(lines.get(0)).isEqualTo("file,profile,description");
			return lines.stream().skip(1).map(l -> {
				// the description is the last column and may contain commas
				String[] cols = l.split(",", 3);
				assertThat(cols).as("cases.csv line: %s", l).hasSize(3);
				assertThat(cols).as("cases.csv line: %s", l).doesNotContain("");
				return new Case(cols[0].strip(), cols[1].strip(), cols[2].strip());
			}).toList();
		}
	}

	@BeforeAll
	static void warmUp() {
		LungCareIg.validator();
		System.out.printf("[ig] validator built in %d ms, first validation %d ms%n", LungCareIg.buildMillis(),
				LungCareIg.coldValidationMillis());
	}

	@Test
	void everyValidInstanceHasACase() throws IOException {
		Path dir = LungCareIg.baseDir().resolve("src/test/resources/" + DIR);
		try (Stream<Path> files = Files.list(dir)) {
			List<String> jsonFiles = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
			assertThat(cases().stream().map(Case::file)).as("files listed in cases.csv")
					.doesNotHaveDuplicates()
					.containsExactlyInAnyOrderElementsOf(jsonFiles);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void instanceValidatesWithoutErrors(Case c) throws IOException {
		StructureDefinition profile = (StructureDefinition) LungCareIg.validationSupport().fetchStructureDefinition(c.profile());
		assertThat(profile).as("profile %s in the IG package", c.profile()).isNotNull();

		String json;
		try (InputStream in = resource(DIR + c.file())) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		String resourceType = LungCareIg.fhirContext().newJsonParser().parseResource(json).fhirType();
		assertThat(resourceType).as("resource type of %s", c.file()).isEqualTo(profile.getType());

		long start = System.nanoTime();
		ValidationResult result = LungCareIg.validator()
				.validateWithResult(json, new ValidationOptions().addProfile(c.profile()));
		long millis = (System.nanoTime() - start) / 1_000_000;

		List<SingleValidationMessage> errors = LungCareIg.errors(result);
		System.out.printf("[ig] %s: %d errors, %d warnings, %d ms%n", c.file(), errors.size(),
				LungCareIg.warnings(result).size(), millis);

		assertThat(errors)
				.as("%s (%s) must validate against %s without errors; got:%n%s", c.file(), c.description(), c.profile(),
						LungCareIg.describe(errors))
				.isEmpty();
	}

	private static InputStream resource(String path) {
		InputStream in = ValidInstancesTest.class.getClassLoader().getResourceAsStream(path);
		assertThat(in).as("classpath resource %s", path).isNotNull();
		return in;
	}
}
