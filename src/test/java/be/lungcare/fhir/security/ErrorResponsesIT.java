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
	void dangerousOperationsAreOffInsideBundlesToo() {
		String batch = "{\"resourceType\":\"Bundle\",\"type\":\"batch\",\"entry\":[{\"request\":{\"method\":\"GET\",\"url\":\"$get-resource-counts\"}}]}";
		OperationOutcome oo = assertClientError(postJson("", batch), 403);
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains("$get-resource-counts", "Bundle.entry[0]");
	}
}
