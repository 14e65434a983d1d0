package be.lungcare.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.TestData;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.validation.FhirValidator;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;

/** The policy and the modes, on the real offline validator, without a server. */
class ProfileValidatingInterceptorTest {

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static final FhirValidator VALIDATOR = OfflineValidatorFactory.validator(CONTEXT,
			OfflineValidatorFactory.supportChain(CONTEXT, "classpath:ig/lungcare-ig.tgz"));
	private static final ValidationPolicy POLICY = new ValidationPolicy(
			new ValidationProperties(null, null).enforcedProfiles(),
			Set.of("http://snomed.info/sct|13645005"),
			"https://fhir.lungcare.be/CodeSystem/lungcare-disease-group");

	private static ProfileValidatingInterceptor interceptor(ValidationProperties.Mode mode) {
		return new ProfileValidatingInterceptor(CONTEXT, VALIDATOR, POLICY, mode);
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
		ValidationPolicy onlyCarePlans = new ValidationPolicy(Map.of("CarePlan", "x"), Set.of(), "s");
		assertThat(onlyCarePlans.profilesFor(TestData.patient("Free", TestData.ssin()))).isEmpty();
	}
}
