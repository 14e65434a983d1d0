package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;

/**
 * One AuditEvent per resource created, updated, patched or deleted through the API, also inside transactions and
 * batches, stored in the write's own database transaction ({@link AuditEvents#recordWrite}). Registered on the REST
 * server only, so the server's own writes (the IG installation) are not audited as a client's.
 */
@Interceptor(order = HookOrder.AUDIT)
final class AuditWriteInterceptor implements RestInterceptor {

	private final AuditEvents events;
	private final AuditEventBuilder builder;

	AuditWriteInterceptor(AuditEvents events, AuditEventBuilder builder) {
		this.events = events;
		this.builder = builder;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		record(request, AuditEventAction.C, "create", resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		record(request, AuditEventAction.U, request != null && request.getRestOperationType() == RestOperationTypeEnum.PATCH ? "patch" : "update",
				resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		record(request, AuditEventAction.D, "delete", resource);
	}

	private void record(RequestDetails request, AuditEventAction action, String subtype, IBaseResource resource) {
		if (request != null) {
			events.recordWrite(builder.resource(request, action, subtype, resource, builder.patientsOf(resource)));
		}
	}
}
