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
 * Lets only a few transaction and batch bundles be processed at once; the others wait their turn, before
 * their body is parsed (up to {@code maxWait}, then 503 with {@code Retry-After}; at once when
 * {@code maxWaiting} bundles already wait). A bundle keeps a core busy for a second or more
 * (validation and storage of about 150 resources); running more of them than there are cores only adds
 * contention and retried conflicts, and starves the reads.
 */
@Interceptor
final class BundleConcurrencyLimitInterceptor implements RestInterceptor {

	/** Marks a request that holds a permit (key in the request's user data). */
	private final Object permitKey = new Object();
	private final Semaphore permits;
	private final int maxWaiting;
	private final Duration maxWait;
	private final Duration retryAfter;

	BundleConcurrencyLimitInterceptor(int concurrentBundles, int maxWaiting, Duration maxWait, Duration retryAfter) {
		this.permits = new Semaphore(concurrentBundles, true);
		this.maxWaiting = maxWaiting;
		this.maxWait = maxWait;
		this.retryAfter = retryAfter;
	}

	/** Runs once HAPI knows the operation, before the body is parsed: a waiting bundle holds only its bytes. */
	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean acquire(ServletRequestDetails request) {
		if (request.getRestOperationType() != RestOperationTypeEnum.TRANSACTION) {
			return true;
		}
		boolean acquired;
		try {
			acquired = permits.tryAcquire()
					|| permits.getQueueLength() < maxWaiting && permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			acquired = false;
		}
		if (!acquired) {
			throw DatabaseUnavailableInterceptor.ServiceUnavailableException.retryAfter(request.getServletResponse(),
					retryAfter, "The server is busy with other bundles; retry this one later. Nothing of it was stored.");
		}
		request.getUserData().put(permitKey, Boolean.TRUE);
		return true;
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void release(RequestDetails request) {
		if (request.getUserData().remove(permitKey) != null) {
			permits.release();
		}
	}

	int availablePermits() {
		return permits.availablePermits();
	}

	/** Bundles waiting for their turn now (an estimate, as {@link Semaphore#getQueueLength()}). */
	int waitingBundles() {
		return permits.getQueueLength();
	}

	/** For tests: takes every free turn, as if that many bundles were in progress; returns how many. */
	int holdFreeTurns() {
		return permits.drainPermits();
	}

	/** For tests: gives back turns taken by {@link #holdFreeTurns()}. */
	void releaseTurns(int turns) {
		permits.release(turns);
	}
}
