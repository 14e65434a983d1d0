package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.storage.interceptor.balp.BalpAuditCaptureInterceptor;

/**
 * HAPI's IHE Basic Audit Log Patterns capture: one AuditEvent per read, vread and search (with the patients of the
 * results) and per create, update and delete (also inside bundles). Registered on the REST server only: its storage
 * hooks expect a servlet request and would fail on the server's own writes. History, operations and refused
 * requests are not covered by it: {@link AuditRequestInterceptor} adds them. It runs after the authorization rules,
 * so a resource a client may not see is not recorded as read.
 */
@Interceptor(order = HookOrder.AUDIT)
final class BalpCaptureInterceptor extends BalpAuditCaptureInterceptor implements RestInterceptor {

	BalpCaptureInterceptor(AuditEvents sink, AuditAgents agents) {
		super(sink, agents);
	}
}
