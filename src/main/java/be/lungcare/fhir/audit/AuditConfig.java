package be.lungcare.fhir.audit;

import be.lungcare.fhir.access.PatientCompartment;
import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import javax.sql.DataSource;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The audit trail: BALP-shaped AuditEvents of every request, stored in the server's database ({@link AuditStore}),
 * readable as AuditEvent. {@code lungcare.audit.enabled=false} stops the recording (for measuring its cost); the
 * stored events stay readable.
 */
@Configuration(proxyBeanMethods = false)
class AuditConfig {

	private static final String ENABLED = "lungcare.audit.enabled";

	@Bean
	AuditStore auditStore(DataSource dataSource, FhirContext fhirContext) {
		AuditStore store = new AuditStore(dataSource, fhirContext);
		store.createTables();
		return store;
	}

	@Bean
	AuditEventProvider auditEventProvider(AuditStore store) {
		return new AuditEventProvider(store);
	}

	@Bean(destroyMethod = "close")
	AuditRetentionJob auditRetentionJob(AuditStore store, AuditProperties properties) {
		return new AuditRetentionJob(store, properties.retention(), properties.purgeInterval(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AuditEvents auditEvents(AuditStore store) {
		return new AuditEvents(store);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AuditEventBuilder auditEventBuilder(PatientCompartment compartment) {
		return new AuditEventBuilder(compartment, new AuditAgents());
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AuditRequestInterceptor auditRequestInterceptor(AuditEvents events, AuditEventBuilder builder, FhirContext fhirContext) {
		return new AuditRequestInterceptor(events, builder, fhirContext);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AuditWriteInterceptor auditWriteInterceptor(AuditEvents events, AuditEventBuilder builder) {
		return new AuditWriteInterceptor(events, builder);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AuditFailureInterceptor auditFailureInterceptor(AuditEvents events, AuditStore store, AuditEventBuilder builder) {
		return new AuditFailureInterceptor(events, store, builder);
	}

	/** Around Spring Security's filter chain, so that it sees the 401s. */
	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	FilterRegistrationBean<UnauthenticatedAuditFilter> unauthenticatedAuditFilter(AuditStore store) {
		FilterRegistrationBean<UnauthenticatedAuditFilter> registration = new FilterRegistrationBean<>(new UnauthenticatedAuditFilter(store));
		registration.addUrlPatterns("/fhir/*");
		registration.setOrder(org.springframework.boot.autoconfigure.security.SecurityProperties.DEFAULT_FILTER_ORDER - 1);
		return registration;
	}
}
