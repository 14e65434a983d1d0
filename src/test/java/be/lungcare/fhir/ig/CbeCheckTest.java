package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The CBE (KBO/BCE) enterprise-number invariant {@code lungcare-cbe-1}, read from the compiled
 * LungCareOrganization profile and evaluated with HAPI's R4 FHIRPath engine.
 */
class CbeCheckTest {

	private static final String KEY = "lungcare-cbe-1";
	private static String expression;

	@BeforeAll
	static void readInvariantFromPackage() {
		ElementDefinition.ElementDefinitionConstraintComponent constraint =
				PackageInvariants.constraint("lungcare-organization", "Organization.identifier:cbe", KEY);
		assertThat(constraint.getSeverity()).isEqualTo(ElementDefinition.ConstraintSeverity.ERROR);
		expression = constraint.getExpression();
	}

	@ParameterizedTest(name = "valid: {0}")
	@ValueSource(strings = {
			"0412345614", "0876543270", "0456789133", // the example organizations
			"0203456708", // check digits with a leading zero (08)
			"0403170701", // check digits 01
			"1234567894", // starts with 1
	})
	void acceptsValidNumbers(String cbe) {
		assertThat(evaluate(cbe)).as("%s on %s", KEY, cbe).isTrue();
	}

	@ParameterizedTest(name = "invalid: {0}")
	@ValueSource(strings = {
			"0412345615", // check digits off by one
			"0203456709", // leading-zero check digits off by one
			"2234567818", // starts with 2 (correct mod-97 digits)
			"041234561", // 9 digits
			"04123456140", // 11 digits
			"0412.345.614", // separators
			"BE0412345614", // country prefix
	})
	void rejectsInvalidNumbers(String cbe) {
		assertThat(evaluate(cbe)).as("%s on %s", KEY, cbe).isFalse();
	}

	private static boolean evaluate(String value) {
		return PackageInvariants.evaluate(expression, new Identifier()
				.setSystem("https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe").setValue(value));
	}
}
