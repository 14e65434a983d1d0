package be.lungcare.fhir.security;

import be.lungcare.fhir.config.ServerProperties;
import ca.uhn.fhir.context.FhirContext;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration(proxyBeanMethods = false)
class SecurityConfig {

	@Bean
	OperationAllowListInterceptor operationAllowListInterceptor(SecurityProperties properties) {
		return new OperationAllowListInterceptor(properties.allowedOperationSet());
	}

	@Bean
	BundleOperationAllowListInterceptor bundleOperationAllowListInterceptor(SecurityProperties properties) {
		return new BundleOperationAllowListInterceptor(properties.allowedOperationSet());
	}

	@Bean
	BundleEntryErrorMaskingInterceptor bundleEntryErrorMaskingInterceptor() {
		return new BundleEntryErrorMaskingInterceptor();
	}

	/** First of all filters, on every path, so that nothing reads a body before its limits are checked. */
	@Bean
	FilterRegistrationBean<RequestLimitFilter> requestLimitFilter(
			FhirContext fhirContext, SecurityProperties properties, ServerProperties server) {
		int largest = Math.max(properties.maxElements(), WorkBudget.weightOfBytes(
				Math.max(properties.maxRequestBody().toBytes(), properties.maxDecompressedBody().toBytes())));
		if (properties.workInFlight() < largest) {
			throw new IllegalStateException("lungcare.security.work-in-flight (" + properties.workInFlight()
					+ ") must hold at least the largest accepted request (" + largest + ": max-elements, or the largest body / "
					+ WorkBudget.BYTES_PER_ELEMENT + ")");
		}
		WorkBudget budget = new WorkBudget(
				properties.workInFlight(), properties.workQueueLength(), properties.workQueueTimeout());
		FilterRegistrationBean<RequestLimitFilter> registration = new FilterRegistrationBean<>(new RequestLimitFilter(
				fhirContext, properties.maxRequestBody().toBytes(), properties.maxDecompressedBody().toBytes(),
				new BodyShapeScanner(properties.shapeLimits()), budget, server.retryAfter()));
		registration.addUrlPatterns("/*");
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

	/**
	 * A body refused for its size is answered before it is read; Tomcat then reads and drops the rest of it, up to
	 * this much, and closes the connection (as it does after any 413). Beyond that it closes it while the client is
	 * still sending, and the client may lose the 413 to the reset. Twice the limit lets a client that sends somewhat too
	 * much read its answer. Nothing is kept, but a worker thread stays busy while it drains, as it would reading an
	 * accepted body of that size; the same holds for other refusals answered before the body is read (405, 503).
	 * Runs after Spring Boot's own customizer, which sets Tomcat's 2 MB default: a lambda has no order of its own,
	 * so it sorts last.
	 */
	@Bean
	WebServerFactoryCustomizer<TomcatServletWebServerFactory> refusedBodyDrain(SecurityProperties properties) {
		int drain = (int) Math.min(Integer.MAX_VALUE, 2 * properties.maxRequestBody().toBytes());
		return factory -> factory.addConnectorCustomizers(connector -> {
			if (connector.getProtocolHandler() instanceof AbstractHttp11Protocol<?> http) {
				http.setMaxSwallowSize(drain);
			}
		});
	}

	@Bean
	InteractionCheckInterceptor interactionCheckInterceptor() {
		return new InteractionCheckInterceptor();
	}

	@Bean
	ReadOnlyResourceTypesInterceptor readOnlyResourceTypesInterceptor() {
		return new ReadOnlyResourceTypesInterceptor();
	}

	@Bean
	ReadOnlyResourceTypesAnnouncer readOnlyResourceTypesAnnouncer() {
		return new ReadOnlyResourceTypesAnnouncer();
	}

	@Bean
	ConflictDetailMaskingInterceptor conflictDetailMaskingInterceptor() {
		return new ConflictDetailMaskingInterceptor();
	}

	@Bean
	InternalErrorMaskingInterceptor internalErrorMaskingInterceptor() {
		return new InternalErrorMaskingInterceptor();
	}
}
