package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class BundleEntryErrorMaskingInterceptorTest {

	private static Bundle.BundleEntryComponent entry(Bundle bundle, String status, String diagnostics) {
		Bundle.BundleEntryComponent entry = bundle.addEntry();
		entry.getResponse().setStatus(status);
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setDiagnostics(diagnostics);
		entry.getResponse().setOutcome(outcome);
		return entry;
	}

	@Test
	void serverErrorsInBatchEntriesLoseTheirInternalsClientErrorsStay() {
		Bundle response = new Bundle().setType(Bundle.BundleType.BATCHRESPONSE);
		Bundle.BundleEntryComponent failed = entry(response, "500 Internal Server Error",
				"org.springframework.dao.DataIntegrityViolationException: insert into HFJ_RESOURCE ...");
		Bundle.BundleEntryComponent rejected = entry(response, "422 Unprocessable Entity", "lungcare-ssin-1 failed");

		assertThat(new BundleEntryErrorMaskingInterceptor().maskEntryErrors(response)).isTrue();

		String masked = ((OperationOutcome) failed.getResponse().getOutcome()).getIssueFirstRep().getDiagnostics();
		assertThat(masked).contains("incident").doesNotContain("org.", "HFJ_", "insert");
		assertThat(((OperationOutcome) rejected.getResponse().getOutcome()).getIssueFirstRep().getDiagnostics())
				.isEqualTo("lungcare-ssin-1 failed");
	}

	@Test
	void operationNamesAreFoundInEntryUrls() {
		assertThat(BundleOperationAllowListInterceptor.operationIn("Patient/1/$everything?_count=5")).isEqualTo("$everything");
		assertThat(BundleOperationAllowListInterceptor.operationIn("$get-resource-counts")).isEqualTo("$get-resource-counts");
		assertThat(BundleOperationAllowListInterceptor.operationIn("Patient?name=$x")).isNull();
		assertThat(BundleOperationAllowListInterceptor.operationIn("%24get-resource-counts")).isEqualTo("$get-resource-counts");
		assertThat(BundleOperationAllowListInterceptor.operationIn("Patient/1/%24expunge")).isEqualTo("$expunge");
		assertThat(BundleOperationAllowListInterceptor.operationIn(null)).isNull();
	}
}
