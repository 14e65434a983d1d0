package be.lungcare.fhir.database;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;

/**
 * Retries a write whose database transaction lost a race with a concurrent one: typically two transaction
 * bundles that conditionally create the same practitioner ({@code ifNoneExist}) at the same moment. The
 * loser's retry finds the winner's resource and matches it, instead of answering 409.
 */
@Interceptor
final class ConflictRetryInterceptor implements StorageInterceptor {

	private final int maxRetries;

	ConflictRetryInterceptor(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy retry() {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		strategy.setRetry(maxRetries > 0);
		strategy.setMaxRetries(maxRetries);
		return strategy;
	}
}
