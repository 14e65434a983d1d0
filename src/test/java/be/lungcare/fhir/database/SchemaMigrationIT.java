package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.TestDatabase;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** HAPI's migration tasks build the schema on an empty PostgreSQL database, and a second run changes nothing. */
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

		SchemaMigration second = SchemaMigration.run(empty, DatabaseKind.POSTGRES);
		assertThat(second.appliedTasks()).isZero();
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
