package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.util.BundleUtil;
import ca.uhn.fhir.util.FhirTerser;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request side of the audit trail. It keeps a request's events together from the start, stores them before the
 * response is sent (503 if that fails: no data leaves without its trace), and records what HAPI's BALP capture does
 * not: history, {@code $everything} and other operations, with the patients of their results. Refused and failed
 * requests: {@link AuditFailureInterceptor}.
 */
@Interceptor(order = HookOrder.AUDIT)
final class AuditRequestInterceptor implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(AuditRequestInterceptor.class);
	static final String PROFILE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.";

	private final AuditEvents events;
	private final AuditStore store;
	private final AuditAgents agents;
	private final FhirContext fhirContext;

	AuditRequestInterceptor(AuditEvents events, AuditStore store, AuditAgents agents, FhirContext fhirContext) {
		this.events = events;
		this.store = store;
		this.agents = agents;
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public void start(RequestDetails request) {
		if (!request.isSubRequest()) {
			events.startRequest();
		}
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void beforeResponse(RequestDetails request, IBaseResource response) {
		if (request.isSubRequest()) {
			return;
		}
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == RestOperationTypeEnum.HISTORY_INSTANCE || operation == RestOperationTypeEnum.HISTORY_TYPE
				|| operation == RestOperationTypeEnum.HISTORY_SYSTEM || isAuditedOperation(request)) {
			events.recordAuditEvent(event(request, AuditEvent.AuditEventAction.E, patientsIn(response),
					AuditEvent.AuditEventOutcome._0, null));
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

	private static boolean isAuditedOperation(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		return (operation == RestOperationTypeEnum.EXTENDED_OPERATION_INSTANCE || operation == RestOperationTypeEnum.EXTENDED_OPERATION_TYPE
				|| operation == RestOperationTypeEnum.EXTENDED_OPERATION_SERVER) && !"$validate".equals(request.getOperation())
				&& !"$meta".equals(request.getOperation());
	}

	static AuditEvent.AuditEventAction action(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation == null) {
			return AuditEvent.AuditEventAction.E;
		}
		return switch (operation) {
			case CREATE -> AuditEvent.AuditEventAction.C;
			case UPDATE, PATCH -> AuditEvent.AuditEventAction.U;
			case DELETE -> AuditEvent.AuditEventAction.D;
			case READ, VREAD, SEARCH_TYPE, SEARCH_SYSTEM, GET_PAGE -> AuditEvent.AuditEventAction.R;
			default -> AuditEvent.AuditEventAction.E;
		};
	}

	/** The patients whose data a response holds (compartment owners of each resource). */
	private Set<String> patientsIn(IBaseResource response) {
		Set<String> patients = new LinkedHashSet<>();
		if (response == null) {
			return patients;
		}
		List<IBaseResource> resources = response instanceof IBaseBundle bundle ? BundleUtil.toListOfResources(fhirContext, bundle) : List.of(response);
		FhirTerser terser = fhirContext.newTerser();
		for (IBaseResource resource : resources) {
			if ("Patient".equals(resource.fhirType()) && resource.getIdElement().hasIdPart()) {
				patients.add(resource.getIdElement().getIdPart());
			} else if (fhirContext.getResourceDefinition(resource).getSearchParamsForCompartmentName("Patient").size() > 0) {
				for (IIdType owner : terser.getCompartmentOwnersForResource("Patient", resource, Set.of())) {
					patients.add(owner.getIdPart());
				}
			}
		}
		return patients;
	}

	/** An AuditEvent in the shape of HAPI's BALP events, for what HAPI does not capture. */
	AuditEvent event(RequestDetails request, AuditEvent.AuditEventAction action, Set<String> patients,
			AuditEvent.AuditEventOutcome outcome, String outcomeDescription) {
		AuditEvent event = new AuditEvent();
		event.getMeta().addProfile(PROFILE + (patients.isEmpty() ? "Query" : "PatientQuery"));
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation != null) {
			event.addSubtype(new Coding("http://hl7.org/fhir/restful-interaction", operation.getCode(), null));
		}
		event.setAction(action).setRecorded(new Date()).setOutcome(outcome);
		if (outcomeDescription != null) {
			event.setOutcomeDesc(outcomeDescription.length() > 500 ? outcomeDescription.substring(0, 500) : outcomeDescription);
		}
		event.addAgent().setRequestor(false).setWho(agents.getAgentClientWho(request)).getType()
				.addCoding(new Coding("http://dicom.nema.org/resources/ontology/DCM", "110150", "Application"));
		AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(true).setWho(agents.getAgentUserWho(request));
		String address = agents.getNetworkAddress(request);
		if (address != null) {
			user.getNetwork().setAddress(address).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
		event.getSource().setObserver(new Reference().setDisplay("LungCare FHIR"));
		for (String patient : patients) {
			event.addEntity().setWhat(new Reference("Patient/" + patient))
					.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient"));
		}
		String query = request.getCompleteUrl();
		event.addEntity().setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
				.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"))
				.setDescription(request.getRequestType() + " " + request.getRequestPath())
				.setQuery(query == null ? null : query.getBytes(StandardCharsets.UTF_8));
		return event;
	}
}
