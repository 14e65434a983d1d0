package be.lungcare.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashSet;
import java.util.Set;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;

@Configuration(proxyBeanMethods = false)
class ValidationConfig {

	static final String CANONICAL = "https://fhir.lungcare.be";
	private static final String[] LUNG_DISEASE_VALUE_SETS = {
		CANONICAL + "/ValueSet/lungcare-lung-disease", CANONICAL + "/ValueSet/lungcare-lung-disease-icd10"
	};
	private static final String DISEASE_GROUP_SYSTEM = CANONICAL + "/CodeSystem/lungcare-disease-group";
	private static final String[] WARM_UP_EXAMPLES = {
		"package/example/Bundle-lungcare-example-copd.json", "package/example/Bundle-lungcare-example-severe-asthma.json"
	};

	private static final Logger log = LoggerFactory.getLogger(ValidationConfig.class);

	/**
	 * Builds the offline validator and warms it up before the server accepts requests: the first
	 * validation loads and indexes the R4 core definitions (seconds), which no client should wait for.
	 */
	@Bean
	ProfileValidatingInterceptor profileValidatingInterceptor(FhirContext fhirContext, ValidationProperties properties) {
		IValidationSupport support = OfflineValidatorFactory.supportChain(fhirContext, "classpath:" + properties.packageLocation());
		FhirValidator validator = OfflineValidatorFactory.validator(fhirContext, support);
		if (properties.mode() != ValidationProperties.Mode.OFF) {
			long start = System.nanoTime();
			for (Bundle example : examples(fhirContext, properties.packageLocation())) {
				validator.validateWithResult(example, new ValidationOptions());
			}
			log.info("Validator warmed up in {} ms", (System.nanoTime() - start) / 1_000_000);
		}
		return new ProfileValidatingInterceptor(fhirContext, validator, policy(support, properties), properties.mode());
	}

	private static ValidationPolicy policy(IValidationSupport support, ValidationProperties properties) {
		Set<String> lungCodes = new HashSet<>();
		for (String url : LUNG_DISEASE_VALUE_SETS) {
			ValueSet valueSet = (ValueSet) support.fetchValueSet(url);
			if (valueSet == null) {
				throw new IllegalStateException("Value set " + url + " is missing from the implementation guide");
			}
			valueSet.getCompose().getInclude().forEach(include -> include.getConcept()
					.forEach(concept -> lungCodes.add(include.getSystem() + "|" + concept.getCode())));
		}
		return new ValidationPolicy(properties.enforcedProfiles(), lungCodes, DISEASE_GROUP_SYSTEM);
	}

	@Bean
	ValidationWarningsInterceptor validationWarningsInterceptor() {
		return new ValidationWarningsInterceptor();
	}

	private static Bundle[] examples(FhirContext fhirContext, String packageLocation) {
		try (InputStream in = new ClassPathResource(packageLocation).getInputStream()) {
			var npm = org.hl7.fhir.utilities.npm.NpmPackage.fromPackage(in);
			Bundle[] bundles = new Bundle[WARM_UP_EXAMPLES.length];
			for (int i = 0; i < WARM_UP_EXAMPLES.length; i++) {
				String[] folderAndFile = WARM_UP_EXAMPLES[i].substring("package/".length()).split("/");
				try (InputStream example = npm.load(folderAndFile[0], folderAndFile[1])) {
					bundles[i] = fhirContext.newJsonParser().parseResource(Bundle.class, example);
				}
			}
			return bundles;
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the example bundles of the implementation guide", e);
		}
	}
}
