package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.subscription.match.registry.ActiveSubscription;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionCanonicalizer;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.model.CanonicalSubscription;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceGoneException;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends the notifications of the {@link DeliveryLog}: each subscription's in order, several subscriptions at a time.
 * A 2xx answer marks a notification delivered; a network error, a timeout, a 5xx, 408 or 429 schedules a retry
 * ({@link RetrySchedule}); any other 4xx means the receiver refuses this notification, which is marked failed at once
 * (it would refuse it again). A notification taken for an attempt is leased for the attempt's time: if the server
 * stops meanwhile, it is sent again after the restart (at least once; the {@code webhook-id} header names the
 * event, for the receiver to recognise a repeat).
 * <p>
 * What is sent follows HAPI's rest-hook semantics: a topic notification bundle is POSTed to the endpoint; a criteria
 * subscription with a payload type PUTs the resource to {@code endpoint/Type/id} (DELETE for a deletion); one
 * without a payload POSTs an empty body to the endpoint.
 */
final class Deliverer {

	private static final Logger logger = LoggerFactory.getLogger(Deliverer.class);
	static final String EVENT_ID_HEADER = "webhook-id";
	static final String EVENT_TIME_HEADER = "webhook-timestamp";

	/**
	 * The subscription a notification is for: from HAPI's registry of active subscriptions, or, when this node's
	 * registry does not hold it (yet: another node activated it, and this one reloads its registry only now and
	 * then), from the database; null when it is deleted or no longer active.
	 */
	record Subscriptions(SubscriptionRegistry registry, IFhirResourceDao<Subscription> dao, SubscriptionCanonicalizer canonicalizer) {

		CanonicalSubscription active(String id) {
			ActiveSubscription registered = registry.get(id.substring(id.indexOf('/') + 1));
			if (registered != null) {
				return registered.getSubscription();
			}
			try {
				Subscription stored = dao.read(new IdType(id), new SystemRequestDetails());
				return stored.getStatus() == Subscription.SubscriptionStatus.ACTIVE ? canonicalizer.canonicalize(stored) : null;
			} catch (ResourceNotFoundException | ResourceGoneException gone) {
				return null;
			}
		}
	}

	private final DeliveryLog log;
	private final Subscriptions subscriptions;
	private final SubscriptionProperties properties;
	private final EndpointPolicy policy;
	private final RetrySchedule retries;
	private final Clock clock;
	private final HttpClient http;
	private final Timer latency;
	private final Semaphore wakeUps = new Semaphore(0);
	private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
	private ExecutorService senders;
	private Thread loop;
	private volatile boolean running;
	private Instant nextPurge = Instant.MIN;

	Deliverer(DeliveryLog log, Subscriptions subscriptions, SubscriptionProperties properties, Clock clock, MeterRegistry meters) {
		this.log = log;
		this.subscriptions = subscriptions;
		this.properties = properties;
		this.policy = properties.endpointPolicy();
		this.retries = properties.retrySchedule();
		this.clock = clock;
		this.http = HttpClient.newBuilder().connectTimeout(properties.requestTimeout()).followRedirects(HttpClient.Redirect.NEVER)
				.build();
		this.latency = Timer.builder("lungcare.subscription.delivery").description("From a notification's match to its delivery")
				.publishPercentiles(0.5, 0.95).register(meters);
		for (DeliveryLog.Status status : new DeliveryLog.Status[] {DeliveryLog.Status.PENDING, DeliveryLog.Status.FAILED}) {
			Gauge.builder("lungcare.subscription.notifications", log, l -> l.count(status))
					.description("Notifications in the delivery log, by status").tag("status", status.name().toLowerCase(java.util.Locale.ROOT))
					.register(meters);
		}
	}

	synchronized void start() {
		if (running) {
			return;
		}
		running = true;
		senders = Executors.newFixedThreadPool(Math.max(1, properties.deliveryThreads()), r -> {
			Thread thread = new Thread(r, "subscription-delivery");
			thread.setDaemon(true);
			return thread;
		});
		loop = new Thread(this::run, "subscription-delivery-log");
		loop.setDaemon(true);
		loop.start();
	}

	synchronized void stop() {
		running = false;
		wakeUps.release();
		if (senders != null) {
			senders.shutdownNow();
		}
	}

	/** A new notification is logged: look at the log now rather than at the next poll. */
	void wakeUp() {
		wakeUps.release();
	}

	private void run() {
		while (running) {
			try {
				dispatchDue();
				purgeIfDue();
			} catch (RuntimeException e) {
				// the database may be unreachable for a while: the log is read again at the next poll
				logger.warn("Subscription delivery log not readable: {}", e.toString());
			}
			try {
				if (wakeUps.tryAcquire(properties.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
					wakeUps.drainPermits();
				}
			} catch (InterruptedException e) {
				Thread.currentThread().interrupt();
				return;
			}
		}
	}

	private void dispatchDue() {
		for (DeliveryLog.Entry head : log.dueHeads(clock.instant(), 200)) {
			if (inFlight.add(head.subscriptionId())) {
				try {
					senders.execute(() -> sendInOrder(head));
				} catch (RuntimeException rejected) {
					inFlight.remove(head.subscriptionId());
				}
			}
		}
	}

	/** Sends a subscription's due notifications one after the other, until one fails or none is due. */
	private void sendInOrder(DeliveryLog.Entry head) {
		try {
			DeliveryLog.Entry entry = head;
			while (running && entry != null && attempt(entry)) {
				entry = log.dueHead(head.subscriptionId(), clock.instant());
			}
		} catch (RuntimeException e) {
			logger.warn("Delivery for {} interrupted: {}", head.subscriptionId(), e.toString());
		} finally {
			inFlight.remove(head.subscriptionId());
		}
	}

	/** One attempt; true when the notification is finished (delivered or failed for good), so the next may follow. */
	boolean attempt(DeliveryLog.Entry entry) {
		Instant now = clock.instant();
		if (!log.claim(entry, now.plus(properties.requestTimeout()).plusSeconds(5))) {
			return false;
		}
		int attempts = entry.attempts() + 1;
		CanonicalSubscription subscription;
		try {
			subscription = subscriptions.active(entry.subscriptionId());
		} catch (RuntimeException unreadable) {
			return retry(entry, attempts, "The subscription could not be read: " + unreadable.getClass().getSimpleName());
		}
		if (subscription == null) {
			log.failed(entry.id(), clock.instant(), "The subscription was deleted or is no longer active");
			return true;
		}
		String refusal = policy.refusal(subscription.getEndpointUrl());
		if (refusal != null) {
			return retry(entry, attempts, "Endpoint refused: " + refusal);
		}
		HttpRequest request;
		try {
			request = request(entry, subscription);
		} catch (IllegalArgumentException e) {
			log.failed(entry.id(), clock.instant(), "Invalid endpoint: " + e.getMessage());
			return true;
		}
		try {
			HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
			int status = response.statusCode();
			if (status / 100 == 2) {
				Instant done = clock.instant();
				log.delivered(entry.id(), done);
				latency.record(Duration.between(entry.created(), done));
				return true;
			}
			if (status / 100 == 4 && status != 408 && status != 425 && status != 429) {
				log.failed(entry.id(), clock.instant(), "Refused by the receiver: HTTP " + status);
				return true;
			}
			return retry(entry, attempts, "HTTP " + status);
		} catch (IOException e) {
			return retry(entry, attempts, e.getClass().getSimpleName().replace("Exception", "") + ": " + e.getMessage());
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	private boolean retry(DeliveryLog.Entry entry, int attempts, String error) {
		Instant now = clock.instant();
		Instant next = retries.next(entry.created(), attempts, now);
		if (next == null) {
			log.failed(entry.id(), now, error + " (retried for " + properties.retryWindow() + ")");
			logger.warn("Notification {} of {} failed after {} attempts: {}", entry.eventId(), entry.subscriptionId(), attempts, error);
			return true;
		}
		log.retryAt(entry.id(), next, error);
		return false;
	}

	private HttpRequest request(DeliveryLog.Entry entry, CanonicalSubscription subscription) {
		String endpoint = subscription.getEndpointUrl().trim();
		String base = endpoint.endsWith("/") ? endpoint.substring(0, endpoint.length() - 1) : endpoint;
		String resource = entry.focus().replaceFirst("/_history/.*$", "");
		HttpRequest.Builder builder;
		if (entry.topic()) {
			builder = HttpRequest.newBuilder(URI.create(endpoint)).POST(body(entry)).header("Content-Type", contentType(entry));
		} else if (entry.contentType() != null) {
			builder = "DELETE".equals(entry.operation())
					? HttpRequest.newBuilder(URI.create(base + "/" + resource)).DELETE()
					: HttpRequest.newBuilder(URI.create(base + "/" + resource)).PUT(body(entry)).header("Content-Type", contentType(entry));
		} else {
			builder = HttpRequest.newBuilder(URI.create(endpoint)).POST(HttpRequest.BodyPublishers.noBody());
		}
		builder.timeout(properties.requestTimeout())
				.header(EVENT_ID_HEADER, entry.eventId())
				.header(EVENT_TIME_HEADER, String.valueOf(entry.created().getEpochSecond()))
				.header("User-Agent", "LungCare FHIR subscriptions");
		for (String header : subscription.getHeaders()) {
			if (header != null && !header.isBlank() && policy.headerRefusal(header) == null) {
				int colon = header.indexOf(':');
				builder.header(header.substring(0, colon).trim(), header.substring(colon + 1).trim());
			}
		}
		return builder.build();
	}

	private static HttpRequest.BodyPublisher body(DeliveryLog.Entry entry) {
		return HttpRequest.BodyPublishers.ofString(entry.payload() == null ? "" : entry.payload());
	}

	private static String contentType(DeliveryLog.Entry entry) {
		String type = entry.contentType() == null ? "application/fhir+json" : entry.contentType();
		return type.contains("xml") ? "application/fhir+xml; charset=UTF-8" : "application/fhir+json; charset=UTF-8";
	}

	private void purgeIfDue() {
		Instant now = clock.instant();
		if (now.isAfter(nextPurge)) {
			nextPurge = now.plus(Duration.ofHours(1));
			int purged = log.purge(now.minus(properties.logRetention()));
			if (purged > 0) {
				logger.info("Removed {} finished notifications from the delivery log", purged);
			}
		}
	}
}
