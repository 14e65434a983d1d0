package be.lungcare.fhir.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offsetPaging run client searches as offset searches (no stored search results; see
 *                     {@link OffsetPagingInterceptor}); when off, HAPI's stored, cached searches are used
 * @param maxOffset    the deepest {@code _offset} a client may page to (400 beyond)
 */
@ConfigurationProperties("lungcare.search")
record SearchProperties(
		@DefaultValue("true") boolean offsetPaging,
		@DefaultValue("10000") int maxOffset) {}
