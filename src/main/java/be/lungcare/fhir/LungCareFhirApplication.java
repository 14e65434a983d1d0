package be.lungcare.fhir;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.elasticsearch.ElasticsearchRestClientAutoConfiguration;
import org.springframework.boot.autoconfigure.flyway.FlywayAutoConfiguration;
import org.springframework.boot.autoconfigure.orm.jpa.HibernateJpaAutoConfiguration;
import org.springframework.boot.autoconfigure.quartz.QuartzAutoConfiguration;
import org.springframework.boot.autoconfigure.security.servlet.UserDetailsServiceAutoConfiguration;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

/**
 * LungCare FHIR: a HAPI FHIR R4 JPA server for integrated care of chronic lung disease.
 * HAPI builds its own entity manager factory and migrates its own schema (package {@code database}),
 * so Boot's JPA and Flyway auto-configuration are off.
 */
@SpringBootApplication(
		exclude = {
			HibernateJpaAutoConfiguration.class,
			FlywayAutoConfiguration.class,
			QuartzAutoConfiguration.class, // HAPI runs its own schedulers
			ElasticsearchRestClientAutoConfiguration.class, // no Elasticsearch: HAPI searches the database
			UserDetailsServiceAutoConfiguration.class // no users or passwords here: bearer tokens (package access)
		})
@ConfigurationPropertiesScan
public class LungCareFhirApplication {

	public static void main(String[] args) {
		SpringApplication.run(LungCareFhirApplication.class, args);
	}
}
