package be.lungcare.fhir.ig;

import ca.uhn.fhir.batch2.coordinator.JobDefinitionRegistry;
import ca.uhn.fhir.batch2.model.JobDefinition;
import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class IgConfig {

	@Bean
	ImplementationGuidePackage implementationGuidePackage(IgProperties properties) {
		return ImplementationGuidePackage.load(properties.packageLocation());
	}

	@Bean
	ImplementationGuideInstaller implementationGuideInstaller(
			IPackageInstallerSvc packageInstaller, ISearchParamRegistry searchParamRegistry) {
		return new ImplementationGuideInstaller(packageInstaller, searchParamRegistry);
	}

	/**
	 * Runs once all beans exist and before the web server accepts connections, so no client
	 * ever sees the server without its profiles and search parameters.
	 */
	@Bean
	SmartInitializingSingleton installImplementationGuide(
			ImplementationGuideInstaller installer,
			ImplementationGuidePackage guide,
			JobDefinitionRegistry jobDefinitions,
			List<JobDefinition<?>> jobs) {
		return () -> {
			// Storing a new SearchParameter schedules a reindex job: the job definitions must be
			// known now, not only once Batch2 registers them at the end of the context refresh.
			jobs.forEach(jobDefinitions::addJobDefinitionIfNotRegistered);
			installer.install(guide);
		};
	}
}
