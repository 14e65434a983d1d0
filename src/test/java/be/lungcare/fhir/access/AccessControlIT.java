package be.lungcare.fhir.access;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import be.lungcare.fhir.TestIssuer;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Access control end to end: tokens, SMART scopes, the therapeutic relationship (care teams, general practitioner),
 * opt-out consent, research clients, administration, and the known ways around search narrowing.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessControlIT extends AbstractServerIT {

	private static final Random RANDOM = new Random();

	private String gpNihdi;
	private String pulmonologistNihdi;
	private String gp;
	private String pulmonologist;
	/** A: the GP's patient. B: in the pulmonologist's active care team. C: the pulmonologist's membership ended. D: nobody's. E: B's situation, but opted out. */
	private String a;
	private String b;
	private String c;
	private String d;
	private String e;
	private String aSsin;

	private static String nihdi() {
		return String.format("1%010d", Math.abs(RANDOM.nextLong()) % 10_000_000_000L);
	}

	private String create(IBaseResource resource) {
		HttpResponse<String> response = postJson(resource.fhirType(), json(resource));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
		return parse(resource.getClass(), response.body()).getIdElement().getIdPart();
	}

	private String practitioner(String nihdi) {
		Practitioner practitioner = new Practitioner();
		practitioner.addIdentifier().setSystem(CareRelationships.NIHDI).setValue(nihdi);
		practitioner.addName().setFamily("Access").addGiven("Test");
		return create(practitioner);
	}

	private String patient(String name, String ssin, String generalPractitioner) {
		Patient patient = TestData.patient(name, ssin);
		if (generalPractitioner != null) {
			patient.addGeneralPractitioner(new Reference("Practitioner/" + generalPractitioner));
		}
		return create(patient);
	}

	private void careTeam(String patient, String member, Period membership) {
		CareTeam team = new CareTeam().setStatus(CareTeam.CareTeamStatus.ACTIVE).setSubject(new Reference("Patient/" + patient));
		team.setName("Access test team");
		team.addCategory().addCoding().setSystem("http://loinc.org").setCode("LA27976-2");
		team.addParticipant().setMember(new Reference("Practitioner/" + member)).setPeriod(membership)
				.addRole().addCoding().setSystem("https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty").setCode("perspneumologist");
		create(team);
	}

	private void observation(String patient) {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL);
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
		observation.setSubject(new Reference("Patient/" + patient));
		create(observation);
	}

	@BeforeAll
	void careNetwork() {
		gpNihdi = nihdi();
		pulmonologistNihdi = nihdi();
		gp = practitioner(gpNihdi);
		pulmonologist = practitioner(pulmonologistNihdi);
		aSsin = TestData.ssin();
		a = patient("AccessA", aSsin, gp);
		b = patient("AccessB", TestData.ssin(), null);
		c = patient("AccessC", TestData.ssin(), null);
		d = patient("AccessD", TestData.ssin(), null);
		e = patient("AccessE", TestData.ssin(), null);
		Period current = new Period().setStart(java.sql.Date.valueOf(LocalDate.now().minusYears(1)));
		careTeam(b, pulmonologist, current);
		careTeam(c, pulmonologist, new Period().setStart(java.sql.Date.valueOf(LocalDate.now().minusYears(2)))
				.setEnd(java.sql.Date.valueOf(LocalDate.now().minusDays(1))));
		careTeam(e, pulmonologist, current);
		for (String patient : List.of(a, b, c, d, e)) {
			observation(patient);
		}
		Consent optOut = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + e));
		optOut.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope").setCode("patient-privacy");
		optOut.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
		optOut.addPolicy().setUri("https://fhir.lungcare.be/policy/opt-out");
		optOut.getProvision().setType(Consent.ConsentProvisionType.DENY)
				.addPurpose().setSystem(CareRelationships.ACT_REASON).setCode("TREAT");
		create(optOut);
	}

	private static String userToken(String nihdi, String scopes) {
		return TestIssuer.get().token("ehr-app", scopes, Map.of("nihdi", nihdi));
	}

	/** The patients whose data a bundle holds (Patient ids and Observation subjects). */
	private Set<String> patientsIn(String body) {
		return parse(Bundle.class, body).getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
				.map(r -> r instanceof Patient p ? p.getIdElement().getIdPart()
						: r instanceof Observation o ? o.getSubject().getReferenceElement().getIdPart() : null)
				.filter(java.util.Objects::nonNull).collect(Collectors.toSet());
	}

	private static void assertForbidden(HttpResponse<String> response) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		assertThat(response.body()).contains("OperationOutcome").doesNotContain("Exception");
	}

	@Test
	void withoutATokenOnlyTheCapabilityStatementAndTheSmartConfigurationArePublic() {
		HttpResponse<String> none = sendAs(null, "GET", "Patient/" + a, null, null);
		assertThat(none.statusCode()).isEqualTo(401);
		assertThat(none.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Bearer"));
		assertThat(parse(OperationOutcome.class, none.body()).getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.LOGIN);
		assertThat(sendAs(null, "POST", "Patient", "application/fhir+json", json(TestData.patient("NoToken", TestData.ssin()))).statusCode())
				.isEqualTo(401);
		assertThat(sendAs(null, "GET", "metadata", null, null).statusCode()).isEqualTo(200);
		HttpResponse<String> smart = sendAs(null, "GET", ".well-known/smart-configuration", null, null);
		assertThat(smart.statusCode()).isEqualTo(200);
		assertThat(smart.body()).contains("\"token_endpoint\"", "\"permission-v2\"", "\"S256\"");
	}

	@Test
	void badTokensAreRefusedWith401() throws Exception {
		RSAKey stranger = new RSAKeyGenerator(2048).keyID("test-key").generate();
		TestIssuer issuer = TestIssuer.get();
		List<String> bad = List.of(
				issuer.sign("x", "system/*.rs", Map.of(), TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), Instant.now().plusSeconds(600), stranger),
				issuer.sign("x", "system/*.rs", Map.of(), "https://other.test", List.of(TestIssuer.AUDIENCE), Instant.now().plusSeconds(600), issuer.key()),
				issuer.sign("x", "system/*.rs", Map.of(), TestIssuer.ISSUER, List.of("another-api"), Instant.now().plusSeconds(600), issuer.key()),
				issuer.sign("x", "system/*.rs", Map.of(), TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), Instant.now().minusSeconds(600), issuer.key()),
				issuer.sign("x", "system/*.rs", Map.of(), TestIssuer.ISSUER, List.of(TestIssuer.AUDIENCE), null, issuer.key()),
				"not-a-jwt");
		for (String token : bad) {
			HttpResponse<String> response = sendAs(token, "GET", "Patient/" + a, null, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(401);
			assertThat(response.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).contains("invalid_token"));
			assertThat(response.body()).doesNotContain("Exception").doesNotContain("nimbus");
		}
	}

	@Test
	void aPractitionerSeesOnlyThePatientsOfTheirCareRelationships() {
		String gpToken = userToken(gpNihdi, "user/*.cruds");
		assertThat(sendAs(gpToken, "GET", "Patient/" + a, null, null).statusCode()).isEqualTo(200);
		assertForbidden(sendAs(gpToken, "GET", "Patient/" + d, null, null));
		assertThat(patientsIn(sendAs(gpToken, "GET", "Observation?_count=100", null, null).body())).containsExactly(a);

		String pulmoToken = userToken(pulmonologistNihdi, "user/*.rs");
		HttpResponse<String> observations = sendAs(pulmoToken, "GET", "Observation?_count=100", null, null);
		assertThat(observations.statusCode()).isEqualTo(200);
		assertThat(patientsIn(observations.body())).containsExactly(b); // not C (membership ended), not E (opted out)
		assertForbidden(sendAs(pulmoToken, "GET", "Patient/" + c, null, null));
		assertForbidden(sendAs(pulmoToken, "GET", "Patient/" + e, null, null));
		assertThat(patientsIn(sendAs(pulmoToken, "GET", "Patient?_count=100", null, null).body())).containsExactly(b);
	}

	@Test
	void searchNarrowingCannotBeSteppedAround() {
		String gpToken = userToken(gpNihdi, "user/*.rs");
		Patient linked = TestData.patient("AccessLinked", TestData.ssin()).addGeneralPractitioner(new Reference("Practitioner/" + gp));
		linked.addLink().setOther(new Reference("Patient/" + d)).setType(Patient.LinkType.SEEALSO);
		String f = create(linked); // the GP's patient, linked to D
		for (String query : List.of("Patient?_id=" + f + "&_include=Patient:link", "Patient/" + f + "/$everything")) {
			HttpResponse<String> response = sendAs(gpToken, "GET", query, null, null);
			assertThat(response.statusCode()).as(query + ": " + response.body()).isIn(200, 403);
			if (response.statusCode() == 200) {
				assertThat(patientsIn(response.body())).as(query).doesNotContain(d);
			}
		}
		for (String query : List.of("Observation?subject=Patient/" + d, "Observation?patient=Patient/" + d,
				"Observation?subject:Patient.name=AccessD", "Patient?_has:Observation:subject:code=http://loinc.org|26449-9",
				"Patient?_id=" + d, "Observation?_revinclude=Observation:subject&subject=" + d,
				"Patient?_id=" + a + "&_revinclude=CareTeam:subject", "Practitioner?_id=" + pulmonologist + "&_revinclude=CareTeam:participant",
				"Observation?_include=Observation:subject", "Observation/_history", "Patient/" + d + "/_history",
				"Patient/" + d + "/$everything")) {
			HttpResponse<String> response = sendAs(gpToken, "GET", query, null, null);
			assertThat(response.statusCode()).as(query + ": " + response.body()).isIn(200, 403);
			if (response.statusCode() == 200) {
				assertThat(patientsIn(response.body())).as(query).isSubsetOf(a);
				parse(Bundle.class, response.body()).getEntry().forEach(entry ->
						assertThat(json(entry.getResource())).as(query).doesNotContain("AccessD", "AccessB"));
			}
		}
		HttpResponse<String> everything = sendAs(gpToken, "GET", "Patient/" + a + "/$everything", null, null);
		assertThat(everything.statusCode()).as(everything.body()).isEqualTo(200);
		assertThat(patientsIn(everything.body())).containsExactly(a);
	}

	@Test
	void aTransactionCannotWriteOutsideTheRelationship() {
		String gpToken = userToken(gpNihdi, "user/*.cruds");
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Observation forA = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + a));
		forA.getCode().addCoding().setSystem("http://loinc.org").setCode("59408-5");
		Observation forD = forA.copy().setSubject(new Reference("Patient/" + d));
		tx.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(forA).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		tx.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(forD).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		assertForbidden(sendAs(gpToken, "POST", "", "application/fhir+json", json(tx)));
		assertThat(patientsIn(get("Observation?code=http://loinc.org|59408-5&_count=100").body())).doesNotContain(a, d);

		tx.getEntry().remove(1);
		assertThat(sendAs(gpToken, "POST", "", "application/fhir+json", json(tx)).statusCode()).isEqualTo(200);
	}

	@Test
	void aScopeGrantsNoMoreThanItNames() {
		String readOnly = userToken(gpNihdi, "user/Observation.r");
		HttpResponse<String> list = get("Observation?subject=" + a + "&_count=1");
		String observation = parse(Bundle.class, list.body()).getEntryFirstRep().getResource().getIdElement().toUnqualifiedVersionless().getValue();
		assertThat(sendAs(readOnly, "GET", observation, null, null).statusCode()).isEqualTo(200);
		assertForbidden(sendAs(readOnly, "GET", "Observation?subject=" + a, null, null)); // no s
		assertForbidden(sendAs(readOnly, "GET", "Patient/" + a, null, null)); // not Patient
		Observation more = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + a));
		more.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
		assertForbidden(sendAs(readOnly, "POST", "Observation", "application/fhir+json", json(more))); // no c
		assertForbidden(sendAs(userToken(gpNihdi, "user/Observation.u"), "POST", "Observation", "application/fhir+json", json(more)));
		assertForbidden(sendAs(userToken(gpNihdi, "openid fhirUser"), "GET", "Patient/" + a, null, null)); // no resource scope
		assertForbidden(sendAs(userToken(gpNihdi, "user/Observation.sr"), "GET", observation, null, null)); // malformed: grants nothing
		// v1 form
		assertThat(sendAs(userToken(gpNihdi, "user/Patient.read"), "GET", "Patient/" + a, null, null).statusCode()).isEqualTo(200);
		assertForbidden(sendAs(userToken(gpNihdi, "user/Patient.read"), "DELETE", "Patient/" + a, null, null));
	}

	@Test
	void aPatientSeesOnlyTheirOwnRecord() {
		String token = TestIssuer.get().token("patient-app", "patient/*.rs", Map.of("ssin", aSsin));
		assertThat(sendAs(token, "GET", "Patient/" + a, null, null).statusCode()).isEqualTo(200);
		assertForbidden(sendAs(token, "GET", "Patient/" + b, null, null));
		assertThat(patientsIn(sendAs(token, "GET", "Observation?_count=100", null, null).body())).containsExactly(a);
		assertThat(sendAs(token, "GET", "Practitioner/" + gp, null, null).statusCode()).isEqualTo(200); // the directory
		Observation own = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + a));
		own.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
		assertForbidden(sendAs(token, "POST", "Observation", "application/fhir+json", json(own)));
	}

	@Test
	void aResearchClientGetsNoPatientDataOverRest() {
		String token = TestIssuer.get().token("research", "system/*.rs", Map.of());
		assertForbidden(sendAs(token, "GET", "Patient/" + a, null, null));
		assertForbidden(sendAs(token, "GET", "Observation?_count=1", null, null));
		assertForbidden(sendAs(token, "GET", "_history", null, null));
		assertThat(sendAs(token, "GET", "Practitioner?_count=1", null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void conformanceResourcesNeedTheAdminScope() {
		ValueSet valueSet = new ValueSet().setStatus(org.hl7.fhir.r4.model.Enumerations.PublicationStatus.DRAFT)
				.setUrl("https://fhir.lungcare.be/ValueSet/access-test-" + System.nanoTime());
		assertForbidden(postJson("ValueSet", json(valueSet))); // system/*.cruds without admin
		String admin = TestIssuer.get().token("lungcare-admin", "system/*.cruds lungcare.admin", Map.of());
		assertThat(sendAs(admin, "POST", "ValueSet", "application/fhir+json", json(valueSet)).statusCode()).isEqualTo(201);
	}

	@Test
	void joiningACareTeamOpensTheRecordAtOnce() {
		String nihdi = nihdi();
		String nurse = practitioner(nihdi);
		String patient = patient("AccessJoin", TestData.ssin(), null);
		String token = userToken(nihdi, "user/*.rs");
		assertForbidden(sendAs(token, "GET", "Patient/" + patient, null, null));
		careTeam(patient, nurse, new Period().setStart(java.sql.Date.valueOf(LocalDate.now())));
		assertThat(sendAs(token, "GET", "Patient/" + patient, null, null).statusCode()).isEqualTo(200);
	}

	@Test
	void aPractitionerWithManyPatientsSearchesAndUsesConditionalUrls() {
		String nihdi = nihdi();
		String busyGp = practitioner(nihdi);
		Bundle patients = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < 150; i++) { // more than a client may list in one search parameter (100)
			Patient patient = TestData.patient("AccessMany", TestData.ssin()).addGeneralPractitioner(new Reference("Practitioner/" + busyGp));
			patients.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(patient).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		}
		assertThat(postJson("", json(patients)).statusCode()).isEqualTo(200);
		String token = userToken(nihdi, "user/*.cruds");
		HttpResponse<String> search = sendAs(token, "GET", "Patient?_summary=count", null, null);
		assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
		assertThat(parse(Bundle.class, search.body()).getTotal()).isEqualTo(150);

		String patient = parse(Bundle.class, sendAs(token, "GET", "Patient?_count=1", null, null).body()).getEntryFirstRep()
				.getResource().getIdElement().getIdPart();
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + patient));
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
		String identifier = "access-" + System.nanoTime();
		observation.addIdentifier().setSystem("https://fhir.lungcare.be/test").setValue(identifier);
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl("urn:uuid:" + java.util.UUID.randomUUID()).setResource(observation).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("Observation?identifier=https://fhir.lungcare.be/test|" + identifier);
		HttpResponse<String> conditional = sendAs(token, "POST", "", "application/fhir+json", json(tx));
		assertThat(conditional.statusCode()).as(conditional.body()).isEqualTo(200);
		assertThat(patientsIn(sendAs(token, "GET", "Observation?identifier=https://fhir.lungcare.be/test|" + identifier, null, null).body()))
				.containsExactly(patient);

		// the list is too long to be narrowed into conditional URLs: a conditional update that matches another
		// patient's resource is still refused by the rules, and that resource is left as it was
		String foreign = "access-foreign-" + System.nanoTime();
		Observation ofD = observation.copy().setSubject(new Reference("Patient/" + d));
		ofD.getIdentifierFirstRep().setValue(foreign);
		create(ofD);
		Observation takeOver = observation.copy();
		takeOver.getIdentifierFirstRep().setValue(foreign);
		assertForbidden(sendAs(token, "PUT", "Observation?identifier=https://fhir.lungcare.be/test|" + foreign, "application/fhir+json", json(takeOver)));
		assertThat(patientsIn(get("Observation?identifier=https://fhir.lungcare.be/test|" + foreign).body())).containsExactly(d);
	}

	@Test
	void pathsTheFirewallRefusesGetAnOperationOutcome() {
		for (String path : List.of("$expunge;x=1", "Patient/../$expunge", "%2524expunge")) {
			HttpResponse<String> response = postJson(path, "{}");
			assertThat(response.statusCode()).as(path).isEqualTo(400);
			assertThat(parse(OperationOutcome.class, response.body()).getIssueFirstRep().getExpression()).extracting(Object::toString)
					.containsExactly("path");
		}
	}

	@Test
	void theCapabilityStatementAnnouncesSmart() {
		String body = sendAs(null, "GET", "metadata", null, null).body();
		assertThat(body).contains("SMART-on-FHIR", "oauth-uris").doesNotContain("access control is OFF");
	}
}
