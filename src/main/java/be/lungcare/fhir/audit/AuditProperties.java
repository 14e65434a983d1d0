package be.lungcare.fhir.audit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The audit trail ({@code LUNGCARE_AUDIT_…}).
 *
 * @param enabled       record an AuditEvent for every access (off only for measuring its cost)
 * @param retention     how long AuditEvents are kept (default 10 years)
 * @param purgeInterval how often events older than the retention are removed
 */
@ConfigurationProperties("lungcare.audit")
record AuditProperties(
		@DefaultValue("true") boolean enabled,
		@DefaultValue("3650d") Duration retention,
		@DefaultValue("1d") Duration purgeInterval) {}
