package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Subscription;

/**
 * A client sees only its own subscriptions (their endpoints and headers, which may hold its credentials, are its
 * business): others are left out of reads and searches. An administrator sees all; without access control (open
 * mode) everyone does.
 */
@Interceptor(order = HookOrder.ACCESS_RULES)
final class SubscriptionOwnershipInterceptor implements StorageInterceptor {

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void hideOthers(IPreResourceShowDetails details, RequestDetails request) {
		for (int i = 0; i < details.size(); i++) {
			IBaseResource resource = details.getResource(i);
			if (resource instanceof Subscription subscription && !mayUse(subscription, request)) {
				details.setResource(i, null);
			}
		}
	}

	/** Whether this request's client owns the subscription (or administers the server, or no access control is on). */
	static boolean mayUse(Subscription subscription, RequestDetails request) {
		String client = Access.clientId(request);
		if (client == null || Access.isAdministrator(request)) {
			return true;
		}
		return subscription.getMeta().getTag().stream()
				.anyMatch(tag -> SubscriptionCheckInterceptor.OWNER_SYSTEM.equals(tag.getSystem()) && client.equals(tag.getCode()));
	}
}
