package be.lungcare.fhir.subscriptions;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Subscriptions (rest-hook, criteria-based and topic-based) and their delivery.
 *
 * @param allowedHosts         the hosts a Subscription's endpoint may name (exact names, or {@code *.example.be} for a
 *                             domain's hosts); empty: no endpoint is accepted
 * @param allowHttp            whether plain {@code http://} endpoints are accepted (otherwise https only)
 * @param allowPrivateNetworks whether endpoints that resolve to loopback, private, link-local or other internal
 *                             addresses are accepted
 * @param allowedHeaders       the HTTP header names a Subscription may ask to be sent with its notifications
 *                             ({@code channel.header}); empty: none
 * @param retryWindow          how long a notification is retried after its event, then marked failed
 * @param firstRetry           the wait before the first retry; each further wait doubles
 * @param maxRetryInterval     the longest wait between two attempts
 * @param requestTimeout       how long one delivery attempt may take (connect and answer)
 * @param matchingInterval     how often changes are matched against the subscriptions (HAPI's pass over its queue of
 *                             changes, {@code HFJ_RESOURCE_MODIFIED})
 * @param pollInterval         how often the delivery log is read for notifications due, besides the wake-up a new one
 *                             gives
 * @param deliveryThreads      subscriptions delivered at the same time (one subscription's notifications go one
 *                             after the other, in order)
 * @param logRetention         how long delivered and failed notifications are kept in the delivery log
 */
@ConfigurationProperties("lungcare.subscriptions")
record SubscriptionProperties(
		@DefaultValue("") List<String> allowedHosts,
		@DefaultValue("false") boolean allowHttp,
		@DefaultValue("false") boolean allowPrivateNetworks,
		@DefaultValue("") List<String> allowedHeaders,
		@DefaultValue("24h") Duration retryWindow,
		@DefaultValue("10s") Duration firstRetry,
		@DefaultValue("10m") Duration maxRetryInterval,
		@DefaultValue("10s") Duration requestTimeout,
		@DefaultValue("1s") Duration matchingInterval,
		@DefaultValue("5s") Duration pollInterval,
		@DefaultValue("4") int deliveryThreads,
		@DefaultValue("7d") Duration logRetention) {

	SubscriptionProperties {
		allowedHosts = allowedHosts.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
		allowedHeaders = allowedHeaders.stream().map(String::trim).filter(h -> !h.isEmpty()).toList();
	}

	RetrySchedule retrySchedule() {
		return new RetrySchedule(firstRetry, maxRetryInterval, retryWindow);
	}

	EndpointPolicy endpointPolicy() {
		return new EndpointPolicy(allowedHosts, allowHttp, allowPrivateNetworks, allowedHeaders);
	}
}
