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
		var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(baseUrl() + "/Practitioner"))
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
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("Bundle.entry", "200");
	}

	@Test
	void dangerousOperationsAreOffInsideBundlesToo() {
		String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"$get-resource-counts\"}}]}";
		OperationOutcome oo = assertClientError(postJson("", batch), 403);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("$get-resource-counts", "Bundle.entry[0]");
	}
}
