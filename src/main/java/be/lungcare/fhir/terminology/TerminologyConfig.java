package be.lungcare.fhir.terminology;

import be.lungcare.fhir.validation.OfflineValidationSupport;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The terminology operations on the stored terminology (the installed IG), evaluated on the offline chain. */
@Configuration(proxyBeanMethods = false)
class TerminologyConfig {

	@Bean
	CodeSystemConcepts codeSystemConcepts(OfflineValidationSupport offline) {
		return new CodeSystemConcepts(offline.chain());
	}

	@Bean
	ValueSetOperations valueSetOperations(OfflineValidationSupport offline, DaoRegistry daos, CodeSystemConcepts codeSystems) {
		ValueSetExpander expander = new ValueSetExpander(offline.chain(), codeSystems);
		return new ValueSetOperations(offline.chain(), daos, expander, new ValueSetCodeValidator(offline.chain(), expander, codeSystems));
	}

	@Bean
	ExpandParameterCheckInterceptor expandParameterCheckInterceptor() {
		return new ExpandParameterCheckInterceptor();
	}

	@Bean
	LookupDisplayLanguageInterceptor lookupDisplayLanguageInterceptor(FhirContext fhirContext, CodeSystemConcepts codeSystems) {
		return new LookupDisplayLanguageInterceptor(fhirContext, codeSystems);
	}
}
