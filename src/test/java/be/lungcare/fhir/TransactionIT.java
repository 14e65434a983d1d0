package be.lungcare.fhir;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.SummaryEnum;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Reference;
import org.junit.jupiter.api.Test;

/** Transactions and batches as an integration engine sends them. */
class TransactionIT extends AbstractServerIT {

	static final String SSIN = TestData.SSIN_SYSTEM;
	static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";

	private static String unique() {
		return Long.toString(Math.abs(UUID.randomUUID().getLeastSignificantBits() % 100_000_000_000L));
	}

	/** Patient (conditional create), GP (conditional create), an Observation referencing both by urn:uuid and conditionally. */
	private Bundle transaction(String ssin, String nihdi, boolean brokenLastEntry) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient p = TestData.patient("Lambert", ssin);
		String patientUuid = "urn:uuid:" + UUID.randomUUID();
		bundle.addEntry().setFullUrl(patientUuid).setResource(p).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Patient").setIfNoneExist("identifier=" + SSIN + "|" + ssin);

		Practitioner gp = new Practitioner();
		gp.addIdentifier().setSystem(NIHDI).setValue(nihdi);
		gp.addName().setFamily("Dubois");
		bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(gp).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Practitioner").setIfNoneExist("identifier=" + NIHDI + "|" + nihdi);

		Observation o = new Observation();
		o.setStatus(Observation.ObservationStatus.FINAL);
		o.getCode().addCoding().setSystem("http://loinc.org").setCode("20150-9");
		o.setSubject(new Reference(patientUuid));
		o.addPerformer(new Reference("Practitioner?identifier=" + NIHDI + "|" + nihdi));
		bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(o).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");

		if (brokenLastEntry) {
			Observation broken = new Observation();
			broken.setStatus(Observation.ObservationStatus.FINAL);
			broken.getCode().addCoding().setSystem("http://loinc.org").setCode("20150-9");
			broken.setSubject(new Reference("Patient/does-not-exist-" + unique()));
			bundle.addEntry().setFullUrl("urn:uuid:" + UUID.randomUUID()).setResource(broken).getRequest()
					.setMethod(Bundle.HTTPVerb.POST).setUrl("Observation");
		}
		return bundle;
	}

	private int count(String query) {
		return client().search().byUrl(query).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
	}

	@Test
	void transactionResolvesUrnUuidAndConditionalReferences() {
		String ssin = TestData.ssin();
		String nihdi = unique();
		Bundle response = client().transaction().withBundle(transaction(ssin, nihdi, false)).execute();
		assertThat(response.getEntry()).hasSize(3).allSatisfy(e -> assertThat(e.getResponse().getStatus()).startsWith("201"));

		Bundle found = client().search().byUrl("Observation?subject:Patient.identifier=" + SSIN + "|" + ssin
				+ "&performer:Practitioner.identifier=" + NIHDI + "|" + nihdi).returnBundle(Bundle.class).execute();
		assertThat(found.getEntry()).hasSize(1);
	}

	@Test
	void aTransactionWhoseLastEntryFailsStoresNothing() {
		String ssin = TestData.ssin();
		String nihdi = unique();
		HttpResponse<String> response = postJson("", json(transaction(ssin, nihdi, true)));
		assertThat(response.statusCode()).isBetween(400, 499);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("does-not-exist");

		assertThat(count("Patient?identifier=" + SSIN + "|" + ssin)).isZero();
		assertThat(count("Practitioner?identifier=" + NIHDI + "|" + nihdi)).isZero();
	}

	@Test
	void retryingAConditionalTransactionCreatesNoDuplicate() throws Exception {
		String ssin = TestData.ssin();
		String nihdi = unique();
		client().transaction().withBundle(transaction(ssin, nihdi, false)).execute();
		Bundle retry = client().transaction().withBundle(transaction(ssin, nihdi, false)).execute();
		assertThat(retry.getEntry().get(0).getResponse().getStatus()).startsWith("200");

		// and the same bundle sent by two workers at once
		String ssin2 = TestData.ssin();
		String nihdi2 = unique();
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			List<Future<Integer>> results = new ArrayList<>();
			for (int i = 0; i < 2; i++) {
				String body = json(transaction(ssin2, nihdi2, false));
				results.add(pool.submit(() -> postJson("", body).statusCode()));
			}
			for (Future<Integer> r : results) {
				// the loser of the race is retried by the server and then matches the winner's resources
				assertThat(r.get()).isEqualTo(200);
			}
		} finally {
			pool.shutdownNow();
		}
		assertThat(count("Patient?identifier=" + SSIN + "|" + ssin)).isEqualTo(1);
		assertThat(count("Practitioner?identifier=" + NIHDI + "|" + nihdi)).isEqualTo(1);
		assertThat(count("Patient?identifier=" + SSIN + "|" + ssin2)).isEqualTo(1);
		assertThat(count("Practitioner?identifier=" + NIHDI + "|" + nihdi2)).isEqualTo(1);
	}

	@Test
	void concurrentBundlesSharingANewPractitionerAllSucceedAndStoreItOnce() throws Exception {
		String nihdi = unique();
		ExecutorService pool = Executors.newFixedThreadPool(6);
		try {
			List<Future<HttpResponse<String>>> results = new ArrayList<>();
			for (int i = 0; i < 6; i++) {
				String body = json(transaction(TestData.ssin(), nihdi, false));
				results.add(pool.submit(() -> postJson("", body)));
			}
			for (Future<HttpResponse<String>> r : results) {
				assertThat(r.get().statusCode()).as(r.get().body()).isEqualTo(200);
			}
		} finally {
			pool.shutdownNow();
		}
		assertThat(count("Practitioner?identifier=" + NIHDI + "|" + nihdi)).isEqualTo(1);
	}

	@Test
	void batchEntriesSucceedOrFailOneByOne() {
		String ssin = TestData.ssin();
		Bundle batch = new Bundle().setType(Bundle.BundleType.BATCH);
		Patient ok = TestData.patient("Batch", ssin);
		batch.addEntry().setResource(ok).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		batch.addEntry().getRequest().setMethod(Bundle.HTTPVerb.GET).setUrl("Patient/does-not-exist-" + unique());

		Bundle response = client().transaction().withBundle(batch).execute();
		assertThat(response.getType()).isEqualTo(Bundle.BundleType.BATCHRESPONSE);
		assertThat(response.getEntry().get(0).getResponse().getStatus()).startsWith("201");
		assertThat(response.getEntry().get(1).getResponse().getStatus()).startsWith("404");
		assertThat(count("Patient?identifier=" + SSIN + "|" + ssin)).isEqualTo(1);
	}

	private OperationOutcome assertRefused(HttpResponse<String> response, int status, String expression) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly(expression);
		return oo;
	}

	private int practitionersNamed(String family) {
		return parse(Bundle.class, get("Practitioner?family=" + family + "&_summary=count").body()).getTotal();
	}

	@Test
	void entriesMustSayWhatTheyAreAndABundleItsType() {
		String family = "Mismatch" + unique();
		String practitioner = "{\"resourceType\":\"Practitioner\",\"id\":\"aaa\",\"name\":[{\"family\":\"" + family + "\"}]}";
		assertRefused(postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + practitioner
				+ ",\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}]}"), 400, "Bundle.entry[0].request.url");
		assertRefused(postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":" + practitioner
				+ ",\"request\":{\"method\":\"PUT\",\"url\":\"Practitioner/bbb\"}}]}"), 400, "Bundle.entry[0].resource.id");
		assertRefused(postJson("", "{\"resourceType\":\"Bundle\",\"entry\":[{\"resource\":" + practitioner
				+ ",\"request\":{\"method\":\"POST\",\"url\":\"Practitioner\"}}]}"), 400, "Bundle.type");

		// in a batch, the bad entry fails alone
		HttpResponse<String> batch = postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":["
				+ "{\"resource\":" + practitioner + ",\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}},"
				+ "{\"resource\":" + practitioner + ",\"request\":{\"method\":\"PUT\",\"url\":\"Practitioner/bbb2\"}},"
				+ "{\"resource\":" + practitioner.replace("\"id\":\"aaa\",", "") + ",\"request\":{\"method\":\"POST\",\"url\":\"Practitioner\"}}]}");
		assertThat(batch.statusCode()).isEqualTo(200);
		Bundle result = parse(Bundle.class, batch.body());
		assertThat(result.getEntry()).extracting(e -> e.getResponse().getStatus().substring(0, 3)).containsExactly("400", "400", "201");
		assertThat(practitionersNamed(family)).isEqualTo(1);
	}

	@Test
	void aResourceReferringToItselfIs422() {
		String uuid = "urn:uuid:" + UUID.randomUUID();
		String name = "Self" + unique();
		assertRefused(postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"fullUrl\":\"" + uuid
				+ "\",\"resource\":{\"resourceType\":\"Organization\",\"name\":\"" + name + "\",\"partOf\":{\"reference\":\"" + uuid
				+ "\"}},\"request\":{\"method\":\"POST\",\"url\":\"Organization\"}}]}"), 422, "Bundle.entry[0].resource.partOf");
		assertThat(parse(Bundle.class, get("Organization?name=" + name + "&_summary=count").body()).getTotal()).isZero();
	}
}
