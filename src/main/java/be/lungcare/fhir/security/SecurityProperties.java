package be.lungcare.fhir.security;

import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param allowedOperations FHIR operations the server answers; every other one ({@code $expunge},
 *                          {@code $reindex}, {@code $hapi.fhir.replace-references}, ...) is refused
 */
@ConfigurationProperties("lungcare.security")
record SecurityProperties(
		@DefaultValue({"$validate", "$everything", "$meta", "$validate-code", "$lookup", "$translate"})
				List<String> allowedOperations) {

	Set<String> allowedOperationSet() {
		return Set.copyOf(allowedOperations);
	}
}
