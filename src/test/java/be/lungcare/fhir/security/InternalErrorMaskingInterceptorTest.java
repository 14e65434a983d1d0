package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.junit.jupiter.api.Test;

class InternalErrorMaskingInterceptorTest {

	private final InternalErrorMaskingInterceptor interceptor = new InternalErrorMaskingInterceptor();

	@Test
	void serverErrorsLoseTheirInternals() {
		BaseServerResponseException masked = interceptor.mask(
				new IllegalStateException("org.hibernate.exception.SQLGrammarException: select * from hfj_resource"));
		assertThat(masked.getStatusCode()).isEqualTo(500);
		assertThat(masked.getMessage()).contains("incident").doesNotContain("hibernate", "select", "Exception");
	}

	@Test
	void clientErrorsPassUnchanged() {
		assertThat(interceptor.mask(new InvalidRequestException("bad _sort"))).isNull();
	}
}
