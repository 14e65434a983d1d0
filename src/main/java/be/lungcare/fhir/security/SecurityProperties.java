package be.lungcare.fhir.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * @param allowedOperations    FHIR operations the server answers; every other one ({@code $expunge},
 *                             {@code $reindex}, {@code $hapi.fhir.replace-references}, ...) is refused
 * @param maxRequestBody       largest request body accepted, as sent
 * @param maxDecompressedBody  largest request body after gzip decompression
 * @param maxBundleEntries     most entries in one transaction or batch
 */
@ConfigurationProperties("lungcare.security")
record SecurityProperties(
		@DefaultValue({"$validate", "$everything", "$meta", "$validate-code", "$lookup", "$translate"})
				List<String> allowedOperations,
		@DefaultValue("20MB") DataSize maxRequestBody,
		@DefaultValue("50MB") DataSize maxDecompressedBody,
		@DefaultValue("1000") int maxBundleEntries) {

	Set<String> allowedOperationSet() {
		return Set.copyOf(allowedOperations);
	}
}
