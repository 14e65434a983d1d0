package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import org.hl7.fhir.r4.model.OperationOutcome;
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

	@Test
	void unparseableInputIsAClientError() {
		BaseServerResponseException mapped = interceptor.mask(new DataFormatException("HAPI-1882: Invalid date/time format: \"2020-13-45\""));
		assertThat(mapped.getStatusCode()).isEqualTo(400);
		assertThat(mapped.getMessage()).contains("2020-13-45");
	}

	@Test
	void clientErrorsLoseJavaClassNamesAndNameTheirElement() {
		BaseServerResponseException mapped = interceptor.mask(new InvalidRequestException(
				"HAPI-0450: Failed to parse. Error was: HAPI-1821: [element=\"valueInteger\"] Invalid attribute value \"9\": "
						+ "java.lang.NumberFormatException: For input string: \"9\""));
		assertThat(mapped.getStatusCode()).isEqualTo(400);
		assertThat(mapped.getMessage()).doesNotContain("java.", "NumberFormatException");
		OperationOutcome outcome = (OperationOutcome) mapped.getOperationOutcome();
		assertThat(outcome.getIssueFirstRep().getExpression()).extracting(Object::toString).containsExactly("valueInteger");
	}
}
