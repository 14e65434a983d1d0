package be.lungcare.fhir.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offsetPaging run searches as offset searches (no stored search results; see
 *                     {@link OffsetPagingInterceptor}); when off, HAPI's stored, cached searches are used
 */
@ConfigurationProperties("lungcare.search")
record SearchProperties(@DefaultValue("true") boolean offsetPaging) {}
