package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Subscription;

/**
 * {@code $trigger-subscription} re-sends to one subscription, which must be the client's own
 * ({@code Subscription/[id]/$trigger-subscription}); the type-level form, which triggers every subscription, is for
 * administrators.
 */
@Interceptor
final class TriggerAccessInterceptor implements RestInterceptor {

	private final IFhirResourceDao<Subscription> subscriptions;

	TriggerAccessInterceptor(IFhirResourceDao<Subscription> subscriptions) {
		this.subscriptions = subscriptions;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request) {
		if (!"$trigger-subscription".equals(request.getOperation()) || Access.clientId(request) == null
				|| Access.isAdministrator(request)) {
			return;
		}
		if (request.getId() == null || !request.getId().hasIdPart()) {
			throw forbidden("Triggering every subscription is for administrators: name yours (Subscription/[id]/$trigger-subscription)");
		}
		// a subscription that does not exist is answered by the operation itself (404)
		Subscription subscription;
		try {
			subscription = subscriptions.read(request.getId().toUnqualifiedVersionless(), new SystemRequestDetails());
		} catch (ResourceNotFoundException | ResourceGoneException missing) {
			return;
		}
		if (!SubscriptionOwnershipInterceptor.mayUse(subscription, request)) {
			throw forbidden("This subscription belongs to another client");
		}
	}

	private static ForbiddenOperationException forbidden(String message) {
		return new ForbiddenOperationException(message, Problems.outcome(IssueType.FORBIDDEN, message, "Subscription"));
	}
}
