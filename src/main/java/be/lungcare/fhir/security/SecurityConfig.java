package be.lungcare.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

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

	@Bean
	BundleSizeLimitInterceptor bundleSizeLimitInterceptor(SecurityProperties properties) {
		return new BundleSizeLimitInterceptor(properties.maxBundleEntries());
	}

	@Bean
	FilterRegistrationBean<RequestBodyLimitFilter> requestBodyLimitFilter(FhirContext fhirContext, SecurityProperties properties) {
		FilterRegistrationBean<RequestBodyLimitFilter> registration = new FilterRegistrationBean<>(new RequestBodyLimitFilter(
				fhirContext, properties.maxRequestBody().toBytes(), properties.maxDecompressedBody().toBytes()));
		registration.addUrlPatterns("/fhir/*");
		return registration;
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
