package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.synthetic.Ssin;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The arithmetic of the SSIN invariants on their own: the FHIRPath expressions are read from the compiled
 * profiles in the IG package (not copied) and evaluated with HAPI's R4 FHIRPath engine.
 * <ul>
 * <li>{@code lungcare-ssin-1} on an Identifier, as the validator does for {@code Patient.identifier:ssin}: format
 * and check digits (either century's rule).</li>
 * <li>{@code lungcare-ssin-2} on a Patient: every SSIN/BIS number agrees with {@code birthDate} (YYMMDD, BIS month
 * offsets, 00 = unknown, partial dates) and uses the check-digit rule of the birth century.</li>
 * <li>{@code lungcare-ssin-3} on a Patient: at most one national register number and one BIS number.</li>
 * </ul>
 * The full validator (R5-based FHIRPath engine) is exercised on the same rules by the instances of
 * {@link ValidInstancesTest} and {@link InvalidInstancesTest}.
 */
class SsinCheckTest {

	private static final String KEY = "lungcare-ssin-1";
	private static final String BIRTH_DATE_KEY = "lungcare-ssin-2";
	private static final String ONE_OF_EACH_KEY = "lungcare-ssin-3";
	private static final String PATIENT = "lungcare-patient";
	private static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	/** Profiles with an identifier:ssin slice that must carry the invariant. */
	private static final List<String> PROFILES_WITH_SSIN = List.of("lungcare-patient", "lungcare-practitioner",
			"lungcare-related-person");

	private static Map<String, String> expressionsByProfile;
	private static String expression;
	private static String birthDateExpression;
	private static String oneOfEachExpression;

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
		expression = expressionsByProfile.get(PATIENT);
		assertThat(expression).isNotBlank();
		birthDateExpression = patientConstraint(BIRTH_DATE_KEY);
		oneOfEachExpression = patientConstraint(ONE_OF_EACH_KEY);
	}

	private static String patientConstraint(String key) {
		ElementDefinition.ElementDefinitionConstraintComponent constraint =
				PackageInvariants.constraint(PATIENT, "Patient", key);
		assertThat(constraint.getSeverity()).as(key).isEqualTo(ElementDefinition.ConstraintSeverity.ERROR);
		assertThat(constraint.getHuman()).as(key).isNotBlank();
		assertThat(constraint.getExpression()).as(key).isNotBlank();
		return constraint.getExpression();
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

	// --- lungcare-ssin-2: agreement with Patient.birthDate ------------------------------------------------------

	@ParameterizedTest(name = "agrees: {0} born {1}")
	@CsvSource(delimiter = '|', value = {
			"66030112390 | 1966-03-01", // pre-2000 rule
			"68051704535 | 1968-05-17", // COPD example patient
			"02091408814 | 2002-09-14", // 2000+ rule, severe-asthma example patient
			"19030815158 | 2019-03-08", // 2000+ rule, child-asthma example patient
			"18072513754 | 2018-07-25",
			"00041224633 | 2000-04-12", // born in 2000: 2000+ rule
			"99123107987 | 1999-12-31", // born on the last day before 2000: pre-2000 rule
			"03071520172 | 2003-07-15",
			"03071507108 | 2003-07-15", // check digits 08 (toInteger keeps the text '08')
			"12031500809 | 1912-03-15", // same YYMMDD as the next one, pre-2000 rule, check digits 09
			"12031503709 | 2012-03-15", // 2000+ rule, check digits 09
			"66430112379 | 1966-03-01", // BIS, month + 40
			"66230101547 | 1966-03-01", // BIS, month + 20
			"85520100181 | 1985-12-01", // BIS, month 52 = December + 40
			"99230100274 | 1999-03-01", // BIS, month + 20
			"90000012321 | 1990-07-15", // month and day unknown (00) in the number
			"75110004555 | 1975-11-23", // day unknown (00)
			"01400011224 | 2001-06-30", // BIS with month unknown (40) and day unknown, 2000+ rule
			"00000000196 | 1900-01-01", // unknown birth date in the number, pre-2000 rule
			"00000000128 | 2000-01-01", // same, 2000+ rule
			"66030112390 | 1966", // year-only birthDate: month and day not compared
			"66030112390 | 1966-03", // year-month birthDate: day not compared
			"66032212342 | 1966-03", // year-month birthDate: any day
			"66030112390 66430112379 | 1966-03-01", // national register number + BIS number
			"03071520172 03271520217 | 2003-07-15", // same, 2000+ rule
			"66030112390 other:66030112391 | 1966-03-01", // identifiers of other systems are not checked
			"other:12345 | 1966-03-01", // no SSIN at all: the slice minimum reports that, not this invariant
			"6603011239 | 1966-03-01", // malformed (10 digits): reported by lungcare-ssin-1 alone
			"66130112363 | 1966-03-01", // malformed (month 13, mod-97 digits right): lungcare-ssin-1 alone
			"66030112390 | ", // no birthDate: nothing to compare (birthDate 1..1 reports it)
	})
	void acceptsNumbersThatAgreeWithTheBirthDate(String identifiers, String birthDate) {
		assertThat(evaluatePatient(birthDateExpression, identifiers, birthDate))
				.as("%s on %s born %s", BIRTH_DATE_KEY, identifiers, birthDate).isTrue();
	}

	@ParameterizedTest(name = "disagrees: {0} born {1}")
	@CsvSource(delimiter = '|', value = {
			"66030112390 | 1967-03-01", // year
			"66030112390 | 1966-04-01", // month
			"66030112390 | 1966-03-02", // day
			"66030112390 | 1967", // year-only birthDate, other year
			"66030112390 | 1966-04", // year-month birthDate, other month
			"66030112390 | 2066-03-01", // YYMMDD agrees, but born 2066: 2000+ rule expected
			"03071520143 | 2003-07-15", // born 2003 with pre-2000 check digits
			"85061503117 | 1985-06-15", // born 1985 with 2000+ check digits
			"12031500809 | 2012-03-15", // born 2012 with the pre-2000 check digits of 1912
			"12031503709 | 1912-03-15", // born 1912 with the 2000+ check digits of 2012
			"00041224633 | 1900-04-12", // 2000+ digits, born 1900
			"00000000196 | 2000-01-01", // pre-2000 digits, born 2000
			"99230100274 | 1999-04-01", // BIS: month - 20 = March, born in April
			"66430112379 | 1966-04-01", // BIS: month - 40 = March, born in April
			"66430112379 | 1966-03-02", // BIS: day
			"90000012321 | 1991-07-15", // month and day unknown, but the year disagrees
			"66030112391 | 1966-03-01", // check digits wrong under either rule (also lungcare-ssin-1)
			"66030112390 66430201560 | 1966-03-01", // the BIS number beside the SSIN has another day
			"66430201560 66030112390 | 1966-03-01", // same, other order
			"03071520172 03271520285 | 2003-07-15", // the BIS number beside the SSIN has pre-2000 digits
	})
	void rejectsNumbersThatDisagreeWithTheBirthDate(String identifiers, String birthDate) {
		assertThat(evaluatePatient(birthDateExpression, identifiers, birthDate))
				.as("%s on %s born %s", BIRTH_DATE_KEY, identifiers, birthDate).isFalse();
	}

	/**
	 * Against a plain Java computation of the SSIN, over birth dates from 1900 to 2030: the number of each birth date
	 * passes lungcare-ssin-1 and lungcare-ssin-2; with the other century's check digits, or the birth date a day
	 * off, it fails lungcare-ssin-2 (still passing lungcare-ssin-1). The synthetic population generator
	 * ({@link Ssin#of}) computes the same numbers.
	 */
	@Test
	void matchesAPlainComputationOverTwoCenturies() {
		int checked = 0;
		for (LocalDate birth = LocalDate.of(1900, 1, 1); birth.getYear() <= 2030; birth = birth.plusDays(37)) {
			int serial = 1 + checked % 997;
			String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), serial);
			boolean from2000 = birth.getYear() >= 2000;
			String ssin = nine + checkDigits(nine, from2000);
			String otherCentury = nine + checkDigits(nine, !from2000);
			String date = birth.toString();

			assertThat(Ssin.of(birth, serial)).as("synthetic Ssin.of(%s, %d)", date, serial).isEqualTo(ssin);
			assertThat(evaluate(ssin)).as("%s on %s", KEY, ssin).isTrue();
			assertThat(evaluatePatient(birthDateExpression, ssin, date)).as("%s born %s", ssin, date).isTrue();
			assertThat(evaluate(otherCentury)).as("%s on %s", KEY, otherCentury).isTrue();
			assertThat(evaluatePatient(birthDateExpression, otherCentury, date)).as("%s born %s", otherCentury, date)
					.isFalse();
			assertThat(evaluatePatient(birthDateExpression, ssin, birth.plusDays(1).toString()))
					.as("%s born %s", ssin, birth.plusDays(1)).isFalse();
			checked++;
		}
		assertThat(checked).isGreaterThan(1000);
	}

	/** 97 - (n mod 97), n = the nine digits, prefixed with "2" for births from 2000. */
	private static String checkDigits(String nine, boolean from2000) {
		long n = Long.parseLong((from2000 ? "2" : "") + nine);
		return String.format(Locale.ROOT, "%02d", 97 - n % 97);
	}

	// --- lungcare-ssin-3 and the slice cardinality: one national register number and one BIS number at most ---

	@ParameterizedTest(name = "one of each at most: {0}")
	@CsvSource(delimiter = '|', value = {
			"66030112390 | true", // national register number
			"66430112379 | true", // BIS number
			"66030112390 66430112379 | true", // one of each
			"66430112379 66030112390 | true", // one of each, BIS first
			"66030112390 other:66030112489 | true", // another system does not count
			"66030112390 66030112489 | false", // two national register numbers
			"66030112390 66030112390 | false", // the same number twice
			"66230101547 66430112379 | false", // two BIS numbers (+ 20 and + 40)
			"66030112390 66430112379 66230101547 | false", // two BIS numbers beside the SSIN
	})
	void allowsOneNationalRegisterNumberAndOneBisNumber(String identifiers, boolean expected) {
		assertThat(evaluatePatient(oneOfEachExpression, identifiers, "1966-03-01"))
				.as("%s on %s", ONE_OF_EACH_KEY, identifiers).isEqualTo(expected);
	}

	@Test
	void ssinSliceAllowsTwoNumbers() {
		StructureDefinition sd = PackageInvariants.profile(PATIENT);
		ElementDefinition slice = sd.getDifferential().getElement().stream()
				.filter(e -> "Patient.identifier:ssin".equals(e.getId())).findFirst().orElseThrow();
		assertThat(slice.getMin()).isEqualTo(1);
		assertThat(slice.getMax()).isEqualTo("2");
		assertThat(slice.getShort()).contains("BIS");
		assertThat(slice.getDefinition()).contains(KEY, BIRTH_DATE_KEY, ONE_OF_EACH_KEY);
	}

	/**
	 * A Patient with the given identifiers (space-separated; SSIN system unless prefixed with {@code other:}) and
	 * birth date (none when blank), evaluated against a Patient-level expression.
	 */
	private static boolean evaluatePatient(String expr, String identifiers, String birthDate) {
		Patient patient = new Patient();
		for (String id : identifiers.trim().split("\\s+")) {
			if (id.startsWith("other:")) {
				patient.addIdentifier().setSystem("http://example.org/mrn").setValue(id.substring("other:".length()));
			} else {
				patient.addIdentifier().setSystem(SSIN_SYSTEM).setValue(id);
			}
		}
		if (birthDate != null && !birthDate.isBlank()) {
			patient.getBirthDateElement().setValueAsString(birthDate.trim());
		}
		return PackageInvariants.evaluate(expr, patient);
	}
}
