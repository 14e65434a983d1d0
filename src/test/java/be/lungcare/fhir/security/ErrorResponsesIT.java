package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Bad input gets a 4xx OperationOutcome naming the problem; nothing leaks internals. */
class ErrorResponsesIT extends AbstractServerIT {

	private OperationOutcome assertClientError(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("\tat ", "java.", "org.hibernate", "ca.uhn.fhir.", "SELECT ", "select ");
		return parse(OperationOutcome.class, response.body());
	}

	@Test
	void malformedJsonIs400() {
		OperationOutcome oo = assertClientError(postJson("Patient", "{\"resourceType\":\"Patient\",\"name\":[{"), 400);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).containsIgnoringCase("parse");
	}

	@Test
	void unknownElementIs400() {
		OperationOutcome oo = assertClientError(postJson("Patient", "{\"resourceType\":\"Patient\",\"gender\":\"unknown-gender\"}"), 400);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("unknown-gender");
	}

	@Test
	void unknownResourceTypeIs404() {
		assertClientError(get("Lung/1"), 404);
	}

	@Test
	void missingResourceIs404() {
		assertClientError(get("Patient/no-such-patient"), 404);
	}

	@Test
	void unknownSearchParameterIs400() {
		OperationOutcome oo = assertClientError(get("Patient?favourite-colour=blue"), 400);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("favourite-colour");
	}

	@Test
	void dangerousOperationsAreOff() {
		OperationOutcome expunge = assertClientError(postJson("$expunge",
				"{\"resourceType\":\"Parameters\",\"parameter\":[{\"name\":\"expungeEverything\",\"valueBoolean\":true}]}"), 403);
		assertThat(expunge.getIssueFirstRep().getDiagnostics()).contains("$expunge");
		assertClientError(postJson("$mark-all-resources-for-reindexing", "{\"resourceType\":\"Parameters\"}"), 403);
		assertClientError(postJson("$reindex-terminology", "{\"resourceType\":\"Parameters\"}"), 403);
	}

	@Test
	void oversizedBodiesAre413() {
		String huge = "{\"resourceType\":\"Basic\",\"id\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}";
		OperationOutcome oo = assertClientError(postJson("Basic", huge), 413);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("limit");
	}

	@Test
	void gzipBodiesAreInflatedWithinTheLimit() throws Exception {
		String practitioner = "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Gzipped\"}]}";
		assertThat(sendGzip(practitioner.getBytes(java.nio.charset.StandardCharsets.UTF_8)).statusCode()).isEqualTo(201);

		byte[] bomb = new byte[8 * 1024 * 1024]; // 8 MB of zeros: a few kB compressed, over the 4 MB inflated limit
		OperationOutcome oo = assertClientError(sendGzip(bomb), 413);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("decompressed");
	}

	private HttpResponse<String> sendGzip(byte[] plain) throws Exception {
		java.io.ByteArrayOutputStream compressed = new java.io.ByteArrayOutputStream();
		try (java.util.zip.GZIPOutputStream gzip = new java.util.zip.GZIPOutputStream(compressed)) {
			gzip.write(plain);
		}
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/Practitioner")).header("Authorization", "Bearer " + engineToken())
				.header("Content-Type", "application/fhir+json")
				.header("Content-Encoding", "gzip")
				.header("Accept", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(compressed.toByteArray()))
				.build();
		return java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void bundlesWithTooManyEntriesAre413() {
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 201; i++) {
			entries.append(i == 0 ? "" : ",").append("{\"request\":{\"method\":\"GET\",\"url\":\"Patient?_count=1\"}}");
		}
		OperationOutcome oo = assertClientError(postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[" + entries + "]}"), 413);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("entries", "200");
		assertThat(oo.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("Bundle.entry[200]");
	}

	@Test
	void dangerousOperationsAreOffInsideBundlesToo() {
		String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"$get-resource-counts\"}}]}";
		OperationOutcome oo = assertClientError(postJson("", batch), 403);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("$get-resource-counts", "Bundle.entry[0]");
	}

	@Test
	void percentEncodedOperationsAreOffInsideBundlesToo() {
		String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"%24get-resource-counts\"}}]}";
		OperationOutcome oo = assertClientError(postJson("", batch), 403);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("$get-resource-counts");
	}

	private HttpResponse<String> withHeader(String method, String path, String header, String value, String body) throws Exception {
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/" + path)).header("Authorization", "Bearer " + engineToken())
				.header("Accept", "application/fhir+json").header(header, value);
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		request.method(method, body == null ? java.net.http.HttpRequest.BodyPublishers.noBody()
				: java.net.http.HttpRequest.BodyPublishers.ofString(body));
		return java.net.http.HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	@Test
	void malformedConditionalHeadersAre400NamingTheHeader() throws Exception {
		String practitioner = "{\"resourceType\":\"Practitioner\",\"id\":\"headers-1\",\"name\":[{\"family\":\"Headers\"}]}";
		assertThat(send("PUT", "Practitioner/headers-1", "application/fhir+json", practitioner).statusCode()).isIn(200, 201);
		for (String[] header : new String[][] {{"If-Match", "*"}, {"If-Match", "garbage"}, {"If-Match", "W/\"abc\""}}) {
			OperationOutcome oo = assertClientError(withHeader("PUT", "Practitioner/headers-1", header[0], header[1], practitioner), 400);
			assertThat(oo.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly(header[0]);
		}
		OperationOutcome since = assertClientError(withHeader("GET", "Practitioner/headers-1", "If-Modified-Since", "garbage", null), 400);
		assertThat(since.getIssueFirstRep().getDiagnostics()).contains("If-Modified-Since");
		assertClientError(withHeader("GET", "Practitioner/headers-1", "If-Modified-Since", "Mon, 32 Jan 2020 00:00:00 GMT", null), 400);
		for (String date : new String[] {"Tue, 01 Dec 2026 10:00:00 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"}) {
			assertThat(withHeader("GET", "Practitioner/headers-1", "If-Modified-Since", date, null).statusCode()).as(date).isIn(200, 304);
		}
		assertThat(withHeader("PUT", "Practitioner/headers-1", "If-Match", "W/\"1\"", practitioner).statusCode()).isEqualTo(200);
	}

	@Test
	void hapisRetryAndSkipHeadersAreRefused() throws Exception {
		for (String header : new String[] {"X-Transaction-Semantics", "X-Retry-On-Version-Conflict", "X-Upsert-Extistence-Check"}) {
			OperationOutcome oo = assertClientError(withHeader("POST", "", header, "retries=5",
					"{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[]}"), 400);
			assertThat(oo.getIssueFirstRep().getDiagnostics()).contains(header);
		}
	}

	@Test
	void textADatabaseCannotHoldIs400() throws Exception {
		OperationOutcome surrogate = assertClientError(postJson("Practitioner",
				"{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"a\\ud800b\"}]}"), 400);
		assertThat(surrogate.getIssueFirstRep().getExpression()).extracting(Object::toString)
				.containsExactly("Practitioner.name[0].family");
		assertClientError(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"a\\u0000b\"}]}"), 400);
		byte[] invalidUtf8 = "{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"a__b\"}]}".getBytes(java.nio.charset.StandardCharsets.UTF_8);
		int at = new String(invalidUtf8, java.nio.charset.StandardCharsets.UTF_8).indexOf("__");
		invalidUtf8[at] = (byte) 0xC3;
		invalidUtf8[at + 1] = (byte) 0x28;
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/Practitioner")).header("Authorization", "Bearer " + engineToken())
				.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
				.POST(java.net.http.HttpRequest.BodyPublishers.ofByteArray(invalidUtf8)).build();
		OperationOutcome utf8 = assertClientError(java.net.http.HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString()), 400);
		assertThat(utf8.getIssueFirstRep().getDiagnostics()).contains("UTF-8");
	}

	@Test
	void parseErrorsNameTheElementAndNoJavaClass() {
		OperationOutcome oo = assertClientError(postJson("Patient",
				"{\"resourceType\":\"Patient\",\"multipleBirthInteger\":99999999999}"), 400);
		assertThat(oo.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("multipleBirthInteger");
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("99999999999").doesNotContain("NumberFormatException");
	}

	@Test
	void anInvalidPatchEntryOfABatchShowsNoJavaClass() {
		String practitioner = "{\"resourceType\":\"Practitioner\",\"id\":\"patched-1\",\"name\":[{\"family\":\"Patched\"}]}";
		assertThat(send("PUT", "Practitioner/patched-1", "application/fhir+json", practitioner).statusCode()).isIn(200, 201);
		String patch = java.util.Base64.getEncoder().encodeToString("{\"op\":\"replace\"}".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		HttpResponse<String> response = postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"resource\":"
				+ "{\"resourceType\":\"Binary\",\"contentType\":\"application/json-patch+json\",\"data\":\"" + patch + "\"},"
				+ "\"request\":{\"method\":\"PATCH\",\"url\":\"Practitioner/patched-1\"}}]}");
		assertThat(response.statusCode()).isEqualTo(200);
		org.hl7.fhir.r4.model.Bundle result = parse(org.hl7.fhir.r4.model.Bundle.class, response.body());
		assertThat(result.getEntryFirstRep().getResponse().getStatus()).startsWith("4");
		assertThat(response.body()).doesNotContain("java.", "ArrayList", "Exception");
	}

	@Test
	void whatIsNotFhirIsRefusedNeverDropped() {
		OperationOutcome unknown = assertClientError(postJson("Practitioner",
				"{\"resourceType\":\"Practitioner\",\"name\":[{\"family\":\"Unknown\"}],\"favouriteColour\":\"blue\"}"), 400);
		assertThat(unknown.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("favouriteColour");
		assertClientError(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"gender\":[\"male\",\"female\"]}"), 400);
		OperationOutcome xml = assertClientError(send("POST", "Practitioner", "application/fhir+xml",
				"<Practitioner xmlns=\"http://hl7.org/fhir\"><foo value=\"1\"/></Practitioner>"), 400);
		assertThat(xml.getIssueFirstRep().getDiagnostics()).doesNotContain("Exception");
		assertClientError(send("POST", "Practitioner", "application/fhir+xml",
				"<?xml version=\"1.0\"?><?xml-stylesheet href=\"x\"?><Practitioner xmlns=\"http://hl7.org/fhir\"/>"), 400);
		assertClientError(send("POST", "Practitioner", "application/fhir+xml", "<Practitioner xmlns=\"http://hl7.org/fhir\" "
				+ "xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"file:///etc/passwd\"/></Practitioner>"), 400);
		OperationOutcome number = assertClientError(postJson("Observation", "{\"resourceType\":\"Observation\",\"status\":\"final\","
				+ "\"code\":{\"text\":\"x\"},\"valueQuantity\":{\"value\":1e999999999}}"), 400);
		assertThat(number.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("Observation.valueQuantity.value");
	}

	@Test
	void requestsHapiCannotAnswerAreClientErrors() {
		OperationOutcome patch = assertClientError(send("PATCH", "Patient", "application/json-patch+json", "[]"), 400);
		assertThat(patch.getIssueFirstRep().getDiagnostics()).contains("PATCH");
		assertClientError(send("PROPFIND", "Patient", null, null), 405);
		assertClientError(send("POST", "Practitioner", "application/fhir+json, text/html", "{\"resourceType\":\"Practitioner\"}"), 415);
		assertClientError(send("POST", "Practitioner", "text/turtle", "@prefix fhir: <http://hl7.org/fhir/> ."), 415);
		assertClientError(send("POST", "Practitioner", "text/plain", "{\"resourceType\":\"Practitioner\"}"), 415);
		assertClientError(send("POST", "Practitioner", "application/fhir+json; charset=ISO-8859-1", "{\"resourceType\":\"Practitioner\"}"), 415);
		OperationOutcome conditional = assertClientError(withHeaderQuietly("If-None-Exist", "birthdate=notadate"), 400);
		assertThat(conditional.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("If-None-Exist");
	}

	private HttpResponse<String> withHeaderQuietly(String header, String value) {
		try {
			return withHeader("POST", "Patient", header, value, json(be.lungcare.fhir.TestData.patient("Cond", be.lungcare.fhir.TestData.ssin())));
		} catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}
}
