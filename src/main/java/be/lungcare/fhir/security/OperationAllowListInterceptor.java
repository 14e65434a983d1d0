package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * HAPI's JPA providers bring administrative operations (reindexing, reference replacement,
 * expunge) that a clinical data server must not expose. Only the operations on the allow list
 * are answered, and announced in the CapabilityStatement; every other one gets a 403 naming it.
 */
@Interceptor
final class OperationAllowListInterceptor implements RestInterceptor {

	private final Set<String> allowed;

	OperationAllowListInterceptor(Set<String> allowed) {
		this.allowed = allowed;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean checkOperation(RequestDetails request) {
		String operation = request.getOperation();
		if (operation != null && operation.startsWith("$") && !allowed.contains(operation)) {
			throw new ForbiddenOperationException("Operation " + operation + " is not enabled on this server");
		}
		return true;
	}

	/** The CapabilityStatement announces only the operations that are answered. */
	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void announceAllowedOnly(IBaseConformance capabilities) {
		for (CapabilityStatement.CapabilityStatementRestComponent rest : ((CapabilityStatement) capabilities).getRest()) {
			rest.getOperation().removeIf(op -> !allowed.contains("$" + op.getName()));
			rest.getResource().forEach(r -> r.getOperation().removeIf(op -> !allowed.contains("$" + op.getName())));
		}
	}
}
