package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A batch answers 200 with one status per entry; HAPI puts a failed entry's raw exception text
 * (class names, SQL) into its outcome. Server errors in entries are masked like whole-request
 * ones: the detail goes to the log under an incident id, the client gets the id.
 */
@Interceptor
final class BundleEntryErrorMaskingInterceptor implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(BundleEntryErrorMaskingInterceptor.class);

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public boolean maskEntryErrors(IBaseResource response) {
		if (response instanceof Bundle bundle
				&& (bundle.getType() == Bundle.BundleType.BATCHRESPONSE
						|| bundle.getType() == Bundle.BundleType.TRANSACTIONRESPONSE)) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResponse().getStatus() != null && entry.getResponse().getStatus().startsWith("5")) {
					String incident = UUID.randomUUID().toString();
					if (entry.getResponse().getOutcome() instanceof OperationOutcome outcome) {
						log.error("Internal error in a bundle entry, incident {}: {}", incident,
								outcome.getIssueFirstRep().getDiagnostics());
					}
					OperationOutcome masked = new OperationOutcome();
					masked.addIssue()
							.setSeverity(OperationOutcome.IssueSeverity.ERROR)
							.setCode(OperationOutcome.IssueType.EXCEPTION)
							.setDiagnostics("Internal server error (incident " + incident + "). The entry was not completed.");
					entry.getResponse().setOutcome(masked);
				} else if (entry.getResponse().getOutcome() instanceof OperationOutcome outcome
						&& ConflictDetailMaskingInterceptor.isDatabaseDetail(outcome.getIssueFirstRep().getDiagnostics())) {
					String incident = ConflictDetailMaskingInterceptor.incident(outcome.getIssueFirstRep().getDiagnostics());
					OperationOutcome masked = new OperationOutcome();
					masked.addIssue()
							.setSeverity(OperationOutcome.IssueSeverity.ERROR)
							.setCode(OperationOutcome.IssueType.CONFLICT)
							.setDiagnostics(String.format(ConflictDetailMaskingInterceptor.MESSAGE, incident));
					entry.getResponse().setOutcome(masked);
				}
			}
		}
		return true;
	}
}
