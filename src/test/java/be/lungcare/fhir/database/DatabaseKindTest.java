package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseKindTest {

	@Test
	void recognisesTheSupportedDatabases() {
		assertThat(DatabaseKind.fromJdbcUrl("jdbc:postgresql://db:5432/lungcare")).isEqualTo(DatabaseKind.POSTGRES);
		assertThat(DatabaseKind.fromJdbcUrl("jdbc:h2:file:./data/lungcare")).isEqualTo(DatabaseKind.H2);
	}

	@Test
	void refusesOthersWithAClearMessage() {
		assertThatThrownBy(() -> DatabaseKind.fromJdbcUrl("jdbc:mysql://db/x"))
				.isInstanceOf(IllegalStateException.class)
				.hasMessageContaining("PostgreSQL");
		assertThatThrownBy(() -> DatabaseKind.fromJdbcUrl(null)).isInstanceOf(IllegalStateException.class);
	}
}
