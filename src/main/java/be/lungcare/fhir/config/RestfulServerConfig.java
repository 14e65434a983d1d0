package be.lungcare.fhir.config;

import be.lungcare.fhir.errors.ContainerErrorReportValve;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.provider.IJpaSystemProvider;
import ca.uhn.fhir.jpa.provider.JpaCapabilityStatementProvider;
import ca.uhn.fhir.jpa.search.DatabaseBackedPagingProvider;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.rest.server.HardcodedServerAddressStrategy;
import ca.uhn.fhir.rest.server.RestfulServer;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.provider.ResourceProviderFactory;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.info.BuildProperties;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The FHIR REST endpoint at {@code /fhir}: HAPI's RestfulServer with the JPA providers. */
@Configuration(proxyBeanMethods = false)
class RestfulServerConfig {

	static final String SOFTWARE_NAME = "LungCare FHIR";

	@Bean
	RestfulServer restfulServer(
			IFhirSystemDao<?, ?> systemDao,
			ResourceProviderFactory resourceProviders,
			IJpaSystemProvider systemProvider,
			JpaStorageSettings storageSettings,
			ISearchParamRegistry searchParamRegistry,
			IValidationSupport validationSupport,
			DatabaseBackedPagingProvider pagingProvider,
			ServerProperties properties,
			ObjectProvider<BuildProperties> buildProperties,
			List<RestProvider> featureProviders,
			List<RestInterceptor> interceptors) {
		RestfulServer server = new LungCareRestfulServer(systemDao.getContext());
		server.setServerName(SOFTWARE_NAME);
		server.setServerVersion(buildProperties.stream().map(BuildProperties::getVersion).findFirst().orElse("development"));
		server.setImplementationDescription(
				"LungCare FHIR: integrated care for chronic lung disease (asthma, COPD, type-2 inflammation)");
		server.setDefaultResponseEncoding(EncodingEnum.JSON);

		// a feature that serves a resource type itself (e.g. AuditEvent, from the audit trail) replaces HAPI's provider
		Set<Class<?>> servedByFeatures = featureProviders.stream().filter(RestProvider::replacesJpaProvider)
				.map(p -> (Class<?>) ((IResourceProvider) p).getResourceType()).collect(Collectors.toSet());
		server.registerProviders(resourceProviders.createProviders().stream()
				.filter(p -> !(p instanceof IResourceProvider provider && servedByFeatures.contains(provider.getResourceType())))
				.toList());
		server.registerProvider(systemProvider);
		featureProviders.forEach(server::registerProvider);

		JpaCapabilityStatementProvider capabilities = new JpaCapabilityStatementProvider(
				server, systemDao, storageSettings, searchParamRegistry, validationSupport);
		capabilities.setImplementationDescription(SOFTWARE_NAME);
		server.setServerConformanceProvider(capabilities);

		pagingProvider.setDefaultPageSize(properties.defaultPageSize());
		pagingProvider.setMaximumPageSize(properties.maxPageSize());
		server.setPagingProvider(pagingProvider);

		if (!properties.publicBaseUrl().isBlank()) {
			server.setServerAddressStrategy(new HardcodedServerAddressStrategy(properties.publicBaseUrl()));
		}
		interceptors.forEach(server::registerInterceptor);
		return server;
	}

	@Bean
	SystemInteractionsAnnouncer systemInteractionsAnnouncer() {
		return new SystemInteractionsAnnouncer();
	}

	/**
	 * Errors Tomcat answers itself get an OperationOutcome instead of its HTML page. Runs after Spring Boot's own
	 * customizer, which adds a plain error valve: that one is replaced. (Customizers are sorted by the objects
	 * themselves: a lambda has no order, so it sorts after Spring Boot's ordered ones.)
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> containerErrors(FhirContext fhirContext) {
		return factory -> factory.addContextCustomizers(context -> {
			Pipeline pipeline = context.getParent().getPipeline();
			for (Valve valve : pipeline.getValves()) {
				if (valve instanceof ErrorReportValve) {
					pipeline.removeValve(valve);
				}
			}
			pipeline.addValve(new ContainerErrorReportValve(fhirContext));
			// no default error valve of the host's own beside this one
			((StandardHost) context.getParent()).setErrorReportValveClass("");
		});
	}

	@Bean
	ServletRegistrationBean<RestfulServer> fhirServlet(RestfulServer server) {
		ServletRegistrationBean<RestfulServer> registration = new ServletRegistrationBean<>(server, "/fhir/*");
		registration.setName("fhir");
		registration.setLoadOnStartup(1);
		return registration;
	}
}
