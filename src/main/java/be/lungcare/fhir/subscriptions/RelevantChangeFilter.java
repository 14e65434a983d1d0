package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;
import java.util.HashSet;
import java.util.Set;

/**
 * HAPI queues every change of every resource for matching ({@code HFJ_RESOURCE_MODIFIED}: a row written with the
 * change, read and deleted by the matching pass). A change no active subscription can be about is not queued: only
 * changes of the types named by the active subscriptions' criteria and topics, and of Subscriptions and topics
 * themselves (which HAPI's own listeners activate and register), go through.
 */
@Interceptor
final class RelevantChangeFilter implements StorageInterceptor {

	/** Changes HAPI's own subscription listeners need: a Subscription activated, a topic (a Basic in R4) registered. */
	private static final Set<String> ALWAYS = Set.of("Subscription", "Basic");

	private final FhirContext fhirContext;
	private final SubscriptionRegistry subscriptions;
	private final SubscriptionTopicRegistry topics;

	RelevantChangeFilter(FhirContext fhirContext, SubscriptionRegistry subscriptions, SubscriptionTopicRegistry topics) {
		this.fhirContext = fhirContext;
		this.subscriptions = subscriptions;
		this.topics = topics;
	}

	@Hook(Pointcut.SUBSCRIPTION_RESOURCE_MODIFIED)
	public boolean queueIfRelevant(ResourceModifiedMessage change) {
		String type = change.getResourceType(fhirContext);
		if (type == null || ALWAYS.contains(type)) {
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
