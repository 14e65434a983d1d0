package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * HAPI's migration tasks build the schema on an empty PostgreSQL database, and a second run changes nothing; the
 * statistics of HFJ_RES_LINK's resource ids are at PostgreSQL's default after either.
 */
class SchemaMigrationIT {

	@Test
	void createsTheSchemaOnAnEmptyDatabaseAndIsIdempotent() throws SQLException {
		DataSource empty = TestDatabase.get().createEmptyDatabase("schema_migration_it");
		assertThat(tableExists(empty, "hfj_resource")).isFalse();

		SchemaMigration first = SchemaMigration.run(empty, DatabaseKind.POSTGRES);
		assertThat(first.appliedTasks()).isPositive();
		assertThat(tableExists(empty, "hfj_resource")).isTrue();
		assertThat(tableExists(empty, "hfj_spidx_token")).isTrue();
		assertThat(tableExists(empty, SchemaMigration.MIGRATION_TABLE)).isTrue();

		// HAPI's tuning task raised the resource ids to 10,000, set back; src_path (about 40 values) and the hashes keep theirs
		assertThat(raisedStatistics(empty, "hfj_res_link")).containsExactly("src_path");
		assertThat(raisedStatistics(empty, "hfj_spidx_token")).contains("hash_sys_and_value");
		// on a database migrated before this step, the next start sets HAPI's value back and analyzes once; a
		// target a DBA chose (here 500) is kept
		execute(empty, "ALTER TABLE hfj_res_link ALTER COLUMN target_resource_id SET STATISTICS 10000");
		execute(empty, "ALTER TABLE hfj_res_link ALTER COLUMN src_resource_id SET STATISTICS 500");
		assertThat(raisedStatistics(empty, "hfj_res_link")).containsExactly("src_path", "src_resource_id", "target_resource_id");
		long analyzed = linkAnalyzeCount(empty);

		SchemaMigration second = SchemaMigration.run(empty, DatabaseKind.POSTGRES);
		assertThat(second.appliedTasks()).isZero();
		assertThat(raisedStatistics(empty, "hfj_res_link")).containsExactly("src_path", "src_resource_id");
		assertThat(linkAnalyzeCount(empty)).isEqualTo(analyzed + 1);

		SchemaMigration.run(empty, DatabaseKind.POSTGRES);
		assertThat(linkAnalyzeCount(empty)).isEqualTo(analyzed + 1);
	}

	private static void execute(DataSource db, String sql) throws SQLException {
		try (Connection c = db.getConnection(); Statement statement = c.createStatement()) {
			statement.execute(sql);
		}
	}

	/** How many times hfj_res_link was analyzed by hand (not by autovacuum). */
	private static long linkAnalyzeCount(DataSource db) throws SQLException {
		try (Connection c = db.getConnection(); Statement statement = c.createStatement();
				ResultSet rs = statement.executeQuery("SELECT analyze_count FROM pg_stat_user_tables WHERE relname = 'hfj_res_link'")) {
			rs.next();
			return rs.getLong(1);
		}
	}

	/** The columns of a table whose statistics target is not PostgreSQL's default. */
	private static List<String> raisedStatistics(DataSource db, String table) throws SQLException {
		List<String> columns = new ArrayList<>();
		try (Connection c = db.getConnection(); Statement statement = c.createStatement();
				ResultSet rs = statement.executeQuery("SELECT attname FROM pg_attribute WHERE attrelid = '" + table
						+ "'::regclass AND attnum > 0 AND COALESCE(attstattarget, -1) <> -1 ORDER BY attname")) {
			while (rs.next()) {
				columns.add(rs.getString(1));
			}
		}
		return columns;
	}

	private static boolean tableExists(DataSource db, String table) throws SQLException {
		// HAPI creates its migration table with a quoted upper-case name, the rest unquoted
		try (Connection c = db.getConnection();
				ResultSet rs = c.getMetaData().getTables(null, "public", null, new String[] {"TABLE"})) {
			while (rs.next()) {
				if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
					return true;
				}
			}
			return false;
		}
	}
}
