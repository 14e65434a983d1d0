package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.BundleUtil;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request side of the audit trail. It keeps a request's events together from the start, gathers the patients
 * of the resources the request shows (full resources, before {@code _elements} or {@code _summary} trim them), and
 * before the response is sent stores the request's events, with one read or query event for a read, search, history,
 * {@code $everything} or other operation, naming every patient shown. If they cannot be stored, the client gets 503
 * instead of the data. Writes: {@link AuditWriteInterceptor}; refused and failed requests:
 * {@link AuditFailureInterceptor}. Runs after the authorization rules, so what a client was refused is not recorded
 * as shown.
 */
@Interceptor(order = HookOrder.AUDIT)
final class AuditRequestInterceptor implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditRequestInterceptor.class);

	private final AuditEvents events;
	private final AuditEventBuilder builder;
	private final FhirContext fhirContext;

	AuditRequestInterceptor(AuditEvents events, AuditEventBuilder builder, FhirContext fhirContext) {
		this.events = events;
		this.builder = builder;
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void start(RequestDetails request) {
		if (!request.isSubRequest()) {
			events.startRequest();
		}
	}

	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void shown(IPreResourceShowDetails details) {
		AuditEvents.Request state = events.current();
		if (state == null) {
			return;
		}
		state.resourcesShown = true;
		for (int i = 0; i < details.size(); i++) {
			IBaseResource resource = details.getResource(i);
			if (resource != null) {
				state.patientsShown.addAll(builder.patientsOf(resource));
			}
		}
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void beforeResponse(RequestDetails request, IBaseResource response) {
		if (request.isSubRequest()) {
			return;
		}
		AuditEvents.Request state = events.current();
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (state != null && (isQuery(request) || (state.resourcesShown && isBundle(operation)))) {
			// Resources served without HAPI's storage layer (e.g. AuditEvent) are not "shown": read them here.
			Collection<String> patients = state.resourcesShown ? state.patientsShown : patientsIn(response);
			AuditEvent event = (operation == RestOperationTypeEnum.READ || operation == RestOperationTypeEnum.VREAD) && response != null
					? builder.resource(request, AuditEventAction.R, operation.getCode(), response, patients)
					: builder.query(request, AuditEventAction.E, operation == null ? null : operation.getCode(), patients,
							AuditEvent.AuditEventOutcome._0, null);
			events.record(event);
		}
		try {
			events.flushRequest();
		} catch (RuntimeException e) {
			log.error("AuditEvents could not be stored; the response is withheld", e);
			throw new AuditUnavailableException();
		}
	}

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void completed(RequestDetails request) {
		if (request.isSubRequest()) {
			return;
		}
		try {
			events.flushRequest(); // e.g. a response sent without a resource
		} catch (RuntimeException e) {
			log.error("AuditEvents could not be stored after the response", e);
		} finally {
			events.endRequest();
		}
	}

	/** Requests that show data: reads, searches, paging, history and operations (but {@code $validate}, {@code $meta}). */
	private static boolean isQuery(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == null) {
			return false;
		}
		return switch (operation) {
			case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE, HISTORY_INSTANCE, HISTORY_TYPE, HISTORY_SYSTEM -> true;
			case EXTENDED_OPERATION_INSTANCE, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_SERVER ->
					!"$validate".equals(request.getOperation()) && !"$meta".equals(request.getOperation());
			default -> false;
		};
	}

	private static boolean isBundle(RestOperationTypeEnum operation) {
		return operation == RestOperationTypeEnum.TRANSACTION || operation == RestOperationTypeEnum.BATCH;
	}

	/** BALP's action for a request: reads R, writes C / U / D, queries and everything else E (execute). */
	static AuditEventAction action(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == null) {
			return AuditEventAction.E;
		}
		return switch (operation) {
			case CREATE -> AuditEventAction.C;
			case UPDATE, PATCH -> AuditEventAction.U;
			case DELETE -> AuditEventAction.D;
			case READ, VREAD -> AuditEventAction.R;
			default -> AuditEventAction.E;
		};
	}

	/** The patients whose data a response holds (compartment owners of each resource). */
	private Set<String> patientsIn(IBaseResource response) {
		Set<String> patients = new LinkedHashSet<>();
		if (response != null) {
			List<IBaseResource> resources = response instanceof IBaseBundle bundle ? BundleUtil.toListOfResources(fhirContext, bundle) : List.of(response);
			for (IBaseResource resource : resources) {
				patients.addAll(builder.patientsOf(resource));
			}
		}
		return patients;
	}
}
