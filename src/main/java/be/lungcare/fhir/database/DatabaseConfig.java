package be.lungcare.fhir.database;

import be.lungcare.fhir.config.ServerProperties;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.config.util.HapiEntityManagerFactoryUtil;
import com.zaxxer.hikari.HikariDataSource;
import jakarta.persistence.EntityManagerFactory;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Properties;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.autoconfigure.jdbc.DataSourceProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.orm.jpa.JpaTransactionManager;
import org.springframework.orm.jpa.LocalContainerEntityManagerFactoryBean;

/**
 * Persistence wiring: schema migration first, then HAPI's entity manager factory on the
 * Spring Boot data source (HikariCP), with the HAPI dialect that matches the database.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfig {

	@Bean
	DatabaseKind databaseKind(DataSourceProperties dataSourceProperties) {
		return DatabaseKind.fromJdbcUrl(dataSourceProperties.determineUrl());
	}

	/**
	 * Migrations run on a small pool of their own, closed afterwards: it has none of the main
	 * pool's settings, so the per-statement timeout (PostgreSQL profile) cannot cancel a long
	 * index build during an upgrade.
	 */
	@Bean
	SchemaMigration schemaMigration(DataSourceProperties dataSourceProperties, DatabaseKind kind) {
		try (HikariDataSource migrationPool =
				dataSourceProperties.initializeDataSourceBuilder().type(HikariDataSource.class).build()) {
			migrationPool.setPoolName("schema-migration");
			migrationPool.setMaximumPoolSize(2);
			return SchemaMigration.run(migrationPool, kind);
		}
	}

	@Bean
	@Primary
	LocalContainerEntityManagerFactoryBean entityManagerFactory(
			SchemaMigration schemaIsMigrated,
			DataSource dataSource,
			DatabaseKind kind,
			DatabaseProperties properties,
			ConfigurableListableBeanFactory beanFactory,
			FhirContext fhirContext,
			JpaStorageSettings storageSettings) {
		LocalContainerEntityManagerFactoryBean factory =
				HapiEntityManagerFactoryUtil.newEntityManagerFactory(beanFactory, fhirContext, storageSettings);
		factory.setPersistenceUnitName("HAPI_PU");
		factory.setDataSource(dataSource);
		factory.setJpaProperties(hibernateProperties(kind, properties));
		return factory;
	}

	@Bean
	DatabaseUnavailableInterceptor databaseUnavailableInterceptor(ServerProperties server, DataSource dataSource) {
		return new DatabaseUnavailableInterceptor(server.retryAfter(), () -> isReachable(dataSource));
	}

	@Bean
	ConflictRetryInterceptor conflictRetryInterceptor(DatabaseProperties properties) {
		return new ConflictRetryInterceptor(properties.conflictRetries());
	}

	@Bean
	BundleConcurrencyLimitInterceptor bundleConcurrencyLimitInterceptor(DatabaseProperties properties, ServerProperties server) {
		return new BundleConcurrencyLimitInterceptor(properties.concurrentBundlesOrProcessors(),
				properties.bundleQueueLength(), properties.bundleQueueTimeout(), server.retryAfter());
	}

	/** Bounded by the pool's connection timeout when the database is down. */
	private static boolean isReachable(DataSource dataSource) {
		try (Connection connection = dataSource.getConnection()) {
			return connection.isValid(2);
		} catch (SQLException e) {
			return false;
		}
	}

	@Bean
	@Primary
	JpaTransactionManager transactionManager(EntityManagerFactory entityManagerFactory) {
		return new JpaTransactionManager(entityManagerFactory);
	}

	private static Properties hibernateProperties(DatabaseKind kind, DatabaseProperties properties) {
		Properties hibernate = new Properties();
		hibernate.put("hibernate.dialect", kind.dialect().getName());
		// The schema belongs to HAPI's migration tasks (SchemaMigration), never to Hibernate.
		hibernate.put("hibernate.hbm2ddl.auto", "none");
		hibernate.put("hibernate.search.enabled", "false");
		hibernate.put("hibernate.jdbc.batch_size", Integer.toString(properties.jdbcBatchSize()));
		hibernate.put("hibernate.order_inserts", "true");
		hibernate.put("hibernate.order_updates", "true");
		return hibernate;
	}
}
