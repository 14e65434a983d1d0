package be.lungcare.fhir.search;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param offsetPaging  run client searches as offset searches (no stored search results; see
 *                      {@link OffsetPagingInterceptor}); when off, HAPI's stored, cached searches are used
 * @param maxOffset     the deepest {@code _offset} a client may page to (400 beyond)
 * @param maxParameters most criteria in one search ({@code name=value} pairs, result parameters such as
 *                      {@code _count} not counted); more is a 400 before anything runs
 * @param maxValues     most values of one criterion (comma-separated alternatives)
 */
@ConfigurationProperties("lungcare.search")
record SearchProperties(
		@DefaultValue("true") boolean offsetPaging,
		@DefaultValue("10000") int maxOffset,
		@DefaultValue("32") int maxParameters,
		@DefaultValue("100") int maxValues) {}
