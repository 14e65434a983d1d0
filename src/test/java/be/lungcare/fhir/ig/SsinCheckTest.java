package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arithmetic of the SSIN invariant {@code lungcare-ssin-1} on its own: the FHIRPath expression is read from
 * the compiled profiles in the IG package (not copied) and evaluated with HAPI's R4 FHIRPath engine on an
 * Identifier, as the validator does for {@code Patient.identifier:ssin}.
 */
class SsinCheckTest {

	private static final String KEY = "lungcare-ssin-1";
	private static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	/** Profiles with an identifier:ssin slice that must carry the invariant. */
	private static final List<String> PROFILES_WITH_SSIN = List.of("lungcare-patient", "lungcare-practitioner",
			"lungcare-related-person");

	private static Map<String, String> expressionsByProfile;
	private static String expression;

	@BeforeAll
	static void readInvariantFromPackage() {
		expressionsByProfile = new TreeMap<>();
		for (String id : PROFILES_WITH_SSIN) {
			String type = PackageInvariants.profile(id).getType();
			ElementDefinition.ElementDefinitionConstraintComponent constraint =
					PackageInvariants.constraint(id, type + ".identifier:ssin", KEY);
			assertThat(constraint.getSeverity()).isEqualTo(ElementDefinition.ConstraintSeverity.ERROR);
			expressionsByProfile.put(id, constraint.getExpression());
		}
		expression = expressionsByProfile.get("lungcare-patient");
		assertThat(expression).isNotBlank();
	}

	@Test
	void theSameExpressionIsUsedInEveryProfile() {
		assertThat(expressionsByProfile.values()).containsOnly(expression);
	}

	@ParameterizedTest(name = "valid: {0}")
	@ValueSource(strings = {
			"66030112390", // born 1966, pre-2000 rule
			"68051704535", // born 1968, pre-2000 rule (COPD example patient)
			"00041224633", // born 2000, 2000+ rule
			"18072513754", // born 2018, 2000+ rule
			"02091408814", // born 2002, 2000+ rule (severe-asthma example patient)
			"66430112379", // BIS number, month + 40 (sex known), pre-2000 rule
			"85520100181", // BIS number, month + 40, pre-2000 rule
			"99230100274", // BIS number, month + 20 (sex unknown), pre-2000 rule
			"00000000196", // BIS number with unknown birth date (00-00), pre-2000 rule
			"00000000128", // same, 2000+ rule
			"12031500809", // check digits with a leading zero (09), pre-2000 rule
			"12031503709", // check digits with a leading zero (09), 2000+ rule
	})
	void acceptsValidNumbers(String ssin) {
		assertThat(evaluate(ssin)).as("%s on %s", KEY, ssin).isTrue();
	}

	@ParameterizedTest(name = "invalid: {0}")
	@ValueSource(strings = {
			"66030112391", // check digits off by one (pre-2000)
			"66030112389", // check digits off by one the other way
			"00041224634", // check digits off by one (2000+)
			"6603011239", // 10 digits
			"660301123900", // 12 digits
			"66.03.01-123.90", // separators
			"66030112 390", // space
			"6603011239A", // letter
			"66130112363", // month 13, correct (pre-2000) mod-97 digits for its nine digits
			"66330112309", // month 33 (BIS +20 only up to 32), correct mod-97 digits
			"66530112352", // month 53 (BIS +40 only up to 52), correct mod-97 digits
			"66033212333", // day 32, correct mod-97 digits
			"79121137740", // BeCore example value: fails mod 97
			"12031500808", // leading-zero check digits, off by one
	})
	void rejectsInvalidNumbers(String ssin) {
		assertThat(evaluate(ssin)).as("%s on %s", KEY, ssin).isFalse();
	}

	@Test
	void twoThousandRuleIsNeededForChildrenBornFrom2000() {
		// 00041224633 is only valid with the "2" prefix; without it the check would be 97 - (000412246 mod 97).
		long firstNine = 412246L;
		long pre2000Check = 97 - (firstNine % 97);
		assertThat(pre2000Check).isNotEqualTo(33);
		assertThat(97 - (2_000_412_246L % 97)).isEqualTo(33);
		assertThat(evaluate("00041224633")).isTrue();
		assertThat(evaluate(String.format("000412246%02d", pre2000Check))).isTrue(); // either rule may match
	}

	private static boolean evaluate(String value) {
		return PackageInvariants.evaluate(expression, new Identifier().setSystem(SSIN_SYSTEM).setValue(value));
	}
}
