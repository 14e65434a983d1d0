package be.lungcare.fhir.database;

import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades the HAPI FHIR schema with HAPI's own migration tasks (the way HAPI
 * recommends for production), before Hibernate starts. Hibernate never changes the schema.
 * HAPI's migrator takes a lock in the database, so several instances starting together are safe.
 */
final class SchemaMigration {

	/** HAPI's standard name for its migration history table. */
	static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";

	private static final Logger log = LoggerFactory.getLogger(SchemaMigration.class);

	private final MigrationResult result;

	private SchemaMigration(MigrationResult result) {
		this.result = result;
	}

	static SchemaMigration run(DataSource dataSource, DatabaseKind kind) {
		HapiMigrator migrator = new HapiMigrator(MIGRATION_TABLE, dataSource, kind.driverType());
		migrator.addTasks(new HapiFhirJpaMigrationTasks(Set.of()).getAllTasks(VersionEnum.values()));
		migrator.createMigrationTableIfRequired();
		long start = System.nanoTime();
		MigrationResult result = migrator.migrate();
		if (!result.failedTasks.isEmpty()) {
			throw new IllegalStateException("Database schema migration failed: " + result.failedTasks.size() + " task(s) failed");
		}
		log.info("Database schema ({}) is up to date: {} migration task(s) applied in {} ms",
				kind, result.succeededTasks.size(), (System.nanoTime() - start) / 1_000_000);
		return new SchemaMigration(result);
	}

	int appliedTasks() {
		return result.succeededTasks.size();
	}
}
