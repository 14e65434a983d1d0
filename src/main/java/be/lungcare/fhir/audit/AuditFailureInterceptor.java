package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every refused or failed request (4xx, 5xx) gets an AuditEvent with its outcome, stored on its own (a refused
 * write's transaction rolled back). Events the request had gathered are dropped: its data was not sent. A refusal
 * to read a Patient names that patient, so it shows in the patient's own view. Runs before the error mappers, which
 * end HAPI's exception handling.
 */
@Interceptor(order = HookOrder.AUDIT_FAILURE)
final class AuditFailureInterceptor implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditFailureInterceptor.class);

	private final AuditEvents events;
	private final AuditStore store;
	private final AuditEventBuilder builder;

	AuditFailureInterceptor(AuditEvents events, AuditStore store, AuditEventBuilder builder) {
		this.events = events;
		this.store = store;
		this.builder = builder;
	}

	@Hook(Pointcut.SERVER_HANDLE_EXCEPTION)
	public boolean failed(RequestDetails request, BaseServerResponseException problem) {
		if (request.isSubRequest() || problem instanceof AuditUnavailableException) {
			return true;
		}
		AuditEvent.AuditEventOutcome outcome = problem.getStatusCode() >= 500 ? AuditEvent.AuditEventOutcome._8 : AuditEvent.AuditEventOutcome._4;
		Set<String> patient = "Patient".equals(request.getResourceName()) && request.getId() != null && request.getId().hasIdPart()
				? Set.of(request.getId().getIdPart()) : Set.of();
		try {
			events.discardRequest();
			String subtype = request.getRestOperationType() == null ? null : request.getRestOperationType().getCode();
			store.insert(List.of(builder.query(request, AuditRequestInterceptor.action(request), subtype, patient, outcome,
					problem.getStatusCode() + " " + problem.getMessage())));
		} catch (RuntimeException e) {
			log.error("The AuditEvent of a refused request could not be stored", e);
		}
		return true;
	}
}
