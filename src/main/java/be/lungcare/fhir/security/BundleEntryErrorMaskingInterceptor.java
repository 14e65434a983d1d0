package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
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
 * ones: the detail goes to the log under an incident id, the client gets the id. Client errors in entries lose
 * any Java class name their message carries.
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
					entry.getResponse().setOutcome(masked(OperationOutcome.IssueType.EXCEPTION,
							"Internal server error (incident " + incident + "). The entry was not completed."));
				} else if (entry.getResponse().getOutcome() instanceof OperationOutcome outcome
						&& ConflictDetailMaskingInterceptor.isDatabaseDetail(outcome.getIssueFirstRep().getDiagnostics())) {
					String incident = ConflictDetailMaskingInterceptor.incident(outcome.getIssueFirstRep().getDiagnostics());
					entry.getResponse().setOutcome(masked(OperationOutcome.IssueType.CONFLICT,
							String.format(ConflictDetailMaskingInterceptor.MESSAGE, incident)));
				} else if (entry.getResponse().getOutcome() instanceof OperationOutcome outcome) {
					outcome.getIssue().forEach(issue -> issue.setDiagnostics(Problems.withoutInternals(issue.getDiagnostics())));
				}
			}
		}
		return true;
	}

	private static OperationOutcome masked(OperationOutcome.IssueType type, String diagnostics) {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue().setSeverity(OperationOutcome.IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
		return outcome;
	}
}
