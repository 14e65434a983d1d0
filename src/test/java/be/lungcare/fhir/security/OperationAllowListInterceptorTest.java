package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OperationAllowListInterceptorTest {

	private final OperationAllowListInterceptor interceptor = new OperationAllowListInterceptor(Set.of("$validate"));

	private static ServletRequestDetails request(RestOperationTypeEnum type, String operation) {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setRestOperationType(type);
		request.setOperation(operation);
		return request;
	}

	@Test
	void allowedOperationsAndPlainInteractionsPass() {
		assertThat(interceptor.checkOperation(request(RestOperationTypeEnum.EXTENDED_OPERATION_TYPE, "$validate"))).isTrue();
		assertThat(interceptor.checkOperation(request(RestOperationTypeEnum.READ, null))).isTrue();
		assertThat(interceptor.checkOperation(request(RestOperationTypeEnum.TRANSACTION, null))).isTrue();
	}

	@Test
	void otherOperationsAreRefusedByName() {
		assertThatThrownBy(() -> interceptor.checkOperation(request(RestOperationTypeEnum.EXTENDED_OPERATION_SERVER, "$reindex-terminology")))
				.isInstanceOf(ForbiddenOperationException.class)
				.hasMessageContaining("$reindex-terminology");
		assertThatThrownBy(() -> interceptor.checkOperation(request(RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE, "$expunge")))
				.isInstanceOf(ForbiddenOperationException.class);
	}
}
