package be.lungcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.MethodOutcome;
import ca.uhn.fhir.rest.api.PatchTypeEnum;
import ca.uhn.fhir.rest.api.SummaryEnum;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** The FHIR REST API a HAPI JPA user expects, against PostgreSQL. */
class FhirRestApiIT extends AbstractServerIT {

	static final String SSIN = TestData.SSIN_SYSTEM;

	private static Patient patient(String family, String ssin) {
		return TestData.patient(family, ssin);
	}

	private static String uniqueSsin() {
		return TestData.ssin();
	}

	private Observation fev1(IdType patientId, double litres, String date) {
		Observation o = new Observation();
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("20150-9").setDisplay("FEV1");
		o.setSubject(new Reference(patientId.toUnqualifiedVersionless()));
		o.setValue(new Quantity().setValue(litres).setUnit("L").setSystem("http://unitsofmeasure.org").setCode("L"));
		o.setEffective(new org.hl7.fhir.r4.model.DateTimeType(date));
		return o;
	}

	@Test
	void capabilityStatementNamesTheSoftwareAndBaseUrl() {
		CapabilityStatement cs = client().capabilities().ofType(CapabilityStatement.class).execute();
		assertThat(cs.getSoftware().getName()).isEqualTo("LungCare FHIR");
		assertThat(cs.getSoftware().getVersion()).isNotBlank();
		assertThat(cs.getImplementation().getUrl()).isEqualTo(baseUrl());
		assertThat(cs.getFhirVersion().toCode()).isEqualTo("4.0.1");
		assertThat(cs.getRestFirstRep().getResource()).anySatisfy(r -> assertThat(r.getType()).isEqualTo("CarePlan"));
		// only the operations that are answered are announced
		var patient = cs.getRestFirstRep().getResource().stream().filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
		assertThat(patient.getOperation()).extracting(o -> o.getName()).contains("everything", "validate")
				.doesNotContain("expunge", "meta-add", "merge");
		assertThat(cs.getRestFirstRep().getOperation()).extracting(o -> o.getName())
				.doesNotContain("expunge", "reindex-terminology", "mark-all-resources-for-reindexing");
	}

	@Test
	void createReadVreadUpdatePatchDeleteAndHistory() {
		IGenericClient client = client();
		IdType id = (IdType) client.create().resource(patient("Peeters", uniqueSsin())).execute().getId();
		assertThat(id.getVersionIdPart()).isEqualTo("1");

		Patient read = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(read.getNameFirstRep().getFamily()).isEqualTo("Peeters");

		read.getNameFirstRep().setFamily("Janssens");
		MethodOutcome updated = client.update().resource(read).execute();
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");

		String patch = "[{\"op\":\"replace\",\"path\":\"/gender\",\"value\":\"male\"}]";
		MethodOutcome patched = client.patch().withBody(patch).withId(id.toVersionless()).execute();
		assertThat(patched.getId().getVersionIdPart()).isEqualTo("3");

		Patient v1 = client.read().resource(Patient.class).withIdAndVersion(id.getIdPart(), "1").execute();
		assertThat(v1.getNameFirstRep().getFamily()).isEqualTo("Peeters");
		Patient v3 = client.read().resource(Patient.class).withId(id.getIdPart()).execute();
		assertThat(v3.getGender()).isEqualTo(Enumerations.AdministrativeGender.MALE);
		assertThat(v3.getNameFirstRep().getFamily()).isEqualTo("Janssens");

		Bundle history = client.history().onInstance(id.toVersionless()).returnBundle(Bundle.class).execute();
		assertThat(history.getEntry()).hasSize(3);

		client.delete().resourceById(id.toVersionless()).execute();
		assertThatThrownBy(() -> client.read().resource(Patient.class).withId(id.getIdPart()).execute())
				.isInstanceOf(ResourceGoneException.class);
	}

	/**
	 * The parser does not look for references to contain (a performance setting, FhirJpaConfig); the contained
	 * resources a client sends are still stored and shown, their local references intact.
	 */
	@Test
	void containedResourcesAreKeptWithoutAutomaticContainment() {
		assertThat(fhirContext.getParserOptions().isAutoContainReferenceTargetsWithNoId()).isFalse();
		Patient patient = patient("Contained", uniqueSsin());
		Organization practice = new Organization().setName("Huisartsenpraktijk De Linde");
		practice.setId("practice");
		patient.addContained(practice);
		patient.setManagingOrganization(new Reference("#practice"));
		IIdType id = client().create().resource(patient).execute().getId().toUnqualifiedVersionless();

		Patient read = client().read().resource(Patient.class).withId(id).execute();
		assertThat(read.getContained()).singleElement().isInstanceOf(Organization.class)
				.extracting(contained -> ((Organization) contained).getName()).isEqualTo("Huisartsenpraktijk De Linde");
		assertThat(read.getManagingOrganization().getReference()).isEqualTo("#practice");

		// what the setting gives up: a reference to an object without id is not turned into a contained resource
		Patient inMemory = patient("InMemory", uniqueSsin());
		inMemory.getManagingOrganization().setResource(new Organization().setName("Groepspraktijk"));
		assertThat(fhirContext.newJsonParser().encodeResourceToString(inMemory)).doesNotContain("contained", "Groepspraktijk");
	}

	/**
	 * Tags, security labels and declared profiles are shown on read and found by {@code _tag}, {@code _security}
	 * and {@code _profile}; an update that leaves a tag or label out keeps it (HAPI carries tags and labels over
	 * to the new version; {@code $meta-delete}, the way to remove one, is not offered here).
	 */
	@Test
	void tagsSecurityLabelsAndProfilesAreShownSearchedAndKeptAcrossUpdates() {
		String tagSystem = "https://fhir.lungcare.be/test/tag";
		String tag = UUID.randomUUID().toString();
		String confidentiality = "http://terminology.hl7.org/CodeSystem/v3-Confidentiality";
		String profile = "https://fhir.lungcare.be/StructureDefinition/lungcare-patient";
		Patient patient = patient("Tagged", uniqueSsin());
		patient.getMeta().addTag(tagSystem, tag, null);
		patient.getMeta().addSecurity(confidentiality, "R", "restricted");
		patient.getMeta().addProfile(profile);
		IIdType id = client().create().resource(patient).execute().getId().toUnqualifiedVersionless();

		Patient read = client().read().resource(Patient.class).withId(id).execute();
		assertThat(read.getMeta().getTag()).extracting(Coding::getCode).containsExactly(tag);
		assertThat(read.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
		assertThat(read.getMeta().getProfile()).extracting(PrimitiveType::getValue).containsExactly(profile);

		String byTag = "Patient?_tag=" + tagSystem + "|" + tag;
		assertThat(idsOf(byTag)).containsExactly(id.getIdPart());
		assertThat(idsOf(byTag + "&_security=" + confidentiality + "|R")).containsExactly(id.getIdPart());
		assertThat(idsOf(byTag + "&_security=" + confidentiality + "|N")).isEmpty();
		assertThat(idsOf(byTag + "&_profile=" + profile)).containsExactly(id.getIdPart());

		read.getMeta().getTag().clear();
		read.getMeta().getSecurity().clear();
		read.getNameFirstRep().setFamily("Retagged");
		assertThat(client().update().resource(read).execute().getId().getVersionIdPart()).isEqualTo("2");
		Patient updated = client().read().resource(Patient.class).withId(id).execute();
		assertThat(updated.getNameFirstRep().getFamily()).isEqualTo("Retagged");
		assertThat(updated.getMeta().getTag()).extracting(Coding::getCode).containsExactly(tag);
		assertThat(updated.getMeta().getSecurity()).extracting(Coding::getCode).containsExactly("R");
		assertThat(idsOf(byTag + "&_security=" + confidentiality + "|R")).containsExactly(id.getIdPart());
	}

	private List<String> idsOf(String search) {
		Bundle bundle = client().search().byUrl(search).returnBundle(Bundle.class).execute();
		return bundle.getEntry().stream().map(entry -> entry.getResource().getIdElement().getIdPart()).toList();
	}

	@Test
	void patchWithJsonPatchContentType() {
		IdType id = (IdType) client().create().resource(patient("Maes", uniqueSsin())).execute().getId();
		HttpResponse<String> response = send("PATCH", "Patient/" + id.getIdPart(), "application/json-patch+json",
				"[{\"op\":\"add\",\"path\":\"/name/0/given/-\",\"value\":\"Marie\"}]");
		assertThat(response.statusCode()).isEqualTo(200);
		assertThat(client().read().resource(Patient.class).withId(id.getIdPart()).execute().getNameFirstRep().getGivenAsSingleString())
				.isEqualTo("Test Marie");
	}

	@Test
	void conditionalCreateFindsTheExistingResource() {
		String ssin = uniqueSsin();
		IGenericClient client = client();
		MethodOutcome first = client.create().resource(patient("Claes", ssin)).conditionalByUrl("Patient?identifier=" + SSIN + "|" + ssin).execute();
		MethodOutcome second = client.create().resource(patient("Claes", ssin)).conditionalByUrl("Patient?identifier=" + SSIN + "|" + ssin).execute();
		assertThat(first.getCreated()).isTrue();
		assertThat(second.getCreated()).isNotEqualTo(Boolean.TRUE);
		assertThat(second.getId().getIdPart()).isEqualTo(first.getId().getIdPart());
		assertThat(countPatients(ssin)).isEqualTo(1);
	}

	@Test
	void conditionalUpdateCreatesThenUpdates() {
		String ssin = uniqueSsin();
		String url = "Patient?identifier=" + SSIN + "|" + ssin;
		MethodOutcome created = client().update().resource(patient("Wouters", ssin)).conditionalByUrl(url).execute();
		MethodOutcome updated = client().update().resource(patient("Wouters-Dubois", ssin)).conditionalByUrl(url).execute();
		assertThat(updated.getId().getIdPart()).isEqualTo(created.getId().getIdPart());
		assertThat(updated.getId().getVersionIdPart()).isEqualTo("2");
		assertThat(countPatients(ssin)).isEqualTo(1);
	}

	@Test
	void searchChainingIncludeRevincludeHasSortCountPagingAndSummaryCount() {
		IGenericClient client = client();
		String ssin = uniqueSsin();
		IdType pid = (IdType) client.create().resource(patient("Jacobs", ssin)).execute().getId();
		for (int i = 1; i <= 5; i++) {
			client.create().resource(fev1(pid, 2.0 + i / 10.0, "2025-0" + i + "-15")).execute();
		}
		// heart failure: not a lung-care condition, so plain R4 is enough
		Condition heartFailure = new Condition();
		heartFailure.setSubject(new Reference(pid.toUnqualifiedVersionless()));
		heartFailure.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("84114007");
		client.create().resource(heartFailure).execute();

		// chaining: observations of the patient with this SSIN
		String chain = "Observation?subject:Patient.identifier=" + SSIN + "|" + ssin;
		Bundle chained = client.search().byUrl(chain).returnBundle(Bundle.class).execute();
		assertThat(chained.getTotal() > 0 ? chained.getTotal() : chained.getEntry().size()).isEqualTo(5);

		// _sort and _count: the latest measurement first, paged two by two
		Bundle page1 = client.search().byUrl(chain + "&_sort=-date&_count=2").returnBundle(Bundle.class).execute();
		assertThat(page1.getEntry()).hasSize(2);
		assertThat(((Observation) page1.getEntryFirstRep().getResource()).getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-05-15");
		assertThat(page1.getLink(Bundle.LINK_NEXT)).isNotNull();
		Bundle page2 = client.loadPage().next(page1).execute();
		assertThat(((Observation) page2.getEntryFirstRep().getResource()).getEffectiveDateTimeType().getValueAsString()).isEqualTo("2025-03-15");

		// _include the subject, _revinclude conditions
		Bundle included = client.search().byUrl(chain + "&_include=Observation:subject&_count=50").returnBundle(Bundle.class).execute();
		assertThat(included.getEntry()).filteredOn(e -> e.getResource() instanceof Patient).hasSize(1);
		Bundle revincluded = client.search().byUrl("Patient?identifier=" + SSIN + "|" + ssin + "&_revinclude=Condition:subject").returnBundle(Bundle.class).execute();
		assertThat(revincluded.getEntry()).filteredOn(e -> e.getResource() instanceof Condition).hasSize(1);

		// _has: patients with a heart-failure condition
		Bundle has = client.search().byUrl("Patient?identifier=" + SSIN + "|" + ssin + "&_has:Condition:subject:code=http://snomed.info/sct|84114007").returnBundle(Bundle.class).execute();
		assertThat(has.getEntry()).hasSize(1);

		// _summary=count
		Bundle count = client.search().byUrl(chain).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute();
		assertThat(count.getTotal()).isEqualTo(5);
		assertThat(count.getEntry()).isEmpty();
	}

	@Test
	void patientEverythingReturnsTheCompartment() {
		IGenericClient client = client();
		IdType pid = (IdType) client.create().resource(patient("Mertens", uniqueSsin())).execute().getId();
		client.create().resource(fev1(pid, 1.9, "2025-06-01")).execute();
		Parameters out = client.operation().onInstance(pid.toVersionless()).named("$everything").withNoParameters(Parameters.class).execute();
		Bundle everything = (Bundle) out.getParameterFirstRep().getResource();
		assertThat(everything.getEntry()).extracting(e -> e.getResource().fhirType()).contains("Patient", "Observation");
	}

	@Test
	void validateOperationReportsErrors() {
		HttpResponse<String> response = postJson("Observation/$validate",
				"{\"resourceType\":\"Observation\",\"status\":\"final\"}");
		// $validate answers 200 when it could validate; the verdict is in the OperationOutcome
		assertThat(response.statusCode()).isEqualTo(200);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssue()).anySatisfy(i -> {
			assertThat(i.getSeverity()).isEqualTo(OperationOutcome.IssueSeverity.ERROR);
			assertThat(i.getDiagnostics()).contains("Observation.code");
		});

		HttpResponse<String> valid = postJson("Patient/$validate", json(patient("Valid", "66030112390")));
		assertThat(valid.statusCode()).isEqualTo(200);
		assertThat(parse(OperationOutcome.class, valid.body()).getIssue())
				.noneMatch(i -> i.getSeverity() == OperationOutcome.IssueSeverity.ERROR);
	}

	private int countPatients(String ssin) {
		return client().search().byUrl("Patient?identifier=" + SSIN + "|" + ssin).summaryMode(SummaryEnum.COUNT)
				.returnBundle(Bundle.class).execute().getTotal();
	}
}
