package be.lungcare.fhir.database;

import ca.uhn.fhir.jpa.migrate.HapiMigrator;
import ca.uhn.fhir.jpa.migrate.MigrationResult;
import ca.uhn.fhir.jpa.migrate.tasks.HapiFhirJpaMigrationTasks;
import ca.uhn.fhir.util.VersionEnum;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates or upgrades the HAPI FHIR schema with HAPI's own migration tasks (the way HAPI
 * recommends for production), before Hibernate starts. Hibernate never changes the schema.
 * HAPI's migrator takes a lock in the database, so several instances starting together are safe.
 * <p>
 * On PostgreSQL, one of HAPI's tuning tasks is then undone, once HAPI's migration lock is released: it keeps statistics
 * of up to 10,000 most common values for the resource ids of {@code HFJ_RES_LINK}. The planner compares every id of a
 * query's {@code IN} list, and every join, against those lists: planning a query of {@code $everything} or an
 * {@code _include} took 4 to 16 ms against 0.2 ms with PostgreSQL's default target (100 with the default
 * {@code default_statistics_target}), for a 0.1 ms execution (docs/performance.md, "Query planning"). Up to 100 most
 * referenced resources (shared practitioners, organisations) are still tracked. HAPI's other targets ({@code SRC_PATH}
 * and the hash columns of the search indexes, compared with constants only) are kept.
 */
final class SchemaMigration {

	/** HAPI's standard name for its migration history table. */
	static final String MIGRATION_TABLE = "FLY_HFJ_MIGRATION";

	/** HAPI's statistics target for the resource-id columns of HFJ_RES_LINK; a lower one, a DBA's choice, is kept. */
	private static final int HAPI_LINK_STATISTICS = 10_000;

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
			defaultLinkStatistics(dataSource);
		}
		return new SchemaMigration(result);
	}

	/**
	 * Sets the statistics target of {@code HFJ_RES_LINK}'s two resource-id columns back to the default where HAPI
	 * raised it, and analyzes those columns (a sample of 30,000 rows) so that the smaller lists apply at once; both in
	 * one transaction, so that a start that dies half-way leaves the raised targets for the next start to redo. Nothing
	 * happens on later starts. A failure (e.g. a lock held by a long manual {@code VACUUM}) is a warning: the server
	 * works, with slower query planning, and the next start tries again.
	 */
	private static void defaultLinkStatistics(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			connection.setAutoCommit(false);
			try (Statement statement = connection.createStatement()) {
				statement.execute("SET LOCAL lock_timeout = '10s'");
				List<String> raised = new ArrayList<>();
				// attstattarget is -1 for the default up to PostgreSQL 16, null from 17
				try (ResultSet rs = statement.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = 'hfj_res_link'::regclass"
						+ " AND attname IN ('src_resource_id', 'target_resource_id') AND COALESCE(attstattarget, -1) >= "
						+ HAPI_LINK_STATISTICS + " ORDER BY attname")) {
					while (rs.next()) {
						raised.add(rs.getString(1));
					}
				}
				if (raised.isEmpty()) {
					connection.rollback();
					return;
				}
				for (String column : raised) {
					statement.execute("ALTER TABLE hfj_res_link ALTER COLUMN " + column + " SET STATISTICS -1");
				}
				statement.execute("ANALYZE hfj_res_link (" + String.join(", ", raised) + ")");
				connection.commit();
				log.info("Statistics of hfj_res_link {} set back to PostgreSQL's default, for fast query planning", raised);
			} catch (SQLException e) {
				connection.rollback();
				throw e;
			}
		} catch (SQLException e) {
			log.warn("Statistics of hfj_res_link left as HAPI set them (slower query planning); the next start tries again: {}",
					e.getMessage());
		}
	}

	int appliedTasks() {
		return result.succeededTasks.size();
	}
}
