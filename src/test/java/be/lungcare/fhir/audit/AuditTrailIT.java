package be.lungcare.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import be.lungcare.fhir.TestIssuer;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One AuditEvent for each kind of access, with the right agent, patient and outcome; the trail is read-only. */
class AuditTrailIT extends AbstractServerIT {

	private static final String ADMIN = TestIssuer.get().token("lungcare-admin", "system/*.rs lungcare.admin", Map.of());

	private String patient;
	private String ssin;

	@BeforeEach
	void aPatient() {
		ssin = TestData.ssin();
		HttpResponse<String> created = postJson("Patient", json(TestData.patient("Audited", ssin)));
		assertThat(created.statusCode()).isEqualTo(201);
		patient = parse(Patient.class, created.body()).getIdElement().getIdPart();
	}

	/** The patient's AuditEvents as an administrator sees them, newest first. */
	private List<AuditEvent> trail(String patientId) {
		HttpResponse<String> response = sendAs(ADMIN, "GET", "AuditEvent?patient=" + patientId + "&_count=200", null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(Bundle.class, response.body()).getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
	}

	private static String subtype(AuditEvent event) {
		return event.getSubtype().isEmpty() ? null : event.getSubtypeFirstRep().getCode();
	}

	private static String client(AuditEvent event) {
		return event.getAgent().stream().filter(a -> !a.getRequestor()).map(a -> a.getWho().getIdentifier().getValue()).findFirst().orElse(null);
	}

	@Test
	void aCreateAndAReadAreEachRecordedWithWhoAndWhichPatient() {
		List<AuditEvent> afterCreate = trail(patient);
		assertThat(afterCreate).anySatisfy(e -> {
			assertThat(e.getAction()).isEqualTo(AuditEvent.AuditEventAction.C);
			assertThat(e.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._0);
			assertThat(client(e)).isEqualTo("it-engine");
			assertThat(e.getMeta().getProfile()).anySatisfy(p -> assertThat(p.getValue()).contains("IHE.BasicAudit"));
		});
		assertThat(get("Patient/" + patient).statusCode()).isEqualTo(200);
		assertThat(trail(patient)).filteredOn(e -> e.getAction() == AuditEvent.AuditEventAction.R
				&& e.getAgent().stream().anyMatch(a -> a.getNetwork().hasAddress())).isNotEmpty()
				// the resource read, with its version
				.allSatisfy(e -> {
					assertThat(e.getEntity()).extracting(entity -> entity.getWhat().getReference())
							.contains("Patient/" + patient + "/_history/1");
					// one patient named once: the event is shown under its own id, and readable by it
					assertThat(e.getIdElement().getIdPart()).doesNotContain("-p");
					assertThat(sendAs(ADMIN, "GET", "AuditEvent/" + e.getIdElement().getIdPart(), null, null).statusCode()).isEqualTo(200);
				});
	}

	@Test
	void searchUpdatePatchDeleteHistoryAndEverythingAreRecorded() {
		Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + patient));
		observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
		String obs = parse(Observation.class, postJson("Observation", json(observation)).body()).getIdElement().getIdPart();
		int before = trail(patient).size();

		assertThat(get("Observation?subject=Patient/" + patient).statusCode()).isEqualTo(200);
		observation.setId(obs);
		observation.setStatus(Observation.ObservationStatus.AMENDED);
		assertThat(send("PUT", "Observation/" + obs, "application/fhir+json", json(observation)).statusCode()).isEqualTo(200);
		assertThat(send("PATCH", "Observation/" + obs, "application/json-patch+json",
				"[{\"op\":\"replace\",\"path\":\"/status\",\"value\":\"corrected\"}]").statusCode()).isEqualTo(200);
		assertThat(get("Patient/" + patient + "/_history").statusCode()).isEqualTo(200);
		assertThat(get("Patient/" + patient + "/$everything").statusCode()).isEqualTo(200);
		assertThat(send("DELETE", "Observation/" + obs, null, null).statusCode()).isIn(200, 204);

		List<AuditEvent> events = trail(patient);
		assertThat(events.size() - before).isGreaterThanOrEqualTo(6);
		// BALP: queries (search, history, operations) are "execute", writes create / update / delete
		assertThat(events).extracting(AuditEvent::getAction).contains(AuditEvent.AuditEventAction.U, AuditEvent.AuditEventAction.D,
				AuditEvent.AuditEventAction.E);
		assertThat(events).extracting(AuditTrailIT::subtype).contains("search-type", "history-instance", "update", "patch", "delete");
		assertThat(events).anySatisfy(e -> assertThat(e.getEntity()).anySatisfy(entity ->
				assertThat(entity.getDescription()).contains("$everything")));
	}

	@Test
	void aSearchOverSeveralPatientsShowsEachPatientOnlyThemselvesAndTrimmingHidesNoOne() {
		String other = parse(Patient.class, postJson("Patient", json(TestData.patient("AuditedToo", TestData.ssin()))).body())
				.getIdElement().getIdPart();
		String marker = "audit-" + UUID.randomUUID();
		// a performer is in the patient compartment's parameters too: it must not be taken for a patient
		Practitioner nurse = new Practitioner();
		nurse.addName().setFamily("Auditnurse");
		String performer = parse(Practitioner.class, postJson("Practitioner", json(nurse)).body()).getIdElement().getIdPart();
		for (String subject : List.of(patient, other)) {
			Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + subject));
			observation.addPerformer(new Reference("Practitioner/" + performer));
			observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
			observation.addIdentifier().setSystem("urn:lungcare:test").setValue(marker);
			assertThat(postJson("Observation", json(observation)).statusCode()).isEqualTo(201);
		}
		// _elements leaves out the subject from the response; the trail must still name both patients
		HttpResponse<String> search = get("Observation?identifier=urn:lungcare:test|" + marker + "&_elements=status");
		assertThat(search.statusCode()).isEqualTo(200);
		assertThat(parse(Bundle.class, search.body()).getEntry()).hasSize(2);

		AuditEvent mine = searchEvent(trail(patient), marker);
		AuditEvent theirs = searchEvent(trail(other), marker);
		assertThat(AuditEvents.patientsOf(mine)).containsExactly(patient);
		assertThat(AuditEvents.patientsOf(theirs)).containsExactly(other);
		assertThat(mine.getIdElement().getIdPart()).isNotEqualTo(theirs.getIdElement().getIdPart());
		assertThat(mine.getMeta().getProfile()).extracting(p -> p.getValue()).containsExactly(AuditEventBuilder.PROFILE + "PatientQuery");
		HttpResponse<String> byId = sendAs(ADMIN, "GET", "AuditEvent/" + theirs.getIdElement().getIdPart(), null, null);
		assertThat(byId.statusCode()).isEqualTo(200);
		assertThat(AuditEvents.patientsOf(parse(AuditEvent.class, byId.body()))).containsExactly(other);
	}

	private static AuditEvent searchEvent(List<AuditEvent> events, String marker) {
		return events.stream().filter(e -> e.getEntity().stream().anyMatch(entity -> entity.hasQuery()
				&& new String(entity.getQuery(), java.nio.charset.StandardCharsets.UTF_8).contains(marker))).findFirst().orElseThrow();
	}

	@Test
	void aTransactionRecordsEveryWrite() {
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		for (int i = 0; i < 3; i++) {
			Observation observation = new Observation().setStatus(Observation.ObservationStatus.FINAL).setSubject(new Reference("Patient/" + patient));
			observation.getCode().addCoding().setSystem("http://loinc.org").setCode("26449-9");
			tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(observation).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		}
		assertThat(postJson("", json(tx)).statusCode()).isEqualTo(200);
		assertThat(trail(patient)).filteredOn(e -> e.getAction() == AuditEvent.AuditEventAction.C).hasSizeGreaterThanOrEqualTo(4);
	}

	@Test
	void refusedRequestsAreRecordedWithTheirOutcome() {
		String stranger = TestIssuer.get().token("ehr-app", "user/*.rs", Map.of("nihdi", "19999999999"));
		assertThat(sendAs(stranger, "GET", "Patient/" + patient, null, null).statusCode()).isEqualTo(403);
		assertThat(trail(patient)).anySatisfy(e -> {
			assertThat(e.getOutcome()).isEqualTo(AuditEvent.AuditEventOutcome._4);
			assertThat(e.getOutcomeDesc()).startsWith("403");
			assertThat(client(e)).isEqualTo("ehr-app");
			assertThat(e.getAgent()).anySatisfy(a -> assertThat(a.getWho().getIdentifier().getValue()).isEqualTo("19999999999"));
		});

		Patient invalid = TestData.patient("AuditedInvalid", ssin);
		invalid.setId(patient);
		invalid.getIdentifierFirstRep().setValue("12345678901"); // bad SSIN check digits: 422
		assertThat(send("PUT", "Patient/" + patient, "application/fhir+json", json(invalid)).statusCode()).isEqualTo(422);
		assertThat(trail(patient)).anySatisfy(e -> assertThat(e.getOutcomeDesc()).startsWith("422"));

		int before = allEvents().size();
		assertThat(sendAs(null, "GET", "Patient/" + patient, null, null).statusCode()).isEqualTo(401);
		assertThat(allEvents()).anySatisfy(e -> assertThat(e.getOutcomeDesc()).isEqualTo("401 no valid bearer token"));
		assertThat(before).isPositive();
	}

	private List<AuditEvent> allEvents() {
		HttpResponse<String> response = sendAs(ADMIN, "GET", "AuditEvent?_count=50", null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(Bundle.class, response.body()).getEntry().stream().map(e -> (AuditEvent) e.getResource()).toList();
	}

	@Test
	void aPatientSeesWhoAccessedTheirRecordAndNothingElse() {
		String own = TestIssuer.get().token("patient-app", "patient/*.rs", Map.of("ssin", ssin));
		assertThat(get("Patient/" + patient).statusCode()).isEqualTo(200);
		HttpResponse<String> mine = sendAs(own, "GET", "AuditEvent?patient=" + patient, null, null);
		assertThat(mine.statusCode()).as(mine.body()).isEqualTo(200);
		assertThat(parse(Bundle.class, mine.body()).getEntry()).isNotEmpty();
		HttpResponse<String> all = sendAs(own, "GET", "AuditEvent", null, null);
		assertThat(all.statusCode()).as(all.body()).isEqualTo(200);
		assertThat(parse(Bundle.class, all.body()).getEntry()).allSatisfy(e ->
				assertThat(AuditEvents.patientsOf((AuditEvent) e.getResource())).contains(patient));
		String practitioner = TestIssuer.get().token("ehr-app", "user/*.rs", Map.of("nihdi", "19999999999"));
		assertThat(sendAs(practitioner, "GET", "AuditEvent?patient=" + patient, null, null).statusCode()).isEqualTo(403);
		assertThat(get("AuditEvent?patient=" + patient).statusCode()).isEqualTo(403); // system/*.cruds without admin
	}

	@Autowired
	private AuditStore store;

	@Test
	void theRetentionJobRemovesOnlyEventsOlderThanTheRetention() {
		AuditEvent old = new AuditEvent().setAction(AuditEvent.AuditEventAction.R)
				.setRecorded(Date.from(Instant.now().minus(Duration.ofDays(11 * 365))));
		old.addEntity().setWhat(new Reference("Patient/" + patient));
		store.insert(List.of(old));
		assertThat(trail(patient)).extracting(e -> e.getIdElement().getIdPart()).contains(old.getIdElement().getIdPart());
		try (AuditRetentionJob job = new AuditRetentionJob(store, Duration.ofDays(3650), Duration.ofDays(1), Clock.systemUTC())) {
			assertThat(job.purge()).isGreaterThanOrEqualTo(1);
		}
		List<AuditEvent> left = trail(patient);
		assertThat(left).extracting(e -> e.getIdElement().getIdPart()).doesNotContain(old.getIdElement().getIdPart());
		assertThat(left).isNotEmpty(); // the create of this test's patient, recorded today, stays
	}

	@Test
	void theTrailIsReadOnly() {
		AuditEvent forged = trail(patient).get(0);
		String id = forged.getIdElement().getIdPart();
		assertThat(postJson("AuditEvent", json(forged.setId((String) null))).statusCode()).isBetween(400, 499);
		assertThat(send("PUT", "AuditEvent/" + id, "application/fhir+json", json(forged.setId(id))).statusCode()).isBetween(400, 499);
		assertThat(send("DELETE", "AuditEvent/" + id, null, null).statusCode()).isBetween(400, 499);
		Bundle tx = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		tx.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(forged.setId((String) null)).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("AuditEvent");
		assertThat(postJson("", json(tx)).statusCode()).isEqualTo(403);
		assertThat(sendAs(ADMIN, "GET", "AuditEvent/" + id, null, null).statusCode()).isEqualTo(200);
	}
}
