package be.lungcare.fhir.audit;

import be.lungcare.fhir.access.PatientCompartment;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Date;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;

/**
 * Builds the server's AuditEvents in the shape of IHE Basic Audit Log Patterns (BALP): type {@code rest}, the
 * RESTful interaction as subtype, the client and user agents, the observer, and as entities the patients concerned,
 * the resource written or read, or the query. No narrative (optional in AuditEvent and BALP, and most of the cost
 * of HAPI's own BALP events). An event may name several patients; the store shows it as one event per patient
 * ({@link AuditStore}), as BALP asks.
 */
final class AuditEventBuilder {

	static final String PROFILE = "https://profiles.ihe.net/ITI/BALP/StructureDefinition/IHE.BasicAudit.";
	static final String OBSERVER = "LungCare FHIR";
	private static final Coding REST = new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation");
	private static final String INTERACTION = "http://hl7.org/fhir/restful-interaction";
	private static final Coding APPLICATION = new Coding("http://dicom.nema.org/resources/ontology/DCM", "110150", "Application");
	private static final Coding SYSTEM_OBJECT = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object");
	private static final Coding PERSON = new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "1", "Person");
	private static final Coding PATIENT_ROLE = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "1", "Patient");
	private static final Coding DOMAIN_RESOURCE = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "4", "Domain Resource");
	private static final Coding QUERY_ROLE = new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query");
	private static final int MAX_OUTCOME_DESCRIPTION = 500;

	private final PatientCompartment compartment;
	private final AuditAgents agents;

	AuditEventBuilder(PatientCompartment compartment, AuditAgents agents) {
		this.compartment = compartment;
		this.agents = agents;
	}

	/** A query (search, history, operation, refusal): the patients concerned and the request URL as query entity. */
	AuditEvent query(RequestDetails request, AuditEventAction action, String subtype, Collection<String> patients,
			AuditEvent.AuditEventOutcome outcome, String outcomeDescription) {
		AuditEvent event = common(request, action, subtype, patients, outcome);
		if (outcomeDescription != null) {
			event.setOutcomeDesc(outcomeDescription.length() > MAX_OUTCOME_DESCRIPTION
					? outcomeDescription.substring(0, MAX_OUTCOME_DESCRIPTION) : outcomeDescription);
		}
		addQuery(event, request.getRequestType() + " " + request.getRequestPath(), request.getCompleteUrl());
		return event;
	}

	/** A resource read or written: the resource (with its version) as data entity, and the patients concerned. */
	AuditEvent resource(RequestDetails request, AuditEventAction action, String subtype, IBaseResource resource,
			Collection<String> patients) {
		AuditEvent event = common(request, action, subtype, patients, AuditEvent.AuditEventOutcome._0);
		IIdType id = resource.getIdElement();
		if (id.hasIdPart()) {
			String what = resource.fhirType() + "/" + id.getIdPart() + (id.hasVersionIdPart() ? "/_history/" + id.getVersionIdPart() : "");
			event.addEntity().setWhat(new Reference(what)).setType(SYSTEM_OBJECT.copy()).setRole(DOMAIN_RESOURCE.copy());
		}
		return event;
	}

	private AuditEvent common(RequestDetails request, AuditEventAction action, String subtype, Collection<String> patients,
			AuditEvent.AuditEventOutcome outcome) {
		AuditEvent event = started(!patients.isEmpty(), action, outcome);
		if (subtype != null) {
			event.addSubtype(new Coding(INTERACTION, subtype, null));
		}
		event.addAgent().setRequestor(false).setWho(agents.clientWho()).getType().addCoding(APPLICATION.copy());
		addUser(event, agents.userWho(), AuditAgents.networkAddress(request));
		for (String patient : patients) {
			event.addEntity().setWhat(new Reference("Patient/" + patient)).setType(PERSON.copy()).setRole(PATIENT_ROLE.copy());
		}
		return event;
	}

	/**
	 * A request refused for want of a valid token (401): no user is known, so the agent is "anonymous" at the
	 * client's address, and the request as query entity.
	 */
	static AuditEvent unauthenticated(String description, String query, String networkAddress) {
		AuditEvent event = started(false, AuditEventAction.E, AuditEvent.AuditEventOutcome._4);
		event.setOutcomeDesc("401 no valid bearer token");
		addUser(event, AuditAgents.identifier(AuditAgents.SUBJECT_SYSTEM, AuditAgents.ANONYMOUS), networkAddress);
		addQuery(event, description, query);
		return event;
	}

	/** What every event has: its BALP profile, type {@code rest}, the action, when, the outcome and the observer. */
	private static AuditEvent started(boolean concernsPatients, AuditEventAction action, AuditEvent.AuditEventOutcome outcome) {
		AuditEvent event = new AuditEvent();
		event.getMeta().addProfile(PROFILE + (concernsPatients ? "Patient" : "") + profile(action));
		event.setType(REST.copy());
		event.setAction(action).setRecorded(new Date()).setOutcome(outcome);
		event.getSource().setObserver(new Reference().setDisplay(OBSERVER));
		return event;
	}

	/** The user agent (the requestor), with the client's network address when known. */
	private static void addUser(AuditEvent event, Reference who, String networkAddress) {
		AuditEvent.AuditEventAgentComponent user = event.addAgent().setRequestor(true).setWho(who);
		if (networkAddress != null) {
			user.getNetwork().setAddress(networkAddress).setType(AuditEvent.AuditEventAgentNetworkType._2);
		}
	}

	/** The request as query entity: what was asked, and the URL as sent. */
	private static void addQuery(AuditEvent event, String description, String url) {
		event.addEntity().setType(SYSTEM_OBJECT.copy()).setRole(QUERY_ROLE.copy()).setDescription(description)
				.setQuery(url == null ? null : url.getBytes(StandardCharsets.UTF_8));
	}

	/** BALP's profile for an action: Read, Query (execute), Create, Update, Delete. */
	private static String profile(AuditEventAction action) {
		return switch (action) {
			case R -> "Read";
			case C -> "Create";
			case U -> "Update";
			case D -> "Delete";
			default -> "Query";
		};
	}

	/** The patients a resource belongs to. */
	Set<String> patientsOf(IBaseResource resource) {
		return compartment.patientsOf(resource);
	}
}
