package be.lungcare.fhir.database;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.api.model.ResourceVersionConflictResolutionStrategy;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;

/**
 * Retries a write whose database transaction lost a race with a concurrent one: typically two transaction
 * bundles that conditionally create the same practitioner ({@code ifNoneExist}) at the same moment. The
 * loser's retry finds the winner's resource and matches it, instead of answering 409.
 * <p>
 * Only creates, updates and bundles are retried, and never a request with {@code If-Match}: a stale version
 * or a delete refused by referential integrity is the client's conflict, and retrying it would only repeat
 * the work.
 */
@Interceptor
final class ConflictRetryInterceptor implements StorageInterceptor {

	private static final Set<RestOperationTypeEnum> RETRIED = Set.of(
			RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.CREATE, RestOperationTypeEnum.UPDATE);

	private final int maxRetries;

	ConflictRetryInterceptor(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy retry(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		boolean retried = maxRetries > 0 && request != null && RETRIED.contains(request.getRestOperationType())
				&& request.getHeader(Constants.HEADER_IF_MATCH) == null;
		strategy.setRetry(retried);
		strategy.setMaxRetries(retried ? maxRetries : 0);
		return strategy;
	}
}
