package be.lungcare.fhir.config;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App-wide FHIR server settings.
 *
 * @param publicBaseUrl   base URL the server announces (links, CapabilityStatement); empty: taken from each request
 * @param defaultPageSize search results per page when the client gives no {@code _count}
 * @param maxPageSize     largest {@code _count} honoured
 * @param retryAfter      what a 503 tells clients to wait ({@code Retry-After}): the database is unreachable, or
 *                        the server already holds all the work it is sized for
 */
@ConfigurationProperties("lungcare.server")
public record ServerProperties(
		@DefaultValue("") String publicBaseUrl,
		@DefaultValue("20") int defaultPageSize,
		@DefaultValue("200") int maxPageSize,
		@DefaultValue("5s") Duration retryAfter) {}
