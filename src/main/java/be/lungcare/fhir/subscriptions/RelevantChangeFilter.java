package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.submit.interceptor.SubscriptionMatcherInterceptor;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage;
import org.hl7.fhir.instance.model.api.IBaseResource;
import java.util.HashSet;
import java.util.Set;

/**
 * HAPI's interceptor that queues changes for matching, for relevant changes only. HAPI queues every change of every
 * resource: it encodes the resource to JSON and writes a row ({@code HFJ_RESOURCE_MODIFIED}) in the write's
 * transaction, which the matching pass reads and deletes. A change no active subscription can be about is not
 * queued, and costs nothing: only changes of the types named by the active subscriptions' criteria and topics, and
 * of Subscriptions and topics themselves (which HAPI's own listeners activate and register), go through. Registered
 * by HAPI in place of its own ({@code @Primary}).
 */
final class RelevantChangeFilter extends SubscriptionMatcherInterceptor {

	/** Changes HAPI's own subscription listeners need: a Subscription activated, a topic (a Basic in R4) registered. */
	private static final Set<String> ALWAYS = Set.of("Subscription", "Basic");

	private final SubscriptionRegistry subscriptions;
	private final SubscriptionTopicRegistry topics;

	RelevantChangeFilter(SubscriptionRegistry subscriptions, SubscriptionTopicRegistry topics) {
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	@Override
	protected void processResourceModifiedEvent(IBaseResource resource, BaseResourceMessage.OperationTypeEnum operation,
			RequestDetails request) {
		if (isRelevant(resource.fhirType())) {
			super.processResourceModifiedEvent(resource, operation, request);
		}
	}

	boolean isRelevant(String type) {
		if (ALWAYS.contains(type)) {
			return true;
		}
		if (subscriptions.size() == 0) {
			return false;
		}
		Set<String> types = typesOfInterest();
		return types.contains("*") || types.contains(type);
	}

	/** The resource types the active subscriptions are about ({@code *}: any). */
	Set<String> typesOfInterest() {
		Set<String> types = new HashSet<>();
		for (ActiveSubscription active : subscriptions.getAll()) {
			CanonicalSubscription subscription = active.getSubscription();
			if (subscription.isTopicSubscription()) {
				topics.findSubscriptionTopicByUrl(subscription.getTopic()).ifPresentOrElse(
						topic -> topic.getResourceTrigger().forEach(trigger -> types.add(typeName(trigger.getResource()))),
						() -> types.add("*"));
			} else {
				types.addAll(criteriaTypes(subscription.getCriteriaString()));
			}
		}
		return types;
	}

	/** The types of a criteria: {@code Observation?...}, {@code [Observation,Condition]?...}, {@code [*]}. */
	static Set<String> criteriaTypes(String criteria) {
		if (criteria == null || criteria.isBlank()) {
			return Set.of("*");
		}
		String head = criteria.trim();
		int query = head.indexOf('?');
		if (query >= 0) {
			head = head.substring(0, query);
		}
		if (head.startsWith("[") && head.endsWith("]")) {
			Set<String> types = new HashSet<>();
			for (String type : head.substring(1, head.length() - 1).split(",")) {
				types.add(type.trim());
			}
			return types;
		}
		return Set.of(head.isEmpty() ? "*" : head);
	}

	/** A trigger's resource: a type name, or a StructureDefinition URL ending in it. */
	static String typeName(String resource) {
		if (resource == null) {
			return "*";
		}
		int slash = resource.lastIndexOf('/');
		return slash >= 0 ? resource.substring(slash + 1) : resource;
	}
}
