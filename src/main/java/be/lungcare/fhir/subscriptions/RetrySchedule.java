package be.lungcare.fhir.subscriptions;

import java.time.Duration;
import java.time.Instant;

/**
 * When a notification that could not be delivered is tried again: after {@code firstRetry}, then each wait twice the
 * one before, at most {@code maxInterval}; never after {@code window} has passed since the event (then it fails).
 */
record RetrySchedule(Duration firstRetry, Duration maxInterval, Duration window) {

	/**
	 * The next attempt after {@code attempts} failed ones, or null when the window is over. The last attempt is
	 * made at the window's end.
	 *
	 * @param created  when the event was recorded
	 * @param attempts the attempts made so far (at least 1)
	 * @param now      the time of the failure
	 */
	Instant next(Instant created, int attempts, Instant now) {
		Duration wait = firstRetry;
		for (int i = 1; i < attempts && wait.compareTo(maxInterval) < 0; i++) {
			wait = wait.multipliedBy(2);
		}
		if (wait.compareTo(maxInterval) > 0) {
			wait = maxInterval;
		}
		Instant end = created.plus(window);
		if (!now.isBefore(end)) {
			return null;
		}
		Instant next = now.plus(wait);
		return next.isAfter(end) ? end : next;
	}
}
