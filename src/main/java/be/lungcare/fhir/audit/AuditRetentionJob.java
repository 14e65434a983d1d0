package be.lungcare.fhir.audit;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes AuditEvents older than the retention ({@code LUNGCARE_AUDIT_RETENTION}, 10 years by default): a minute
 * after start-up, then every {@code LUNGCARE_AUDIT_PURGE_INTERVAL} (a day).
 */
final class AuditRetentionJob implements AutoCloseable {

	private static final Logger log = LoggerFactory.getLogger(AuditRetentionJob.class);

	private final AuditStore store;
	private final Duration retention;
	private final Clock clock;
	private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
		Thread thread = new Thread(runnable, "audit-retention");
		thread.setDaemon(true);
		return thread;
	});

	AuditRetentionJob(AuditStore store, Duration retention, Duration interval, Clock clock) {
		this.store = store;
		this.retention = retention;
		this.clock = clock;
		scheduler.scheduleWithFixedDelay(this::purge, 60, interval.toSeconds(), TimeUnit.SECONDS);
	}

	/** Removes the events recorded before now minus the retention; returns how many. */
	int purge() {
		try {
			int removed = store.purgeBefore(clock.instant().minus(retention));
			log.info("Audit retention: {} AuditEvents older than {} days removed", removed, retention.toDays());
			return removed;
		} catch (RuntimeException e) {
			log.warn("Audit retention could not run now; it will try again", e);
			return 0;
		}
	}

	@Override
	public void close() {
		scheduler.shutdownNow();
	}
}
