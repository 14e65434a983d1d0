package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionLoader;
import ca.uhn.fhir.jpa.subscription.model.ResourceModifiedMessage;
import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage;
import org.hl7.fhir.r4.model.Subscription;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps HAPI's registry of active subscriptions in step with the database when a Subscription changes. HAPI
 * activates and registers a new subscription while matching its change, which here happens inside the transaction of
 * the matching pass ({@link SynchronousMatchingChannelFactory}); HAPI's periodic reload of the registry, on another
 * thread, reads the committed subscriptions and drops every registered one it does not find, so a reload that reads
 * just before that transaction commits unregisters the new subscription until the next reload, and its first
 * notifications are missed. After the commit of an active (or deleted) subscription's change, the registry is
 * reloaded here, before the matching thread matches the next change; reloads run one at a time, so a stale one
 * finishes first.
 */
@Interceptor
final class RegistryRefreshInterceptor implements StorageInterceptor {

	private static final Logger logger = LoggerFactory.getLogger(RegistryRefreshInterceptor.class);

	private final FhirContext fhirContext;
	private final SubscriptionLoader loader;
	private final ExecutorService reloader = Executors.newSingleThreadExecutor(r -> {
		Thread thread = new Thread(r, "subscription-registry-reload");
		thread.setDaemon(true);
		return thread;
	});

	RegistryRefreshInterceptor(FhirContext fhirContext, SubscriptionLoader loader) {
		this.fhirContext = fhirContext;
		this.loader = loader;
	}

	@Hook(Pointcut.SUBSCRIPTION_BEFORE_PERSISTED_RESOURCE_CHECKED)
	public boolean reloadAfterCommitIfSubscription(ResourceModifiedMessage change) {
		if (change.hasResourceType(fhirContext, "Subscription") && TransactionSynchronizationManager.isSynchronizationActive()
				&& isActiveOrGone(change)) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					// on a thread of its own (the committed transaction's resources are still bound to this one), waited for
					try {
						CompletableFuture.runAsync(loader::forceRefresh, reloader).join();
					} catch (RuntimeException e) {
						logger.warn("Subscription registry not reloaded after a Subscription changed: {}", e.toString());
					}
				}
			});
		}
		return true;
	}

	/**
	 * A subscription activated, changed while active, or deleted. Not one still {@code requested}: the reload would
	 * activate it too, beside HAPI's activation of it on the matching thread.
	 */
	private boolean isActiveOrGone(ResourceModifiedMessage change) {
		if (change.getOperationType() == BaseResourceMessage.OperationTypeEnum.DELETE) {
			return true;
		}
		return change.getNewResource(fhirContext) instanceof Subscription subscription
				&& subscription.getStatus() == Subscription.SubscriptionStatus.ACTIVE;
	}
}
