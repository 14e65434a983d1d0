package be.lungcare.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpandParameterCheckInterceptorTest {

	private static final ExpandParameterCheckInterceptor INTERCEPTOR = new ExpandParameterCheckInterceptor();

	private static SystemRequestDetails expand(String name, String value) {
		SystemRequestDetails request = new SystemRequestDetails();
		request.setResourceName("ValueSet");
		request.setOperation("$expand");
		request.setParameters(Map.of(name, new String[] {value}));
		return request;
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({"count,abc", "count,-1", "count,1.5", "count,99999999999", "offset,x", "includeDesignations,yes"})
	void aBadValueIs400NamingTheParameter(String name, String value) {
		assertThatThrownBy(() -> INTERCEPTOR.check(expand(name, value)))
				.isInstanceOf(InvalidRequestException.class)
				.hasMessageContaining("'" + value + "'")
				.satisfies(e -> assertThat(((OperationOutcome) ((InvalidRequestException) e).getOperationOutcome())
						.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo(name));
	}

	@ParameterizedTest(name = "{0}={1}")
	@CsvSource({"count,0", "count,1000000", "offset,25", "includeDesignations,true", "filter,abc"})
	void goodValuesPass(String name, String value) {
		assertThat(INTERCEPTOR.check(expand(name, value))).isTrue();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource({"ValueSet,$validate-code", "CodeSystem,$lookup", "Patient,$everything"})
	void otherOperationsAreNotChecked(String type, String operation) {
		SystemRequestDetails request = expand("count", "abc");
		request.setResourceName(type);
		request.setOperation(operation);
		assertThat(INTERCEPTOR.check(request)).isTrue();
	}
}
