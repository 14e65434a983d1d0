package be.lungcare.fhir.security;

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
	InternalErrorMaskingInterceptor internalErrorMaskingInterceptor() {
		return new InternalErrorMaskingInterceptor();
	}
}
