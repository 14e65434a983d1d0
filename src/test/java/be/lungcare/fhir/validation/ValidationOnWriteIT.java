package be.lungcare.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import be.lungcare.fhir.importing.SyntheaStyleSample;
import ca.uhn.fhir.rest.api.SummaryEnum;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Invalid lung-care data is refused (422, element and rule named, nothing stored); valid data goes in. */
class ValidationOnWriteIT extends AbstractServerIT {

	private static final String ACT_PROFILE = "https://fhir.lungcare.be/StructureDefinition/lungcare-asthma-control-test";

	private Patient patientWithBadSsin(String family) {
		String ssin = TestData.ssin();
		// break the check digits
		String bad = ssin.substring(0, 9) + String.format("%02d", (Integer.parseInt(ssin.substring(9)) + 1) % 100);
		return TestData.patient(family, bad);
	}

	private OperationOutcome assert422(HttpResponse<String> response, String rule) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssue()).anySatisfy(issue -> {
			assertThat(issue.getSeverity()).isIn(OperationOutcome.IssueSeverity.ERROR, OperationOutcome.IssueSeverity.FATAL);
			assertThat(issue.getDiagnostics()).contains(rule);
			assertThat(issue.getExpression()).isNotEmpty();
		});
		return oo;
	}

	private int count(String query) {
		return client().search().byUrl(query).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
	}

	private Observation actScore(IdType patient, int score) {
		Observation act = new Observation();
		act.getMeta().addProfile(ACT_PROFILE);
		act.setStatus(Observation.ObservationStatus.FINAL);
		act.addCategory().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/observation-category").setCode("survey");
		act.getCode().addCoding().setSystem("http://loinc.org").setCode("82668-5").setDisplay("Total score [ACT]");
		act.setSubject(new Reference(patient.toUnqualifiedVersionless()));
		act.getEffectiveDateTimeType().setValueAsString("2026-10-01");
		act.setValue(new Quantity().setValue(score).setUnit("score").setSystem("http://unitsofmeasure.org").setCode("{score}"));
		return act;
	}

	@Test
	void createOfAnEnforcedTypeIsValidatedEvenWithoutDeclaredProfile() {
		Patient bad = patientWithBadSsin("Enforced");
		OperationOutcome oo = assert422(postJson("Patient", json(bad)), "lungcare-ssin-1");
		assertThat(oo.getIssue()).anySatisfy(i -> assertThat(i.getExpression().toString()).contains("identifier"));
		assertThat(count("Patient?identifier=" + TestData.SSIN_SYSTEM + "|" + bad.getIdentifierFirstRep().getValue())).isZero();
	}

	@Test
	void validDataGoesInAndWarningsComeBackInTheOperationOutcome() {
		HttpResponse<String> response = send("POST", "Patient", "application/fhir+json",
				json(TestData.patient("Valid", TestData.ssin())));
		assertThat(response.statusCode()).isEqualTo(201);

		Patient warned = TestData.patient("Warned", TestData.ssin());
		// a code of a code system the offline validator cannot check: a warning, not an error
		warned.getMaritalStatus().addCoding().setSystem("http://snomed.info/sct").setCode("87915002");
		HttpResponse<String> withOutcome = sendWithPrefer(json(warned));
		assertThat(withOutcome.statusCode()).isEqualTo(201);
		OperationOutcome oo = parse(OperationOutcome.class, withOutcome.body());
		assertThat(oo.getIssue()).anySatisfy(i -> assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.WARNING));
		assertThat(oo.getIssue()).noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
	}

	private HttpResponse<String> sendWithPrefer(String body) {
		try {
			var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/Patient")).header("Authorization", "Bearer " + engineToken())
					.header("Content-Type", "application/fhir+json")
					.header("Accept", "application/fhir+json")
					.header("Prefer", "return=OperationOutcome")
					.POST(java.net.http.HttpRequest.BodyPublishers.ofString(body))
					.build();
			return java.net.http.HttpClient.newHttpClient().send(request, java.net.http.HttpResponse.BodyHandlers.ofString());
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	@Test
	void otherResourcesAreHeldToBaseFhir() {
		OperationOutcome oo = assert422(postJson("Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\"}"),
				"Observation.code");
		assertThat(oo.getIssue()).anySatisfy(i -> assertThat(i.getExpression().toString()).contains("Observation"));
	}

	@Test
	void declaredProfileIsValidated() {
		IdType patient = (IdType) client().create().resource(TestData.patient("Declared", TestData.ssin())).execute().getId();
		assert422(postJson("Observation", json(actScore(patient, 30))), "lungcare-act-1");
		// 22, not below 20: the documented example query "ACT below 20" must keep its answer
		assertThat(postJson("Observation", json(actScore(patient, 22))).statusCode()).isEqualTo(201);
	}

	@Test
	void updateAndPatchAreValidated() {
		Patient patient = TestData.patient("Updated", TestData.ssin());
		IdType id = (IdType) client().create().resource(patient).execute().getId();

		Patient bad = patientWithBadSsin("Updated");
		bad.setId(id.getIdPart());
		assert422(send("PUT", "Patient/" + id.getIdPart(), "application/fhir+json", json(bad)), "lungcare-ssin-1");

		HttpResponse<String> patch = send("PATCH", "Patient/" + id.getIdPart(), "application/json-patch+json",
				"[{\"op\":\"remove\",\"path\":\"/birthDate\"}]");
		assert422(patch, "birthDate");
		Patient stored = client().read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(stored.getMeta().getVersionId()).isEqualTo("1");
		assertThat(stored.hasBirthDate()).isTrue();
	}

	@Test
	void aTransactionWithOneInvalidEntryStoresNothing() {
		String goodSsin = TestData.ssin();
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl("urn:uuid:7b6a7a6e-0000-4000-8000-000000000001")
				.setResource(TestData.patient("TxGood", goodSsin)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		tx.addEntry().setFullUrl("urn:uuid:7b6a7a6e-0000-4000-8000-000000000002")
				.setResource(patientWithBadSsin("TxBad")).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		assert422(postJson("", json(tx)), "lungcare-ssin-1");
		assertThat(count("Patient?identifier=" + TestData.SSIN_SYSTEM + "|" + goodSsin)).isZero();
	}

	@Test
	void aBatchRejectsOnlyTheInvalidEntry() {
		String goodSsin = TestData.ssin();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient?_count=1"); // an entry without resource
		batch.addEntry().setResource(TestData.patient("BatchGood", goodSsin)).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		batch.addEntry().setResource(patientWithBadSsin("BatchBad")).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		HttpResponse<String> response = postJson("", json(batch));
		assertThat(response.statusCode()).isEqualTo(200);
		Bundle result = parse(Bundle.class, response.body());
		assertThat(result.getEntry().get(0).getResponse().getStatus()).startsWith("200");
		assertThat(result.getEntry().get(1).getResponse().getStatus()).startsWith("201");
		assertThat(result.getEntry().get(2).getResponse().getStatus()).startsWith("422");
		OperationOutcome outcome = (OperationOutcome) result.getEntry().get(2).getResponse().getOutcome();
		assertThat(outcome.getIssue()).anySatisfy(i -> {
			assertThat(i.getDiagnostics()).contains("lungcare-ssin-1");
			assertThat(i.getExpression()).anySatisfy(e -> assertThat(e.getValue()).startsWith("Bundle.entry[2]")); // the client's index
		});
		assertThat(count("Patient?identifier=" + TestData.SSIN_SYSTEM + "|" + goodSsin)).isEqualTo(1);
	}

	@Test
	void onlyLungConditionsAreHeldToTheLungProfile() {
		IdType patient = (IdType) client().create().resource(TestData.patient("Conditions", TestData.ssin())).execute().getId();
		String subject = "{\"reference\":\"Patient/" + patient.getIdPart() + "\"}";
		String heartFailure = "{\"resourceType\":\"Condition\",\"subject\":" + subject
				+ ",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"84114007\"}]}}";
		assertThat(postJson("Condition", heartFailure).statusCode()).isEqualTo(201);
		String bareCopd = "{\"resourceType\":\"Condition\",\"subject\":" + subject
				+ ",\"code\":{\"coding\":[{\"system\":\"http://snomed.info/sct\",\"code\":\"13645005\"}]}}";
		assert422(postJson("Condition", bareCopd), "Condition");
	}

	@Test
	void validateOperationWithAProfileParameter() {
		Patient bad = patientWithBadSsin("Validate");
		HttpResponse<String> response = postJson("Patient/$validate?profile=https://fhir.lungcare.be/StructureDefinition/lungcare-patient", json(bad));
		assertThat(response.statusCode()).isEqualTo(200);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssue()).anySatisfy(i -> {
			assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
			assertThat(i.getDiagnostics()).contains("lungcare-ssin-1");
		});
	}

	private IdType storedPatient(String family) {
		HttpResponse<String> created = postJson("Patient", json(TestData.patient(family, TestData.ssin())));
		assertThat(created.statusCode()).isEqualTo(201);
		return parse(Patient.class, created.body()).getIdElement();
	}

	@Test
	void scoresAreHeldToTheirProfileByTheirCode() {
		IdType patient = storedPatient("Scores");
		for (double score : new double[] {30, 4, 12.5}) {
			Observation act = actScore(patient, 20);
			act.getMeta().getProfile().clear(); // no declared profile: the code decides
			act.getValueQuantity().setValue(score);
			OperationOutcome oo = assert422(postJson("Observation", json(act)), "lungcare-act-1");
			assertThat(oo.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		}
		Observation fine = actScore(patient, 20);
		fine.getMeta().getProfile().clear();
		assertThat(postJson("Observation", json(fine)).statusCode()).isEqualTo(201);
		assertThat(count("Observation?subject=" + patient.toUnqualifiedVersionless().getValue() + "&code=http://loinc.org|82668-5")).isEqualTo(1);
	}

	@Test
	void anSsinMustAgreeWithTheBirthDateAndItsCentury() {
		Patient wrongDate = TestData.patient("Birthdate", "66030112390");
		wrongDate.getBirthDateElement().setValueAsString("1966-03-02");
		assert422(postJson("Patient", json(wrongDate)), "lungcare-ssin-2");

		// 03060112345-like number of someone born in 2003, with check digits of the pre-2000 rule
		String nine = "030601123";
		String pre2000 = nine + String.format("%02d", 97 - Integer.parseInt(nine) % 97);
		Patient bornIn2003 = TestData.patient("Century", pre2000);
		bornIn2003.getBirthDateElement().setValueAsString("2003-06-01");
		assert422(postJson("Patient", json(bornIn2003)), "lungcare-ssin-2");

		String rule2000 = nine + String.format("%02d", 97 - (int) ((2_000_000_000L + Integer.parseInt(nine)) % 97));
		Patient right = TestData.patient("Century", rule2000);
		right.getBirthDateElement().setValueAsString("2003-06-01");
		assertThat(postJson("Patient", json(right)).statusCode()).isEqualTo(201);
	}

	@Test
	void aContainedPatientIsHeldToTheProfileToo() {
		Patient contained = patientWithBadSsin("Contained");
		contained.setId("p");
		Observation act = actScore(storedPatient("Container"), 20);
		act.addContained(contained);
		act.addPerformer(new Reference("#p"));
		assert422(postJson("Observation", json(act)), "lungcare-ssin-1");
	}

	/** HAPI's generic client sends resources without narrative: a best-practice rule (dom-6) never refuses them. */
	@Test
	void bestPracticeRulesNeverRefuseAWriteAndTheFirstIssueIsTheRuleThatFailed() {
		Bundle care = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = TestData.patient("Generic", TestData.ssin());
		care.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(patient)
				.getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		Bundle response = client().transaction().withBundle(care).execute();
		assertThat(response.getEntryFirstRep().getResponse().getStatus()).startsWith("201");
		assertThat(fhirContext.newJsonParser().encodeResourceToString(response)).doesNotContain("dom-6");

		Patient broken = patientWithBadSsin("Generic");
		care.getEntryFirstRep().setResource(broken);
		HttpResponse<String> refused = postJson("", json(care));
		OperationOutcome oo = assert422(refused, "lungcare-ssin-1");
		assertThat(oo.getIssueFirstRep().getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
		assertThat(refused.body()).doesNotContain("dom-6");
	}

	/** The foreign data lenient mode loads (LenientImportIT) are refused here, strict, where they break LungCare rules. */
	@Test
	void strictModeRefusesForeignPatientsButNotForeignExtensionsElsewhere() {
		SyntheaStyleSample.Export export = new SyntheaStyleSample(7, "strict" + System.nanoTime()).export(1, 1, 1, 1, 1);
		Patient foreign = (Patient) export.patients().get(0).getEntryFirstRep().getResource();
		OperationOutcome oo = assert422(postJson("Patient", json(foreign)), "ssin");
		assertThat(oo.getIssueFirstRep().getExpression()).isNotEmpty();

		// an Organization with a vendor extension and a profile the server does not know: not covered by the
		// LungCare profiles, so warnings only
		HttpResponse<String> organization = postJson("Organization", json(export.organizations().getEntryFirstRep().getResource()));
		assertThat(organization.statusCode()).as(organization.body()).isEqualTo(201);
	}
}
