package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.config.RestProvider;
import ca.uhn.fhir.jpa.provider.SubscriptionTriggeringProvider;

/**
 * HAPI's {@code $trigger-subscription}: sends a subscription the given resources (or a search's results) again, as
 * new notifications through the delivery log. Beside HAPI's Subscription provider, not instead of it.
 */
final class TriggerProvider extends SubscriptionTriggeringProvider implements RestProvider {

	@Override
	public boolean replacesJpaProvider() {
		return false;
	}
}
