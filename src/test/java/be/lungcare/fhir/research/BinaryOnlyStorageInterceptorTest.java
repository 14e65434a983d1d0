package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/** Whether a database holds binary content of resources other than Binary, stored apart by HAPI's interceptor. */
class BinaryOnlyStorageInterceptorTest {

	@Test
	void contentOfOtherResourcesStoredBeforeIsFound() {
		SingleConnectionDataSource database = new SingleConnectionDataSource("jdbc:h2:mem:binary-storage", "sa", "", true);
		try {
			JdbcTemplate jdbc = new JdbcTemplate(database);
			jdbc.execute("CREATE TABLE HFJ_BINARY_STORAGE_BLOB (BLOB_ID VARCHAR(200) PRIMARY KEY, RESOURCE_ID VARCHAR(100) NOT NULL)");
			assertThat(BinaryOnlyStorageInterceptor.otherTypesStored(jdbc)).as("empty").isFalse();

			jdbc.update("INSERT INTO HFJ_BINARY_STORAGE_BLOB VALUES ('a', 'Binary/12')");
			assertThat(BinaryOnlyStorageInterceptor.otherTypesStored(jdbc)).as("export files only").isFalse();

			jdbc.update("INSERT INTO HFJ_BINARY_STORAGE_BLOB VALUES ('b', 'DocumentReference/7')");
			assertThat(BinaryOnlyStorageInterceptor.otherTypesStored(jdbc)).as("an attachment stored apart").isTrue();
		} finally {
			database.destroy();
		}
	}
}
