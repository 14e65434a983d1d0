package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.subscription.SubscriptionConstants;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Subscription;
import org.hl7.fhir.r5.model.SubscriptionTopic;

/**
 * What a client may subscribe to, and where notifications may go.
 * <ul>
 * <li>Only rest-hook channels, to an endpoint the {@link EndpointPolicy} allows (422 naming
 * {@code Subscription.channel.endpoint}), with only allowed headers (422 naming the header).</li>
 * <li>A subscription's notifications carry any patient's data of the types it is about (its criteria's, or its
 * topic's triggers'): the client must be a system client that may read and search every resource of those types
 * (403). A topic must be one the server offers (422).</li>
 * <li>A subscription belongs to the client that created it (a tag in {@code meta}): another client may not change
 * or delete it (403), nor read it ({@link SubscriptionOwnershipInterceptor}).</li>
 * <li>Topics are the server's own ({@link LungCareTopics}): a client cannot write a Basic that defines one (403).</li>
 * </ul>
 * The server's own writes (HAPI activating a subscription, the topic installer) are not checked.
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class SubscriptionCheckInterceptor implements StorageInterceptor {

	/** The tag system of a subscription's owner: the code is the client id. */
	static final String OWNER_SYSTEM = "https://fhir.lungcare.be/subscription-owner";
	private static final String TOPIC_CODE_SYSTEM = "http://hl7.org/fhir/fhir-types";

	private final EndpointPolicy policy;
	private final SubscriptionTopicRegistry topics;

	SubscriptionCheckInterceptor(EndpointPolicy policy, SubscriptionTopicRegistry topics) {
		this.policy = policy;
		this.topics = topics;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		if (isClient(request)) {
			check(resource, request);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		if (isClient(request)) {
			checkOwner(previous, request);
			check(resource, request);
		}
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		if (isClient(request)) {
			checkOwner(resource, request);
			if (isTopic(resource)) {
				throw forbidden("Subscription topics are defined by the server; they cannot be deleted through the API", "Basic");
			}
		}
	}

	private void check(IBaseResource resource, RequestDetails request) {
		if (isTopic(resource)) {
			throw forbidden("Subscription topics are defined by the server; they cannot be written through the API", "Basic.code");
		}
		if (!(resource instanceof Subscription subscription)) {
			return;
		}
		Subscription.SubscriptionChannelComponent channel = subscription.getChannel();
		if (channel.getType() != Subscription.SubscriptionChannelType.RESTHOOK) {
			throw unprocessable("This server delivers rest-hook subscriptions only", "Subscription.channel.type");
		}
		String refusal = policy.refusal(channel.getEndpoint());
		if (refusal != null) {
			throw unprocessable(refusal, "Subscription.channel.endpoint");
		}
		List<StringType> headers = channel.getHeader();
		for (int i = 0; i < headers.size(); i++) {
			String headerRefusal = policy.headerRefusal(headers.get(i).getValue());
			if (headerRefusal != null) {
				throw unprocessable(headerRefusal, "Subscription.channel.header[" + i + "]");
			}
		}
		for (String type : typesOf(subscription)) {
			if (!Access.mayReadEvery(request, type)) {
				throw forbidden("A subscription's notifications carry every patient's " + ("*".equals(type) ? "data" : type)
						+ ": it needs a system client that may read and search them all (such as system/" + type + ".rs)",
						"Subscription.criteria");
			}
		}
		String client = Access.clientId(request);
		if (client != null) {
			subscription.getMeta().getTag().removeIf(tag -> OWNER_SYSTEM.equals(tag.getSystem()));
			subscription.getMeta().addTag(new Coding(OWNER_SYSTEM, client, null));
		}
	}

	/** The types a subscription is about: its criteria's, or its topic's triggers'. */
	private Set<String> typesOf(Subscription subscription) {
		String criteria = subscription.getCriteria();
		if (criteria != null && (criteria.startsWith("http://") || criteria.startsWith("https://"))) {
			if (subscription.getMeta().getProfile().stream().noneMatch(p -> SubscriptionConstants.SUBSCRIPTION_TOPIC_PROFILE_URL.equals(p.getValue()))) {
				throw unprocessable("A topic-based subscription declares the backport profile "
						+ SubscriptionConstants.SUBSCRIPTION_TOPIC_PROFILE_URL + " in meta.profile", "Subscription.meta.profile");
			}
			SubscriptionTopic topic = topics.findSubscriptionTopicByUrl(criteria.trim()).orElseThrow(() -> unprocessable(
					"Unknown subscription topic " + criteria + "; the server offers: " + String.join(", ", topicUrls()),
					"Subscription.criteria"));
			return Set.copyOf(topic.getResourceTrigger().stream().map(t -> RelevantChangeFilter.typeName(t.getResource())).toList());
		}
		return RelevantChangeFilter.criteriaTypes(criteria);
	}

	private List<String> topicUrls() {
		return topics.getAll().stream().map(SubscriptionTopic::getUrl).sorted().toList();
	}

	private static void checkOwner(IBaseResource resource, RequestDetails request) {
		if (resource instanceof Subscription subscription && !SubscriptionOwnershipInterceptor.mayUse(subscription, request)) {
			throw forbidden("This subscription belongs to another client", "Subscription");
		}
	}

	static boolean isTopic(IBaseResource resource) {
		return resource instanceof Basic basic && basic.getCode().getCoding().stream()
				.anyMatch(c -> TOPIC_CODE_SYSTEM.equals(c.getSystem()) && "SubscriptionTopic".equals(c.getCode()));
	}

	private static boolean isClient(RequestDetails request) {
		return request != null && !(request instanceof SystemRequestDetails);
	}

	private static ForbiddenOperationException forbidden(String message, String expression) {
		return new ForbiddenOperationException(message, Problems.outcome(IssueType.FORBIDDEN, message, expression));
	}

	private static UnprocessableEntityException unprocessable(String message, String expression) {
		return new UnprocessableEntityException(message, Problems.outcome(IssueType.INVALID, message, expression));
	}
}
