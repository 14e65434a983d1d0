package be.lungcare.fhir.database;

import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Creates or upgrades the HAPI FHIR schema with HAPI's own migration tasks (the way HAPI
 * recommends for production), before Hibernate starts. Hibernate never changes the schema.
 * HAPI's migrator takes a lock in the database, so several instances starting together are safe.
 * <p>
 * On PostgreSQL, one of HAPI's tuning tasks is undone: it keeps statistics of up to 10,000 most common values for
 * the resource ids of {@code HFJ_RES_LINK}. The planner compares every id of a query's {@code IN} list, and every
 * join, against that list: planning a query of {@code $everything} or an {@code _include} took 4 to 16 ms against
 * 0.2 ms with PostgreSQL's default of 100, for a 0.1 ms execution (docs/performance.md, "Query planning"). The
 * 100 most referenced resources (shared practitioners, organizations) are still tracked.
 */
final class SchemaMigration {

	/** HAPI's standard name for its migration history table. */
	static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";

	/** The columns of HFJ_RES_LINK whose statistics target HAPI raises to 10,000, set back to the default. */
	static final List<String> LINK_ID_COLUMNS = List.of("src_resource_id", "target_resource_id");

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
		if (kind == DatabaseKind.POSTGRES) {
			defaultLinkStatistics(new JdbcTemplate(dataSource));
		}
		return new SchemaMigration(result);
	}

	/**
	 * Sets the statistics target of {@link #LINK_ID_COLUMNS} back to the default and, when that changed anything,
	 * analyzes the table once so that the smaller statistics apply at once (a sample of 30,000 rows). Nothing happens
	 * on later starts.
	 */
	static void defaultLinkStatistics(JdbcTemplate jdbc) {
		// attstattarget is -1 for the default up to PostgreSQL 16, null from 17
		List<String> raised = jdbc.queryForList("SELECT attname FROM pg_attribute WHERE attrelid = 'hfj_res_link'::regclass"
				+ " AND attname IN ('" + String.join("', '", LINK_ID_COLUMNS) + "') AND COALESCE(attstattarget, -1) <> -1", String.class);
		if (raised.isEmpty()) {
			return;
		}
		for (String column : raised) {
			jdbc.execute("ALTER TABLE hfj_res_link ALTER COLUMN " + column + " SET STATISTICS -1");
		}
		jdbc.execute("ANALYZE hfj_res_link");
		log.info("Statistics of hfj_res_link {} set back to PostgreSQL's default, for fast query planning", raised);
	}

	int appliedTasks() {
		return result.succeededTasks.size();
	}
}
