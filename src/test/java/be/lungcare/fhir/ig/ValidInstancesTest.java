package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.util.List;
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

	private static final InstanceCases CASES = new InstanceCases("ig/valid/");

	record Case(String file, String profile, String description) {
		@Override
		public String toString() {
			return file + " (" + description + ")";
		}
	}

	static List<Case> cases() throws IOException {
		// the description is the last column and may contain commas
		return CASES.rows("file,profile,description").stream().map(r -> new Case(r.file(), r.profile(), r.third())).toList();
	}

	@BeforeAll
	static void warmUp() {
		LungCareIg.validator();
		System.out.printf("[ig] validator built in %d ms, first validation %d ms%n", LungCareIg.buildMillis(),
				LungCareIg.coldValidationMillis());
	}

	@Test
	void everyValidInstanceHasACase() throws IOException {
		CASES.assertEveryFileHasARow(cases().stream().map(Case::file).toList());
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("cases")
	void instanceValidatesWithoutErrors(Case c) {
		long start = System.nanoTime();
		ValidationResult result = CASES.validate(c.file(), c.profile());
		long millis = (System.nanoTime() - start) / 1_000_000;

		List<SingleValidationMessage> errors = LungCareIg.errors(result);
		System.out.printf("[ig] %s: %d errors, %d warnings, %d ms%n", c.file(), errors.size(),
				LungCareIg.warnings(result).size(), millis);

		assertThat(errors)
				.as("%s (%s) must validate against %s without errors; got:%n%s", c.file(), c.description(), c.profile(),
						LungCareIg.describe(errors))
				.isEmpty();
	}
}
