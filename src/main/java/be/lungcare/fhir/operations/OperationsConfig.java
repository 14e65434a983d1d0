package be.lungcare.fhir.operations;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class OperationsConfig {

	@Bean
	RequestLoggingInterceptor requestLoggingInterceptor() {
		return new RequestLoggingInterceptor();
	}
}
