package be.lungcare.fhir.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * The work the server holds for request bodies at one time, in elements: a body weighs what its shape scan
 * counted (or its size, for bodies of few, long strings). A request takes its weight before it is parsed and
 * gives it back when it is answered, so the bodies in flight together never exceed what the heap was sized for,
 * whatever the number of clients (docs/hardening.md). A request that cannot get its weight within the wait, or
 * finds too many others waiting, is told to come back later (503).
 */
final class WorkBudget {

	/** A body byte weighs this fraction of an element (long strings cost memory, but far less than elements). */
	static final int BYTES_PER_ELEMENT = 200;

	private final Semaphore budget;
	private final int capacity;
	private final int maxWaiting;
	private final Duration maxWait;

	WorkBudget(int capacity, int maxWaiting, Duration maxWait) {
		this.budget = new Semaphore(capacity, true);
		this.capacity = capacity;
		this.maxWaiting = maxWaiting;
		this.maxWait = maxWait;
	}

	int capacity() {
		return capacity;
	}

	static int weightOfBytes(long bytes) {
		return (int) Math.min(Integer.MAX_VALUE, (bytes + BYTES_PER_ELEMENT - 1) / BYTES_PER_ELEMENT);
	}

	/**
	 * Takes {@code weight} (at most the capacity), waiting its turn up to the configured time; false when it could
	 * not. Requests are served in order: a large one is not overtaken for ever by small ones.
	 */
	boolean acquire(int weight) throws InterruptedException {
		int permits = Math.min(weight, capacity);
		if (permits <= 0 || budget.tryAcquire(permits, 0, TimeUnit.MILLISECONDS)) {
			return true;
		}
		return budget.getQueueLength() < maxWaiting && budget.tryAcquire(permits, maxWait.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Takes {@code weight} only if it is free now (and no one waits before), without waiting. */
	boolean acquireNow(int weight) throws InterruptedException {
		int permits = Math.min(weight, capacity);
		return permits <= 0 || budget.tryAcquire(permits, 0, TimeUnit.MILLISECONDS);
	}

	void release(int weight) {
		int permits = Math.min(weight, capacity);
		if (permits > 0) {
			budget.release(permits);
		}
	}

	/** Free weight now (for tests and metrics). */
	int available() {
		return budget.availablePermits();
	}
}
