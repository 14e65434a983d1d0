package be.lungcare.fhir.config;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * App-wide FHIR server settings.
 *
 * @param publicBaseUrl   base URL the server announces (links, CapabilityStatement); empty: taken from each request
 * @param defaultPageSize search results per page when the client gives no {@code _count}
 * @param maxPageSize     largest {@code _count} honoured
 */
@ConfigurationProperties("lungcare.server")
public record ServerProperties(
		@DefaultValue("") String publicBaseUrl,
		@DefaultValue("20") int defaultPageSize,
		@DefaultValue("200") int maxPageSize) {}
