package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestIssuer;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.r4.model.StringType;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * Bulk export end to end on the real server: a cohort of synthetic patients is exported plainly by an administrator
 * and pseudonymised by a research client; every exported line is scanned for the source data's direct identifiers;
 * exports belong to the client that asked; a research opt-out removes the patient.
 */
class ResearchExportIT extends AbstractServerIT {

	static final String ADMIN = TestIssuer.get().longLivedToken("lungcare-admin", "system/*.cruds lungcare.admin");
	static final String RESEARCH = TestIssuer.get().longLivedToken("research", "system/*.rs");
	static final String TYPES = "Patient,Condition,Observation,CarePlan,CareTeam,Goal,MedicationRequest,RelatedPerson";
	private static final ObjectMapper JSON = new ObjectMapper();

	/** The cohort, loaded once for the class (the database is shared by every integration test). */
	private static Cohort cohort;

	record Cohort(String group, List<String> patients, String optedOut, Set<String> directIdentifiers) {}

	@Value("${lungcare.research.pseudonym-key}")
	private String key;

	private BulkData bulk() {
		return new BulkData(baseUrl());
	}

	@BeforeEach
	void loadCohort() {
		if (cohort != null) {
			return;
		}
		List<String> patients = new ArrayList<>();
		Set<String> identifiers = new HashSet<>();
		Iterator<Bundle> bundles = new PopulationGenerator(424242).bundles(20, 5);
		while (bundles.hasNext()) {
			Bundle bundle = bundles.next();
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				identifiers.addAll(directIdentifiers(entry.getResource()));
			}
			HttpResponse<String> stored = postJson("", json(bundle));
			assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
			for (Bundle.BundleEntryComponent entry : parse(Bundle.class, stored.body()).getEntry()) {
				String location = entry.getResponse().getLocation();
				if (location != null && location.startsWith("Patient/")) {
					patients.add(location.split("/")[1]);
				}
			}
		}
		assertThat(patients).hasSize(20);
		Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
		patients.forEach(p -> group.addMember().setEntity(new Reference("Patient/" + p)));
		HttpResponse<String> created = postJson("Group", json(group));
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
		String optedOut = patients.get(0);
		Consent optOut = new Consent().setStatus(Consent.ConsentState.ACTIVE).setPatient(new Reference("Patient/" + optedOut));
		optOut.getScope().addCoding().setSystem("http://terminology.hl7.org/CodeSystem/consentscope").setCode("patient-privacy");
		optOut.addCategory().addCoding().setSystem("http://loinc.org").setCode("59284-0");
		optOut.addPolicy().setUri("https://fhir.lungcare.be/policy/opt-out");
		optOut.getProvision().setType(Consent.ConsentProvisionType.DENY).addPurpose()
				.setSystem("http://terminology.hl7.org/CodeSystem/v3-ActReason").setCode("HRESCH");
		assertThat(postJson("Consent", json(optOut)).statusCode()).isEqualTo(201);
		patients.forEach(p -> identifiers.add("Patient/" + p));
		cohort = new Cohort(parse(Group.class, created.body()).getIdElement().getIdPart(), List.copyOf(patients), optedOut, identifiers);
	}

	/** Names, identifiers, telecom, addresses and full birth dates of people in the source data. */
	private static Set<String> directIdentifiers(Resource resource) {
		Set<String> found = new HashSet<>();
		List<HumanName> names = new ArrayList<>();
		List<Identifier> ids = new ArrayList<>();
		List<ContactPoint> telecom = new ArrayList<>();
		List<org.hl7.fhir.r4.model.Address> addresses = new ArrayList<>();
		if (resource instanceof Patient patient) {
			names.addAll(patient.getName());
			ids.addAll(patient.getIdentifier());
			telecom.addAll(patient.getTelecom());
			addresses.addAll(patient.getAddress());
			patient.getContact().forEach(c -> {
				names.add(c.getName());
				telecom.addAll(c.getTelecom());
			});
			if (patient.hasBirthDate()) {
				found.add(patient.getBirthDateElement().getValueAsString());
			}
		} else if (resource instanceof RelatedPerson person) {
			names.addAll(person.getName());
			ids.addAll(person.getIdentifier());
			telecom.addAll(person.getTelecom());
			addresses.addAll(person.getAddress());
		} else if (resource instanceof Practitioner practitioner) {
			names.addAll(practitioner.getName());
			ids.addAll(practitioner.getIdentifier());
			telecom.addAll(practitioner.getTelecom());
		}
		for (HumanName name : names) {
			if (name.hasFamily()) {
				found.add(name.getFamily());
			}
			name.getGiven().stream().map(StringType::getValue).forEach(found::add);
		}
		ids.stream().filter(Identifier::hasValue).forEach(i -> found.add(i.getValue()));
		telecom.stream().filter(ContactPoint::hasValue).forEach(t -> found.add(t.getValue()));
		for (org.hl7.fhir.r4.model.Address address : addresses) {
			address.getLine().stream().map(StringType::getValue).forEach(found::add);
			if (address.hasCity()) {
				found.add(address.getCity());
			}
		}
		found.removeIf(s -> s == null || s.length() < 3);
		return found;
	}

	private int count(String type, String patientParam, List<String> patients) {
		String ids = String.join(",", patients.stream().map(p -> "Patient/" + p).toList());
		HttpResponse<String> response = sendAs(ADMIN, "GET", type + "?" + patientParam + "=" + ids + "&_summary=count", null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		return parse(Bundle.class, response.body()).getTotal();
	}

	@Test
	void aGroupExportHoldsExactlyTheCohortsResourcesAsNdjson() throws Exception {
		BulkData.Export export = bulk().export(ADMIN, "Group/" + cohort.group() + "/$export?_type=" + TYPES
				+ "&_outputFormat=application/fhir%2Bndjson");
		assertThat(export.count("Patient")).isEqualTo(cohort.patients().size());
		assertThat(export.count("Observation")).isEqualTo(count("Observation", "subject", cohort.patients())).isPositive();
		assertThat(export.count("Condition")).isEqualTo(count("Condition", "subject", cohort.patients())).isPositive();
		assertThat(export.count("CarePlan")).isEqualTo(count("CarePlan", "subject", cohort.patients())).isPositive();
		assertThat(export.count("CareTeam")).isEqualTo(count("CareTeam", "subject", cohort.patients())).isPositive();
		for (String line : export.all()) {
			assertThat(JSON.readTree(line).path("resourceType").isTextual()).as(line).isTrue(); // one resource per line
		}
		// an administrator's export is the data as stored: the SSINs are there
		assertThat(String.join("\n", export.lines().get("Patient"))).contains("ssin");
	}

	@Test
	void aResearchExportHoldsNoDirectIdentifierAndLeavesOutWhoOptedOut() throws Exception {
		BulkData.Export export = bulk().export(RESEARCH, "Group/" + cohort.group() + "/$export?_type=" + TYPES);
		assertThat(export.count("Patient")).isEqualTo(cohort.patients().size() - 1);
		List<String> leaks = new ArrayList<>();
		for (String line : export.all()) {
			for (String identifier : cohort.directIdentifiers()) {
				if (Pattern.compile("(?<![0-9A-Za-z])" + Pattern.quote(identifier) + "(?![0-9A-Za-z])").matcher(line).find()) {
					leaks.add(identifier + " in " + line.substring(0, Math.min(120, line.length())));
				}
			}
		}
		assertThat(leaks).as("direct identifiers in the research export").isEmpty();

		Pseudonymiser pseudonymiser = new Pseudonymiser(Base64.getDecoder().decode(key), Pseudonymiser.DatePolicy.SHIFT, 180);
		Set<String> exported = new HashSet<>();
		for (String line : export.lines().get("Patient")) {
			JsonNode patient = JSON.readTree(line);
			exported.add(patient.path("id").asText());
			assertThat(patient.has("name") || patient.has("identifier") || patient.has("telecom") || patient.has("address")
					|| patient.has("text")).as(line).isFalse();
			assertThat(patient.path("birthDate").asText()).matches("\\d{4}");
		}
		Set<String> expected = new HashSet<>();
		cohort.patients().stream().filter(p -> !p.equals(cohort.optedOut())).forEach(p -> expected.add(pseudonymiser.pseudonym(p)));
		assertThat(exported).isEqualTo(expected);
		// every patient reference points to an exported patient; the opted-out patient's pseudonym appears nowhere
		for (String line : export.all()) {
			Matcher references = Pattern.compile("\"reference\":\"Patient/([^\"]+)\"").matcher(line);
			while (references.find()) {
				assertThat(expected).as(line).contains(references.group(1));
			}
		}
		assertThat(String.join("\n", export.all())).doesNotContain(pseudonymiser.pseudonym(cohort.optedOut()));
		// the pseudonyms lead nowhere on the server
		assertThat(sendAs(ADMIN, "GET", "Patient/" + expected.iterator().next(), null, null).statusCode()).isEqualTo(404);
	}

	@Test
	void anExportBelongsToTheClientThatAskedForIt() throws Exception {
		BulkData bulk = bulk();
		String status = bulk.kickOff(RESEARCH, "Group/" + cohort.group() + "/$export?_type=Patient");
		JsonNode manifest = bulk.await(RESEARCH, status, Duration.ofMinutes(2));
		String file = manifest.path("output").get(0).path("url").asText();
		String engine = engineToken();
		assertThat(bulk.send(engine, "GET", status, Map.of()).statusCode()).isEqualTo(404);
		assertThat(bulk.send(engine, "GET", file, Map.of("Accept", "application/fhir+ndjson")).statusCode()).isEqualTo(403);
		assertThat(bulk.send(ADMIN, "GET", file, Map.of("Accept", "application/fhir+ndjson")).statusCode()).isEqualTo(200);

		String plain = bulk.kickOff(ADMIN, "Group/" + cohort.group() + "/$export?_type=Patient");
		String plainFile = bulk.await(ADMIN, plain, Duration.ofMinutes(2)).path("output").get(0).path("url").asText();
		assertThat(bulk.send(RESEARCH, "GET", plainFile, Map.of("Accept", "application/fhir+ndjson")).statusCode()).isEqualTo(403);
		assertThat(bulk.send(RESEARCH, "GET", plain, Map.of()).statusCode()).isEqualTo(404);
		// research clients still read no patient data over REST
		assertThat(bulk.send(RESEARCH, "GET", "Patient/" + cohort.patients().get(1), Map.of()).statusCode()).isEqualTo(403);
	}

	@Test
	void aPatientLevelExportHonoursTypeFilterAndSince() throws Exception {
		BulkData.Export export = bulk().export(ADMIN, "Patient/$export?_type=Observation&_since=2000-01-01T00:00:00Z"
				+ "&_typeFilter=" + java.net.URLEncoder.encode("Observation?code=http://loinc.org|81459-0", java.nio.charset.StandardCharsets.UTF_8));
		assertThat(export.count("Observation")).isPositive();
		for (String line : export.all()) {
			assertThat(JSON.readTree(line).path("code").toString()).as(line).contains("81459-0");
		}
		assertThat(export.lines().keySet()).containsOnly("Observation");
	}

	@Test
	void aClientCancelsItsExport() {
		BulkData bulk = bulk();
		String status = bulk.kickOff(ADMIN, "$export?_type=Observation");
		HttpResponse<String> cancelled = bulk.send(ADMIN, "DELETE", status, Map.of());
		assertThat(cancelled.statusCode()).as(cancelled.body()).isEqualTo(202);
		HttpResponse<String> after = bulk.send(ADMIN, "GET", status, Map.of());
		assertThat(after.statusCode()).as(after.body()).isIn(404, 410, 200);
	}

	@Test
	void badExportRequestsGetAClear4xx() {
		BulkData bulk = bulk();
		Map<String, String> async = Map.of("Prefer", "respond-async", "Accept", "application/fhir+json");
		String practitioner = TestIssuer.get().token("ehr-app", "user/*.rs", Map.of("nihdi", "19999999999"));
		assertThat(bulk.send(practitioner, "GET", "$export", async).statusCode()).isEqualTo(403);
		assertThat(bulk.send(TestIssuer.get().token("research", "system/Observation.rs", Map.of()), "GET", "$export", async).statusCode())
				.isEqualTo(403);
		for (String path : List.of("$export?_outputFormat=text/csv", "$export?_type=NoSuchType", "$export?_since=yesterday",
				"$export-poll-status?_jobId=no-such-job")) {
			HttpResponse<String> response = bulk.send(ADMIN, "GET", path, async);
			assertThat(response.statusCode()).as(path + ": " + response.body()).isBetween(400, 404);
			assertThat(response.body()).as(path).contains("OperationOutcome").doesNotContain("Exception").doesNotContain("ca.uhn");
		}
		HttpResponse<String> synchronous = bulk.send(ADMIN, "GET", "$export", Map.of("Accept", "application/fhir+json"));
		assertThat(synchronous.statusCode()).as(synchronous.body()).isEqualTo(400);
	}
}
