package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscriptionChannelType;
import ca.uhn.fhir.jpa.subscription.model.ResourceDeliveryMessage;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IIdType;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where HAPI has matched a change against a rest-hook subscription, the notification goes into the {@link DeliveryLog}
 * instead of HAPI's in-memory delivery queue (which forgets it on a restart and gives up after about a minute), and
 * the {@link Deliverer} sends it. The matching runs on the thread that takes the change off HAPI's queue of changes, in
 * its transaction ({@link SynchronousMatchingChannelFactory}); the change being matched is kept for the thread, so
 * each notification gets an event id derived from the subscription and the resource version: the same on every
 * retry and if the change is matched again after a crash.
 */
@Interceptor
final class MatchRecorder implements StorageInterceptor {

	private final ThreadLocal<ResourceModifiedMessage> change = new ThreadLocal<>();
	private final FhirContext fhirContext;
	private final DeliveryLog log;
	private final Deliverer deliverer;
	private final Clock clock;

	MatchRecorder(FhirContext fhirContext, DeliveryLog log, Deliverer deliverer, Clock clock) {
		this.fhirContext = fhirContext;
		this.log = log;
		this.deliverer = deliverer;
		this.clock = clock;
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_PERSISTED_RESOURCE_CHECKED)
	public boolean beforeCriteriaMatching(ResourceModifiedMessage message) {
		change.set(message);
		return true;
	}

	@Hook(Pointcut.SUBSCRIPTION_AFTER_PERSISTED_RESOURCE_CHECKED)
	public void afterCriteriaMatching() {
		change.remove();
	}

	@Hook(Pointcut.SUBSCRIPTION_TOPIC_BEFORE_PERSISTED_RESOURCE_CHECKED)
	public boolean beforeTopicMatching(ResourceModifiedMessage message) {
		change.set(message);
		return true;
	}

	@Hook(Pointcut.SUBSCRIPTION_TOPIC_AFTER_PERSISTED_RESOURCE_CHECKED)
	public void afterTopicMatching() {
		change.remove();
	}

	/** Logs the notification and stops HAPI's own delivery of it. */
	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MATCHED)
	public boolean matched(CanonicalSubscription subscription, ResourceDeliveryMessage delivery) {
		if (subscription.getChannelType() != CanonicalSubscriptionChannelType.RESTHOOK) {
			return true;
		}
		String focusId = focusOf(change.get(), delivery);
		BaseResourceMessage.OperationTypeEnum operation = delivery.getOperationType();
		String subscriptionId = subscription.getIdElement(fhirContext).toUnqualifiedVersionless().getValue();
		log.record(eventId(subscriptionId, focusId, operation), subscriptionId, focusId, String.valueOf(operation),
				subscription.isTopicSubscription(), delivery.getPayloadString(), contentType(subscription), clock.instant());
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					deliverer.wakeUp();
				}
			});
		} else {
			deliverer.wakeUp();
		}
		return false;
	}

	/** The changed resource version, {@code Type/id/_history/n}: from the change being matched, else the delivery. */
	private String focusOf(ResourceModifiedMessage source, ResourceDeliveryMessage delivery) {
		IIdType focus = source != null ? source.getPayloadId(fhirContext) : delivery.getPayloadId(fhirContext);
		if (focus == null) {
			return "unknown";
		}
		String version = focus.hasVersionIdPart() ? focus.getVersionIdPart() : source != null ? source.getPayloadVersion() : null;
		return focus.toUnqualifiedVersionless().getValue() + (version == null ? "" : "/_history/" + version);
	}

	/**
	 * The event id: stable for a subscription and a resource version's change, so a receiver can recognise a
	 * notification sent again; a {@code $trigger-subscription} is a new event each time.
	 */
	static String eventId(String subscriptionId, String focusId, BaseResourceMessage.OperationTypeEnum operation) {
		if (operation == BaseResourceMessage.OperationTypeEnum.MANUALLY_TRIGGERED || focusId.equals("unknown")) {
			return UUID.randomUUID().toString();
		}
		return UUID.nameUUIDFromBytes((subscriptionId + "|" + focusId + "|" + operation).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static String contentType(CanonicalSubscription subscription) {
		String payload = subscription.isTopicSubscription() ? subscription.getContentType() : subscription.getPayloadString();
		return payload == null || payload.isBlank() ? null : payload;
	}
}
