package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * Gives a batch entry refused by validation on write its full OperationOutcome (every issue, with
 * {@code expression}) in the batch response. HAPI builds the entry's outcome from the exception message alone.
 */
@Interceptor
final class BatchEntryOutcomeInterceptor implements RestInterceptor {

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void restoreOutcomes(RequestDetails request, IBaseResource response) {
		if (!(request.getUserData().get(ProfileValidatingInterceptor.REFUSED_BATCH_ENTRIES) instanceof Map<?, ?> refused)
				|| refused.isEmpty() || !(response instanceof Bundle bundle)
				|| bundle.getType() != Bundle.BundleType.BATCHRESPONSE) {
			return;
		}
		refused.forEach((index, outcome) -> {
			int i = (Integer) index;
			Bundle.BundleEntryResponseComponent entry = i < bundle.getEntry().size() ? bundle.getEntry().get(i).getResponse() : null;
			if (entry != null && entry.getStatus() != null && entry.getStatus().startsWith("422")) {
				entry.setOutcome((OperationOutcome) outcome);
			}
		});
	}
}
