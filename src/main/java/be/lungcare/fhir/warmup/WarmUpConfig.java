package be.lungcare.fhir.warmup;

import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

@Configuration(proxyBeanMethods = false)
class WarmUpConfig {

	/**
	 * Runs after the context has started and before readiness reports UP (Spring Boot publishes readiness after the
	 * application runners), so a load balancer or orchestrator sends no client here before the paths are compiled.
	 * The FHIR port already answers meanwhile.
	 */
	@Bean
	ApplicationRunner storageWarmUp(WarmUpProperties properties, FhirContext fhirContext, ImplementationGuidePackage guide,
			IFhirSystemDao<Bundle, Meta> systemDao, DaoRegistry daos, PlatformTransactionManager transactions) {
		return arguments -> new StorageWarmUp(fhirContext, guide.examples(fhirContext), systemDao, daos, transactions)
				.run(properties.duration());
	}
}
