package be.lungcare.fhir.database;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Lets only a few transaction and batch bundles be processed at once; the others wait their turn
 * (up to a limit, then 503 with {@code Retry-After}). A bundle keeps a core busy for a second or more
 * (validation and storage of about 150 resources); running more of them than there are cores only adds
 * contention and retried conflicts, and starves the reads.
 */
@Interceptor
final class BundleConcurrencyLimitInterceptor implements RestInterceptor {

	private static final String PERMIT = BundleConcurrencyLimitInterceptor.class.getName() + ".permit";

	private final Semaphore permits;
	private final Duration maxWait;
	private final Duration retryAfter;

	BundleConcurrencyLimitInterceptor(int concurrentBundles, Duration maxWait, Duration retryAfter) {
		this.permits = new Semaphore(concurrentBundles, true);
		this.maxWait = maxWait;
		this.retryAfter = retryAfter;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void acquire(ServletRequestDetails request, RestOperationTypeEnum operation) throws InterruptedException {
		if (operation != RestOperationTypeEnum.TRANSACTION) {
			return;
		}
		if (!permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
			request.getServletResponse().setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
			throw new DatabaseUnavailableInterceptor.ServiceUnavailableException("The server is busy with other bundles;"
					+ " retry this one later. Nothing of it was stored.");
		}
		request.getUserData().put(PERMIT, Boolean.TRUE);
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void release(RequestDetails request) {
		if (request.getUserData().remove(PERMIT) != null) {
			permits.release();
		}
	}

	int availablePermits() {
		return permits.availablePermits();
	}
}
