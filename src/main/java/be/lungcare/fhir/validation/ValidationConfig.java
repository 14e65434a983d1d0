package be.lungcare.fhir.validation;

import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ValidationOptions;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.ValueSet;
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

	/** What is not FHIR in a client's data is refused when HAPI parses it, never dropped (see the handler). */
	@Bean
	ClientDataErrorHandler clientDataErrorHandler(FhirContext fhirContext) {
		ClientDataErrorHandler handler = new ClientDataErrorHandler();
		fhirContext.setParserErrorHandler(handler);
		return handler;
	}

	@Bean
	OfflineValidationSupport offlineValidationSupport(FhirContext fhirContext, ImplementationGuidePackage guide) {
		return new OfflineValidationSupport(OfflineValidatorFactory.supportChain(fhirContext, guide.npm()));
	}

	/**
	 * Builds the offline validator on the IG package the server installs, and warms it up before
	 * the server accepts requests: the first validation loads and indexes the R4 core definitions
	 * (seconds), and the next ones let the JIT compile the validation path; no client should wait for either.
	 */
	@Bean
	ProfileValidatingInterceptor profileValidatingInterceptor(FhirContext fhirContext, ImplementationGuidePackage guide,
			OfflineValidationSupport offline, ValidationProperties properties) {
		IValidationSupport support = offline.chain();
		FhirValidator validator = OfflineValidatorFactory.validator(fhirContext, support);
		if (properties.mode() != ValidationProperties.Mode.OFF) {
			long start = System.nanoTime();
			long until = start + properties.warmUp().toNanos();
			List<IBaseResource> examples = guide.examples(fhirContext);
			int passes = 0;
			do {
				for (IBaseResource example : examples) {
					validator.validateWithResult(example, new ValidationOptions());
				}
				passes++;
			} while (System.nanoTime() < until);
			log.info("Validator warmed up in {} ms ({} passes over the {} examples)", (System.nanoTime() - start) / 1_000_000, passes,
					examples.size());
		}
		return new ProfileValidatingInterceptor(fhirContext, validator, policy(support, properties), properties.mode(),
				properties.timeBudget());
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
		return new ValidationPolicy(properties.enforcedProfiles(), lungCodes, DISEASE_GROUP_SYSTEM,
				observationProfilesByCode(support));
	}

	/**
	 * The LungCare Observation profiles that fix {@code Observation.code} (ACT, CAT, mMRC, spirometry), by that
	 * code: an Observation with such a code is held to its profile whether it declares it or not.
	 */
	static Map<String, String> observationProfilesByCode(IValidationSupport support) {
		Map<String, String> byCode = new HashMap<>();
		List<StructureDefinition> profiles = support.fetchAllStructureDefinitions();
		for (StructureDefinition profile : profiles == null ? List.<StructureDefinition>of() : profiles) {
			if (!"Observation".equals(profile.getType()) || profile.getUrl() == null || !profile.getUrl().startsWith(CANONICAL)) {
				continue;
			}
			for (ElementDefinition element : profile.getDifferential().getElement()) {
				if ("Observation.code".equals(element.getPath()) && element.getPattern() instanceof CodeableConcept code) {
					code.getCoding().forEach(coding -> byCode.put(coding.getSystem() + "|" + coding.getCode(), profile.getUrl()));
				}
			}
		}
		if (byCode.isEmpty()) {
			throw new IllegalStateException("The implementation guide has no Observation profile with a fixed code");
		}
		return byCode;
	}

	@Bean
	BundleRequestCheckInterceptor bundleRequestCheckInterceptor(FhirContext fhirContext) {
		return new BundleRequestCheckInterceptor(fhirContext);
	}

	@Bean
	BundleTypeCheckInterceptor bundleTypeCheckInterceptor() {
		return new BundleTypeCheckInterceptor();
	}

	@Bean
	BatchEntryOutcomeInterceptor batchEntryOutcomeInterceptor() {
		return new BatchEntryOutcomeInterceptor();
	}

	@Bean
	ValidationWarningsInterceptor validationWarningsInterceptor() {
		return new ValidationWarningsInterceptor();
	}
}
