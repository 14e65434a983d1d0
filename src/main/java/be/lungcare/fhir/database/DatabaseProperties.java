package be.lungcare.fhir.database;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Database settings of LungCare FHIR (the connection itself is Spring Boot's {@code spring.datasource.*}).
 *
 * @param jdbcBatchSize  statements Hibernate sends to the database in one JDBC batch
 * @param conflictRetries how often a write that lost a race with a concurrent one (e.g. two bundles
 *                       creating the same practitioner) is retried before the client gets 409
 * @param concurrentBundles transaction and batch bundles processed at once; more wait their turn (0: one per
 *                       processor but one, at least one)
 * @param bundleQueueTimeout how long a bundle waits for its turn before the client gets 503
 * @param bundleQueueLength  how many bundles may wait for their turn; more get 503 at once
 */
@ConfigurationProperties("lungcare.database")
record DatabaseProperties(
		@DefaultValue("50") int jdbcBatchSize,
		@DefaultValue("5") int conflictRetries,
		@DefaultValue("0") int concurrentBundles,
		@DefaultValue("60s") Duration bundleQueueTimeout,
		@DefaultValue("16") int bundleQueueLength) {

	/** The configured number, or one fewer than the processors (at least one): a core stays free for the reads. */
	int concurrentBundlesOrProcessors() {
		return concurrentBundles > 0 ? concurrentBundles : Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
	}
}
