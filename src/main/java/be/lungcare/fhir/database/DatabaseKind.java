package be.lungcare.fhir.database;

import ca.uhn.fhir.jpa.migrate.DriverTypeEnum;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirH2Dialect;
import ca.uhn.fhir.jpa.model.dialect.HapiFhirPostgresDialect;
import org.hibernate.dialect.Dialect;

/** The databases LungCare FHIR runs on, recognised from the JDBC URL. */
enum DatabaseKind {
	/** Zero-setup default for a local run. */
	H2("jdbc:h2:", DriverTypeEnum.H2_EMBEDDED, HapiFhirH2Dialect.class),
	/** Production, and the integration tests. */
	POSTGRES("jdbc:postgresql:", DriverTypeEnum.POSTGRES_9_4, HapiFhirPostgresDialect.class);

	private final String urlPrefix;
	private final DriverTypeEnum driverType;
	private final Class<? extends Dialect> dialect;

	DatabaseKind(String urlPrefix, DriverTypeEnum driverType, Class<? extends Dialect> dialect) {
		this.urlPrefix = urlPrefix;
		this.driverType = driverType;
		this.dialect = dialect;
	}

	DriverTypeEnum driverType() {
		return driverType;
	}

	Class<? extends Dialect> dialect() {
		return dialect;
	}

	static DatabaseKind fromJdbcUrl(String jdbcUrl) {
		for (DatabaseKind kind : values()) {
			if (jdbcUrl != null && jdbcUrl.startsWith(kind.urlPrefix)) {
				return kind;
			}
		}
		throw new IllegalStateException("Unsupported database URL (LungCare FHIR runs on PostgreSQL, or H2 for a local run)");
	}
}
