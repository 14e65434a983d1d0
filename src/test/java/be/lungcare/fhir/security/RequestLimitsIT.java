package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Every request's work is bounded before it is spent; the largest accepted request leaves the server answering. */
class RequestLimitsIT extends AbstractServerIT {

	private static final String MARK = "https://fhir.lungcare.be/test-mark";

	private HttpResponse<String> form(String method, String path, String body) {
		return send(method, path, "application/x-www-form-urlencoded", body);
	}

	private OperationOutcome assertRefused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("\tat ", "java.", "ca.uhn.");
		return parse(OperationOutcome.class, response.body());
	}

	private int practitionersMarked(String mark) {
		Bundle count = parse(Bundle.class, get("Practitioner?identifier=" + MARK + "|" + mark + "&_summary=count").body());
		return count.getTotal();
	}

	@Test
	void aFormEncodedSearchUsesItsCriteria() {
		String ssin = TestData.ssin();
		assertThat(postJson("Patient", json(TestData.patient("Formsearch", ssin))).statusCode()).isEqualTo(201);
		assertThat(postJson("Patient", json(TestData.patient("Formsearch", TestData.ssin()))).statusCode()).isEqualTo(201);

		Bundle bySsin = parse(Bundle.class, form("POST", "Patient/_search", "identifier="
				+ TestData.SSIN_SYSTEM.replace(":", "%3A").replace("/", "%2F") + "%7C" + ssin).body());
		assertThat(bySsin.getEntry()).hasSize(1);
		assertThat(bySsin.getEntryFirstRep().getResource()).extracting(r -> ((org.hl7.fhir.r4.model.Patient) r)
				.getIdentifierFirstRep().getValue()).isEqualTo(ssin);

		Bundle queryAndForm = parse(Bundle.class, form("POST", "Patient/_search?family=Formsearch", "identifier="
				+ TestData.SSIN_SYSTEM + "|" + ssin).body());
		assertThat(queryAndForm.getEntry()).hasSize(1);

		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1_500; i++) {
			many.append(i == 0 ? "" : "&").append('a').append(i).append('=');
		}
		assertRefused(form("POST", "Patient/_search", many.toString()), 413);

		OperationOutcome bad = assertRefused(form("POST", "Patient/_search", "name=%zz"), 400);
		assertThat(bad.getIssueFirstRep().getDiagnostics()).contains("form parameter 'name'");
	}

	@Test
	void aBinaryMayBeSentAsItsOwnMediaType() {
		HttpResponse<String> created = send("POST", "Binary", "application/pdf", "%PDF-1.4 spirometry report");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void formBodiesOfOtherMethodsAreBoundedAndNotParsedBySpring() {
		assertThat(form("PUT", "Practitioner/form-put", "name=x").statusCode()).isBetween(400, 499);
		String huge = "a=" + "x".repeat(3 * 1024 * 1024);
		assertRefused(form("PUT", "Practitioner/form-put", huge), 413);
		assertRefused(form("DELETE", "Practitioner/form-put", huge), 413);
	}

	@Test
	void requestsOverAWorkLimitAre413AndNothingIsStored() {
		String mark = "limits-" + TestData.ssin();
		String markId = "{\"system\":\"" + MARK + "\",\"value\":\"" + mark + "\"}";

		StringBuilder extensions = new StringBuilder();
		for (int i = 0; i < 1_500; i++) {
			extensions.append(i == 0 ? "" : ",").append("{\"url\":\"http://example.org/x\",\"valueString\":\"").append(i).append("\"}");
		}
		OperationOutcome manyExtensions = assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":["
				+ markId + "],\"extension\":[" + extensions + "]}"), 413);
		assertThat(manyExtensions.getIssueFirstRep().getExpression()).extracting(Object::toString)
				.containsExactly("Practitioner.extension[1000]");

		StringBuilder identifiers = new StringBuilder(markId);
		for (int i = 0; i < 20_000; i++) {
			identifiers.append(",{\"value\":\"").append(i).append("\"}");
		}
		assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":[" + identifiers + "]}"), 413);

		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			entries.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Practitioner\",\"identifier\":[").append(markId).append("]}}");
		}
		OperationOutcome collection = assertRefused(postJson("Bundle", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
				+ entries + "]}"), 413);
		assertThat(collection.getIssueFirstRep().getDiagnostics()).contains("entries");

		String deep = "{\"url\":\"http://example.org/x\",\"valueString\":\"leaf\"}";
		for (int i = 0; i < 200; i++) {
			deep = "{\"url\":\"http://example.org/x\",\"extension\":[" + deep + "]}";
		}
		OperationOutcome nested = assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":["
				+ markId + "],\"extension\":[" + deep + "]}"), 413);
		assertThat(nested.getIssueFirstRep().getDiagnostics()).contains("deeper than the limit");

		assertThat(practitionersMarked(mark)).isZero();
	}

	/**
	 * The largest request the test limits accept (200 entries, close to the element limit), twice at once: both
	 * are stored, and the server keeps answering other requests meanwhile.
	 */
	@Test
	void theLargestAcceptedRequestRunsWhileOthersAreAnswered() throws Exception {
		String mark = "worst-" + TestData.ssin();
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			StringBuilder ids = new StringBuilder("{\"system\":\"" + MARK + "\",\"value\":\"" + mark + "\"}");
			for (int j = 0; j < 75; j++) {
				ids.append(",{\"system\":\"http://example.org/ids\",\"value\":\"").append(mark).append('-').append(i).append('-').append(j).append("\"}");
			}
			entries.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(java.util.UUID.randomUUID())
					.append("\",\"resource\":{\"resourceType\":\"Practitioner\",\"identifier\":[").append(ids)
					.append("],\"name\":[{\"family\":\"Worst\",\"given\":[\"Case\"]}]},\"request\":{\"method\":\"POST\",\"url\":\"Practitioner\"}}");
		}
		String worst = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
		assertThat(worst.length()).isLessThan(2 * 1024 * 1024);

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl())).header("Authorization", "Bearer " + engineToken()).timeout(Duration.ofMinutes(3))
				.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(worst)).build();
		List<CompletableFuture<HttpResponse<String>>> posts = List.of(
				http.sendAsync(post, HttpResponse.BodyHandlers.ofString()), http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
		List<Integer> probes = new ArrayList<>();
		while (!posts.stream().allMatch(CompletableFuture::isDone)) {
			probes.add(get("metadata?_summary=true").statusCode());
			probes.add(get("Patient?_count=1").statusCode());
		}
		for (CompletableFuture<HttpResponse<String>> response : posts) {
			assertThat(response.get(1, TimeUnit.SECONDS).statusCode()).as(response.get().body()).isEqualTo(200);
		}
		assertThat(probes).isNotEmpty().containsOnly(200);
		assertThat(practitionersMarked(mark)).isEqualTo(400);
	}
}
