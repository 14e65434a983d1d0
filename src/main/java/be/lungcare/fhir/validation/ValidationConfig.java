package be.lungcare.fhir.validation;

import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class ValidationConfig {

	private static final String CANONICAL = ValidationProperties.CANONICAL;
	private static final String[] LUNG_DISEASE_VALUE_SETS = {
		CANONICAL + "/ValueSet/lungcare-lung-disease", CANONICAL + "/ValueSet/lungcare-lung-disease-icd10"
	};
	private static final String DISEASE_GROUP_SYSTEM = CANONICAL + "/CodeSystem/lungcare-disease-group";

	private static final Logger log = LoggerFactory.getLogger(ValidationConfig.class);

	/**
	 * Builds the offline validator on the IG package the server installs, and warms it up before
	 * the server accepts requests: the first validation loads and indexes the R4 core definitions
	 * (seconds), which no client should wait for.
	 */
	@Bean
	ProfileValidatingInterceptor profileValidatingInterceptor(
			FhirContext fhirContext, ImplementationGuidePackage guide, ValidationProperties properties) {
		IValidationSupport support = OfflineValidatorFactory.supportChain(fhirContext, guide.npm());
		FhirValidator validator = OfflineValidatorFactory.validator(fhirContext, support);
		if (properties.mode() != ValidationProperties.Mode.OFF) {
			long start = System.nanoTime();
			for (IBaseResource example : examples(fhirContext, guide.npm())) {
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
			for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
				if (!include.hasConcept()) {
					throw new IllegalStateException("Value set " + url + " must list its codes (no filters) to decide which Conditions are lung conditions");
				}
				include.getConcept().forEach(concept -> lungCodes.add(include.getSystem() + "|" + concept.getCode()));
			}
		}
		return new ValidationPolicy(properties.enforcedProfiles(), lungCodes, DISEASE_GROUP_SYSTEM);
	}

	@Bean
	ValidationWarningsInterceptor validationWarningsInterceptor() {
		return new ValidationWarningsInterceptor();
	}

	/** The package's example instances: realistic resources of every profile. */
	private static List<IBaseResource> examples(FhirContext fhirContext, NpmPackage npm) {
		List<IBaseResource> examples = new ArrayList<>();
		try {
			for (String file : npm.list("example")) {
				if (file.endsWith(".json") && !file.startsWith(".")) {
					try (InputStream in = npm.load("example", file)) {
						examples.add(fhirContext.newJsonParser().parseResource(in));
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the examples of the implementation guide", e);
		}
		return examples;
	}
}
