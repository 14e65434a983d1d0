package be.lungcare.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

/** A search with a wrong parameter is a 400 naming it, never a 500 nor a search that ignores a criterion. */
class SearchParametersIT extends AbstractServerIT {

	static Stream<Arguments> badSearches() {
		return Stream.of(
				Arguments.of("Patient?birthdate=notadate", "birthdate"),
				Arguments.of("Patient?birthdate=2020-13-45", "birthdate"),
				Arguments.of("Patient?birthdate=2021-02-30", "birthdate"),
				Arguments.of("Patient?_lastUpdated=ge999999-01-01", "_lastUpdated"),
				Arguments.of("Observation?value-quantity=abc", "value-quantity"),
				Arguments.of("Patient?_count=-1", "_count"),
				Arguments.of("Patient?_offset=-5", "_offset"),
				Arguments.of("Patient?name=%zz", "name"),
				Arguments.of("Patient?name=%", "name"),
				Arguments.of("Patient?name=abc%00def", "name"),
				Arguments.of("Patient?name:foo=x", "name:foo"),
				Arguments.of("Patient?name:missing=maybe", "name:missing"),
				Arguments.of("Patient?_summary=bogus", "_summary"),
				Arguments.of("Patient?_total=all", "_total"),
				Arguments.of("Observation?code-value-quantity=bad", "code-value-quantity"),
				Arguments.of("Observation?code-value-quantity=http://loinc.org|82668-5$abc", "code-value-quantity"),
				Arguments.of("Patient?gender:exact=female", "gender:exact"),
				Arguments.of("Patient?identifier:of-type=x", "identifier:of-type"),
				Arguments.of("Patient?birthdate.name=x", "birthdate.name"),
				Arguments.of("Patient?_has:Observation=x", "_has:Observation"),
				Arguments.of("Patient?name:contains=obod", "name:contains"));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("badSearches")
	void badParametersAre400NamingTheParameter(String search, String parameter) throws IOException {
		String[] response = rawGet("/fhir/" + search);
		assertThat(response[0]).as(response[1]).isEqualTo("400");
		assertThat(response[1]).doesNotContain("\tat ", "java.", "ca.uhn.", "SELECT ", "Exception");
		OperationOutcome outcome = parse(OperationOutcome.class, response[1]);
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly(parameter);
	}

	/**
	 * A GET sent byte for byte as written (Java's HTTP client refuses to send a malformed escape such as %zz,
	 * which other clients send): the status code and the body.
	 */
	private String[] rawGet(String pathAndQuery) throws IOException {
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("GET " + pathAndQuery + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/fhir+json\r\n"
					+ "Authorization: Bearer " + engineToken() + "\r\n"
					+ "Connection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
			out.flush();
			String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
			String status = response.substring(9, 12);
			String body = response.substring(response.indexOf("\r\n\r\n") + 4);
			if (response.toLowerCase(java.util.Locale.ROOT).contains("transfer-encoding: chunked")) {
				body = unchunk(body);
			}
			return new String[] {status, body};
		}
	}

	private static String unchunk(String chunked) {
		StringBuilder body = new StringBuilder();
		int at = 0;
		while (true) {
			int lineEnd = chunked.indexOf("\r\n", at);
			int size = Integer.parseInt(chunked.substring(at, lineEnd).trim(), 16);
			if (size == 0) {
				return body.toString();
			}
			body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
			at = lineEnd + 2 + size + 2;
		}
	}

	@Test
	void validModifiersAndValuesStillWork() {
		for (String search : List.of("Patient?name:exact=Nobody", "Patient?name:missing=true",
				"Patient?birthdate=ge1970-01-01&birthdate=lt2000", "Patient?gender:not=male",
				"Observation?value-quantity=gt5|http://unitsofmeasure.org|%7Bscore%7D",
				"Observation?code-value-quantity=http://loinc.org|82668-5$ge20",
				"Observation?subject:Patient.name=Nobody", "Patient?_summary=count", "Patient?_count=0",
				"Patient?_lastUpdated=ge2020-01-01T00:00:00Z", "Patient?_lastUpdated=ge2020-01-01T10:00:00%2B01:00",
				"Patient?_lastUpdated=ge2020-01-01T10:00:00 01:00".replace(" ", "%20"),
				"Patient?_has:Observation:patient:_has:Provenance:target:agent=Practitioner/x")) {
			HttpResponse<String> response = get(search);
			assertThat(response.statusCode()).as(search + ": " + response.body()).isEqualTo(200);
		}
	}

	@Test
	void tooManyCriteriaAreRefusedBeforeTheyRun() {
		StringBuilder search = new StringBuilder("Patient?");
		for (int i = 0; i < 500; i++) {
			search.append(i == 0 ? "" : "&").append("name=n").append(i);
		}
		HttpResponse<String> response = get(search.toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("more than the limit of 32 criteria");

		StringBuilder alternatives = new StringBuilder("Patient?name=");
		for (int i = 0; i < 101; i++) {
			alternatives.append(i == 0 ? "" : ",").append("n").append(i);
		}
		assertThat(get(alternatives.toString()).body()).contains("more than the limit of 100 values");
	}

	@Test
	void sortKeysAndIncludesCountAsCriteria() {
		StringBuilder sort = new StringBuilder("Patient?_sort=");
		for (int i = 0; i < 40; i++) {
			sort.append(i == 0 ? "" : ",").append("birthdate");
		}
		HttpResponse<String> response = get(sort.toString());
		assertThat(response.statusCode()).isEqualTo(400);
		assertThat(response.body()).contains("sort keys and includes");
	}

	@Test
	void conditionalUrlsAreCheckedLikeSearches() {
		HttpResponse<String> delete = send("DELETE", "Patient?name:foo=x", null, null);
		assertThat(delete.statusCode()).as(delete.body()).isEqualTo(400);
		assertThat(delete.body()).contains("name:foo");
		HttpResponse<String> update = send("PUT", "Patient?birthdate=notadate", "application/fhir+json",
				json(TestData.patient("Conditional", TestData.ssin())));
		assertThat(update.statusCode()).isEqualTo(400);
		assertThat(update.body()).contains("birthdate");
	}

	@Test
	void searchesInsideABundleAreCheckedBeforeAnyEntryRuns() {
		String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\","
				+ "\"url\":\"Patient?birthdate=2020-13-45\"}}]}";
		HttpResponse<String> response = postJson("", batch);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
		OperationOutcome outcome = parse(OperationOutcome.class, response.body());
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString)
				.containsExactly("Bundle.entry[0].request.url");

		String transaction = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
				+ json(TestData.patient("Inbundle", TestData.ssin())) + ",\"request\":{\"method\":\"POST\",\"url\":\"Patient\","
				+ "\"ifNoneExist\":\"identifier:foo=x\"}}]}";
		HttpResponse<String> conditional = postJson("", transaction);
		assertThat(conditional.statusCode()).as(conditional.body()).isEqualTo(400);
		assertThat(parse(OperationOutcome.class, conditional.body()).getIssueFirstRep().getExpression())
				.extracting(Object::toString).containsExactly("Bundle.entry[0].request.ifNoneExist");
	}

	/** Patients that share a birth date: a sort on it alone leaves their order to the database. */
	@Test
	void sortedPagesNeitherOverlapNorSkip() {
		String family = "Tiebreak" + TestData.ssin();
		for (int i = 0; i < 9; i++) {
			Patient patient = TestData.patient(family, TestData.ssinBornOn(LocalDate.of(1970, 1, 1)));
			assertThat(postJson("Patient", json(patient)).statusCode()).isEqualTo(201);
		}
		Set<String> seen = new HashSet<>();
		List<String> order = new ArrayList<>();
		for (int offset = 0; offset < 9; offset += 2) {
			Bundle page = parse(Bundle.class, get("Patient?family=" + family + "&_sort=birthdate&_count=2&_offset=" + offset).body());
			page.getEntry().forEach(e -> order.add(e.getResource().getIdElement().getIdPart()));
		}
		seen.addAll(order);
		assertThat(order).hasSize(9);
		assertThat(seen).as("no patient on two pages").hasSize(9);
	}
}
