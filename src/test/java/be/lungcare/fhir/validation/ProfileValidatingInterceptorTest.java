package be.lungcare.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.TestData;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.validation.FhirValidator;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The policy and the modes, on the real offline validator, without a server. */
class ProfileValidatingInterceptorTest {

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static final IValidationSupport SUPPORT = OfflineValidatorFactory.supportChain(CONTEXT, "classpath:ig/lungcare-ig.tgz");
	private static final FhirValidator VALIDATOR = OfflineValidatorFactory.validator(CONTEXT, SUPPORT);
	private static final ValidationPolicy POLICY = new ValidationPolicy(
			new ValidationProperties(null, null, null, null).enforcedProfiles(),
			Set.of("http://snomed.info/sct|13645005"),
			"https://fhir.lungcare.be/CodeSystem/lungcare-disease-group",
			ValidationConfig.observationProfilesByCode(SUPPORT));

	private static ProfileValidatingInterceptor interceptor(ValidationProperties.Mode mode) {
		return new ProfileValidatingInterceptor(CONTEXT, VALIDATOR, POLICY, mode, Duration.ofSeconds(20));
	}

	/** An ACT total score that declares no profile. */
	private static Observation actScore(double value) {
		Observation act = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		act.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("survey");
		act.getCode().addCoding().setSystem("http://loinc.org").setCode("82668-5");
		act.setSubject(new Reference("Patient/1")).setEffective(new DateTimeType("2026-11-01"));
		act.setValue(new Quantity().setValue(value).setUnit("score").setSystem("http://unitsofmeasure.org").setCode("{score}"));
		return act;
	}

	/** Valid for base R4, but breaks the LungCare patient profile (no SSIN, no birth date). */
	private static Patient foreignPatient() {
		Patient p = new Patient();
		p.getMeta().addProfile(ValidationProperties.PROFILES + "lungcare-patient");
		p.addName().setFamily("Imported");
		return p;
	}

	@Test
	void strictModeRejectsWhatTheProfileForbids() {
		assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.STRICT).created(foreignPatient(), new ServletRequestDetails()))
				.isInstanceOfSatisfying(UnprocessableEntityException.class, e -> {
					OperationOutcome oo = (OperationOutcome) e.getOperationOutcome();
					assertThat(oo.getIssue()).anySatisfy(i -> assertThat(i.getDiagnostics()).contains("ssin"));
				});
	}

	@Test
	void lenientModeChecksBaseFhirOnly() {
		assertThatNoException().isThrownBy(
				() -> interceptor(ValidationProperties.Mode.LENIENT).created(foreignPatient(), new ServletRequestDetails()));

		Observation brokenBase = new Observation().setStatus(Observation.ObservationStatus.FINAL); // no code: 1..1 in R4
		assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.LENIENT).created(brokenBase, new ServletRequestDetails()))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("Observation.code");
	}

	@Test
	void offModeAndInternalWritesAreNotValidated() {
		assertThatNoException().isThrownBy(
				() -> interceptor(ValidationProperties.Mode.OFF).created(foreignPatient(), new ServletRequestDetails()));
		assertThatNoException().isThrownBy(
				() -> interceptor(ValidationProperties.Mode.STRICT).created(foreignPatient(), new SystemRequestDetails()));
	}

	@Test
	void strictModeEnforcesTheTypeProfileOnUndeclaredResourcesAndBaseFhirOnOthers() {
		Patient undeclared = foreignPatient();
		undeclared.getMeta().getProfile().clear();
		assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.STRICT).created(undeclared, new ServletRequestDetails()))
				.isInstanceOf(UnprocessableEntityException.class);
		Observation noCode = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.STRICT).created(noCode, new ServletRequestDetails()))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("Observation.code");
	}

	@Test
	void policyEnforcesTheTypeProfileAndKeepsDeclaredOnes() {
		Patient declared = TestData.patient("Declared", TestData.ssin());
		declared.getMeta().addProfile("http://example.org/StructureDefinition/other");
		assertThat(POLICY.profilesFor(declared)).containsExactly(
				"http://example.org/StructureDefinition/other", ValidationProperties.PROFILES + "lungcare-patient");

		Condition copd = new Condition();
		copd.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("13645005");
		assertThat(POLICY.profilesFor(copd)).containsExactly(ValidationProperties.PROFILES + "lungcare-condition");

		Condition diabetes = new Condition();
		diabetes.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("44054006");
		assertThat(POLICY.profilesFor(diabetes)).isEmpty();

		Condition grouped = new Condition();
		grouped.addCategory().addCoding().setSystem("https://fhir.lungcare.be/CodeSystem/lungcare-disease-group").setCode("asthma");
		assertThat(POLICY.profilesFor(grouped)).containsExactly(ValidationProperties.PROFILES + "lungcare-condition");
	}

	@Test
	void enforcedProfilesAreConfigurable() {
		ValidationPolicy onlyCarePlans = new ValidationPolicy(Map.of("CarePlan", "x"), Set.of(), "s", Map.of());
		assertThat(onlyCarePlans.profilesFor(TestData.patient("Free", TestData.ssin()))).isEmpty();
	}

	@Test
	void scoreObservationsAreHeldToTheirProfileByCode() {
		assertThat(POLICY.profilesFor(actScore(20))).containsExactly(ValidationProperties.PROFILES + "lungcare-asthma-control-test");
		for (double outOfRange : new double[] {30, 4, 12.5}) {
			assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.STRICT).created(actScore(outOfRange), new ServletRequestDetails()))
					.as("ACT %s", outOfRange)
					.isInstanceOfSatisfying(UnprocessableEntityException.class, e ->
							assertThat(((OperationOutcome) e.getOperationOutcome()).getIssueFirstRep().getSeverity())
									.isEqualTo(OperationOutcome.IssueSeverity.ERROR))
					.hasMessageContaining("lungcare-act-1");
		}
		assertThatNoException().isThrownBy(
				() -> interceptor(ValidationProperties.Mode.STRICT).created(actScore(18), new ServletRequestDetails()));
	}

	@Test
	void containedResourcesAreHeldToTheirProfiles() {
		Patient contained = TestData.patient("Contained", "70010100199"); // bad SSIN check digits
		contained.setId("p");
		Observation withContainedPatient = actScore(20);
		withContainedPatient.addContained(contained);
		withContainedPatient.setSubject(new Reference("#p"));
		assertThatThrownBy(() -> interceptor(ValidationProperties.Mode.STRICT).created(withContainedPatient, new ServletRequestDetails()))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("lungcare-ssin-1");
	}

	@Test
	void aRequestWhoseValidationTakesTooLongIsRefused() {
		ProfileValidatingInterceptor noTime = new ProfileValidatingInterceptor(CONTEXT, VALIDATOR, POLICY,
				ValidationProperties.Mode.STRICT, Duration.ZERO);
		assertThatThrownBy(() -> noTime.created(TestData.patient("Slow", TestData.ssin()), new ServletRequestDetails()))
				.isInstanceOf(PayloadTooLargeException.class)
				.hasMessageContaining("longer than the limit");
	}

	@Test
	void theBudgetStopsTheValidatorMidWay() {
		long past = System.nanoTime() - 1;
		assertThatThrownBy(() -> ValidationBudget.within(System.nanoTime() + 1_000_000_000L,
				() -> ValidationBudget.within(past, () -> VALIDATOR.validateWithResult(TestData.patient("X", TestData.ssin())))))
				.isInstanceOf(ValidationBudget.Exceeded.class);
		// without a deadline the validator runs as usual
		assertThat(VALIDATOR.validateWithResult(TestData.patient("Y", TestData.ssin())).isSuccessful()).isTrue();
	}
}
