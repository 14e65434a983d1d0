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
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * Retries a write whose database transaction lost a race with a concurrent one: typically two transaction
 * bundles that conditionally create the same practitioner ({@code ifNoneExist}) at the same moment. The
 * loser's retry finds the winner's resource and matches it, instead of answering 409.
 * <p>
 * Only creates, updates and bundles are retried, and never a request with {@code If-Match}, nor a bundle (or a
 * batch entry) with an {@code ifMatch} or a DELETE: a stale version or a delete refused by referential integrity is
 * the client's conflict, and retrying it would only repeat the work. (HAPI's hook does not say what the conflict
 * was, so the request is judged by what it asks.)
 */
@Interceptor
final class ConflictRetryInterceptor implements StorageInterceptor {

	private static final Set<RestOperationTypeEnum> RETRIED = Set.of(
			RestOperationTypeEnum.TRANSACTION, RestOperationTypeEnum.CREATE, RestOperationTypeEnum.UPDATE);

	/** Request user-data key: the bundle being processed asks for something only the client can get right. */
	private static final String CLIENT_CONFLICT_POSSIBLE = "lungcare.database.client-conflict-possible";

	private final int maxRetries;

	ConflictRetryInterceptor(int maxRetries) {
		this.maxRetries = maxRetries;
	}

	/**
	 * Called for a transaction, for a batch, and again for each batch entry (HAPI runs it as a transaction of one
	 * entry, after the previous one): the flag always describes the bundle being processed now.
	 */
	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void inspect(IBaseBundle bundle, RequestDetails request) {
		if (request != null) {
			boolean clientConflictPossible = ((Bundle) bundle).getEntry().stream().map(Bundle.BundleEntryComponent::getRequest)
					.anyMatch(r -> r.hasIfMatch() || r.getMethod() == Bundle.HTTPVerb.DELETE);
			request.getUserData().put(CLIENT_CONFLICT_POSSIBLE, clientConflictPossible);
		}
	}

	@Hook(Pointcut.STORAGE_VERSION_CONFLICT)
	public ResourceVersionConflictResolutionStrategy retry(RequestDetails request) {
		ResourceVersionConflictResolutionStrategy strategy = new ResourceVersionConflictResolutionStrategy();
		boolean retried = maxRetries > 0 && request != null && RETRIED.contains(request.getRestOperationType())
				&& request.getHeader(Constants.HEADER_IF_MATCH) == null
				&& !Boolean.TRUE.equals(request.getUserData().get(CLIENT_CONFLICT_POSSIBLE));
		strategy.setRetry(retried);
		strategy.setMaxRetries(retried ? maxRetries : 0);
		return strategy;
	}
}
