package be.lungcare.fhir.importing;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.Test;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

/**
 * Foreign data in lenient mode (a server of its own): a Synthea-style export loads with nothing lost. Its
 * unknown extensions, profiles and {@code urn:oid} code systems are warnings; the shared organisations and
 * practitioners, created conditionally by bundles posted at once, are stored once; every resource is searchable.
 */
@TestPropertySource(properties = "lungcare.validation.mode=lenient")
@DirtiesContext // a second server on the same database: closed after the class, so it does not take other tests' changes
class LenientImportIT extends AbstractServerIT {

	private static final int PATIENTS = 12;
	private static final int ORGANIZATIONS = 3;
	private static final int PRACTITIONERS = 4;
	private static final int ENCOUNTERS = 3;
	private static final int OBSERVATIONS = 4;

	private int count(String search) {
		HttpResponse<String> response = get(search + (search.contains("?") ? "&" : "?") + "_summary=count");
		assertThat(response.statusCode()).as(search + ": " + response.body()).isEqualTo(200);
		return parse(Bundle.class, response.body()).getTotal();
	}

	private static void assertEveryEntrySucceeded(HttpResponse<String> response, Bundle answer) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(answer.getEntry()).allSatisfy(entry -> assertThat(entry.getResponse().getStatus()).startsWith("20"));
	}

	@Test
	void aSyntheaStyleExportLoadsWithNothingLost() throws Exception {
		String run = "lenient" + System.nanoTime();
		SyntheaStyleSample sample = new SyntheaStyleSample(42, run);
		SyntheaStyleSample.Export export = sample.export(PATIENTS, ORGANIZATIONS, PRACTITIONERS, ENCOUNTERS, OBSERVATIONS);

		for (Bundle batch : List.of(export.organizations(), export.practitioners())) {
			HttpResponse<String> response = postJson("", json(batch));
			assertEveryEntrySucceeded(response, parse(Bundle.class, response.body()));
		}
		// the patients' bundles at once: they all conditionally create the shared practitioners again
		ExecutorService clients = Executors.newFixedThreadPool(4);
		try {
			List<Future<HttpResponse<String>>> answers = new ArrayList<>();
			for (Bundle bundle : export.patients()) {
				String body = json(bundle);
				answers.add(clients.submit(() -> postJson("", body)));
			}
			for (Future<HttpResponse<String>> answer : answers) {
				HttpResponse<String> response = answer.get(5, TimeUnit.MINUTES);
				assertEveryEntrySucceeded(response, parse(Bundle.class, response.body()));
			}
		} finally {
			clients.shutdownNow();
		}

		for (int i = 0; i < ORGANIZATIONS; i++) {
			assertThat(count("Organization?identifier=" + SyntheaStyleSample.SYNTHEA + "|" + sample.orgId(i))).isEqualTo(1);
		}
		for (int i = 0; i < PRACTITIONERS; i++) {
			assertThat(count("Practitioner?identifier=" + SyntheaStyleSample.NPI + "|" + sample.npi(i))).as("practitioner %d stored once", i)
					.isEqualTo(1);
		}
		for (int p = 0; p < PATIENTS; p++) {
			String patient = SyntheaStyleSample.SYNTHEA + "|" + sample.patientId(p);
			assertThat(count("Patient?identifier=" + patient)).isEqualTo(1);
			assertThat(count("Encounter?patient.identifier=" + patient)).isEqualTo(ENCOUNTERS);
			assertThat(count("Observation?patient.identifier=" + patient)).isEqualTo(ENCOUNTERS * OBSERVATIONS);
			assertThat(count("Condition?patient.identifier=" + patient + "&code=http://snomed.info/sct|195967001")).isEqualTo(1);
		}
		assertThat(count("Encounter?service-provider.identifier=" + SyntheaStyleSample.SYNTHEA + "|" + sample.orgId(0)))
				.isEqualTo((PATIENTS + ORGANIZATIONS - 1) / ORGANIZATIONS * ENCOUNTERS);

		// nothing lost: the foreign extensions and profile are stored as sent
		Bundle found = parse(Bundle.class, get("Patient?identifier=" + SyntheaStyleSample.SYNTHEA + "|" + sample.patientId(0)).body());
		Patient stored = (Patient) found.getEntryFirstRep().getResource();
		assertThat(stored.getExtension()).extracting(e -> e.getUrl()).contains(
				"http://hl7.org/fhir/us/core/StructureDefinition/us-core-race",
				"http://hl7.org/fhir/us/core/StructureDefinition/us-core-ethnicity",
				"http://synthetichealth.github.io/synthea/disability-adjusted-life-years");
		assertThat(stored.getMeta().getProfile()).extracting(p -> p.getValue())
				.contains("http://hl7.org/fhir/us/core/StructureDefinition/us-core-patient");
	}

	@Test
	void lenientModeStillRefusesWhatBaseFhirForbids() {
		HttpResponse<String> noCode = postJson("Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\"}");
		assertThat(noCode.statusCode()).isEqualTo(422);
		assertThat(noCode.body()).contains("Observation.code");
	}
}
