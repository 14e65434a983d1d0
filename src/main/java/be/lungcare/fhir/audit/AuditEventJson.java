package be.lungcare.fhir.audit;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAgentComponent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventEntityComponent;
import org.hl7.fhir.r4.model.Base64BinaryType;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;

/**
 * The stored form of the server's AuditEvents, FHIR JSON that HAPI's parser reads back, written directly with
 * Jackson: the elements the events of {@link AuditEventBuilder} carry, nothing else. HAPI's generic encoder spent as
 * much CPU on each small event as on a resource of the response (6 % of a query's CPU); this writes the same JSON for
 * a fraction of it. {@code AuditEventJsonTest} compares the two for each kind of event the builder makes, and
 * {@link AuditStore} for every event it stores when assertions are on (the tests).
 */
final class AuditEventJson {

	private static final JsonFactory JSON = new JsonFactory();

	private AuditEventJson() {
	}

	static String write(AuditEvent event) {
		StringWriter out = new StringWriter(512 + 160 * event.getEntity().size());
		try (JsonGenerator json = JSON.createGenerator(out)) {
			json.writeStartObject();
			json.writeStringField("resourceType", "AuditEvent");
			if (event.hasIdElement() && event.getIdElement().hasIdPart()) {
				json.writeStringField("id", event.getIdElement().getIdPart());
			}
			if (event.getMeta().hasProfile()) {
				json.writeObjectFieldStart("meta");
				json.writeArrayFieldStart("profile");
				for (CanonicalType profile : event.getMeta().getProfile()) {
					json.writeString(profile.getValue());
				}
				json.writeEndArray();
				json.writeEndObject();
			}
			if (event.hasType()) {
				json.writeFieldName("type");
				coding(json, event.getType());
			}
			codings(json, "subtype", event.getSubtype());
			string(json, "action", event.hasAction() ? event.getAction().toCode() : null);
			string(json, "recorded", event.getRecordedElement().getValueAsString());
			string(json, "outcome", event.hasOutcome() ? event.getOutcome().toCode() : null);
			string(json, "outcomeDesc", event.getOutcomeDesc());
			if (event.hasAgent()) {
				json.writeArrayFieldStart("agent");
				for (AuditEventAgentComponent agent : event.getAgent()) {
					agent(json, agent);
				}
				json.writeEndArray();
			}
			if (!event.getSource().isEmpty()) {
				json.writeObjectFieldStart("source");
				reference(json, "observer", event.getSource().getObserver());
				json.writeEndObject();
			}
			if (event.hasEntity()) {
				json.writeArrayFieldStart("entity");
				for (AuditEventEntityComponent entity : event.getEntity()) {
					entity(json, entity);
				}
				json.writeEndArray();
			}
			json.writeEndObject();
		} catch (IOException e) {
			throw new UncheckedIOException(e); // a StringWriter does not fail
		}
		return out.toString();
	}

	private static void agent(JsonGenerator json, AuditEventAgentComponent agent) throws IOException {
		json.writeStartObject();
		if (agent.hasType()) {
			json.writeFieldName("type");
			codeableConcept(json, agent.getType());
		}
		reference(json, "who", agent.getWho());
		if (agent.hasRequestorElement()) {
			json.writeBooleanField("requestor", agent.getRequestor());
		}
		if (agent.hasNetwork()) {
			json.writeObjectFieldStart("network");
			string(json, "address", agent.getNetwork().getAddress());
			string(json, "type", agent.getNetwork().hasType() ? agent.getNetwork().getType().toCode() : null);
			json.writeEndObject();
		}
		json.writeEndObject();
	}

	private static void entity(JsonGenerator json, AuditEventEntityComponent entity) throws IOException {
		json.writeStartObject();
		reference(json, "what", entity.getWhat());
		if (entity.hasType()) {
			json.writeFieldName("type");
			coding(json, entity.getType());
		}
		if (entity.hasRole()) {
			json.writeFieldName("role");
			coding(json, entity.getRole());
		}
		string(json, "description", entity.getDescription());
		if (entity.hasQuery()) {
			json.writeStringField("query", new Base64BinaryType(entity.getQuery()).getValueAsString());
		}
		json.writeEndObject();
	}

	private static void reference(JsonGenerator json, String name, Reference reference) throws IOException {
		if (reference.isEmpty()) {
			return;
		}
		json.writeObjectFieldStart(name);
		string(json, "reference", reference.getReference());
		if (reference.hasIdentifier()) {
			Identifier identifier = reference.getIdentifier();
			json.writeObjectFieldStart("identifier");
			string(json, "system", identifier.getSystem());
			string(json, "value", identifier.getValue());
			json.writeEndObject();
		}
		string(json, "display", reference.getDisplay());
		json.writeEndObject();
	}

	private static void codeableConcept(JsonGenerator json, CodeableConcept concept) throws IOException {
		json.writeStartObject();
		codings(json, "coding", concept.getCoding());
		string(json, "text", concept.getText());
		json.writeEndObject();
	}

	private static void codings(JsonGenerator json, String name, List<Coding> codings) throws IOException {
		if (codings.isEmpty()) {
			return;
		}
		json.writeArrayFieldStart(name);
		for (Coding coding : codings) {
			coding(json, coding);
		}
		json.writeEndArray();
	}

	private static void coding(JsonGenerator json, Coding coding) throws IOException {
		json.writeStartObject();
		string(json, "system", coding.getSystem());
		string(json, "code", coding.getCode());
		string(json, "display", coding.getDisplay());
		json.writeEndObject();
	}

	/** A string element, left out when blank (as HAPI's encoder leaves out a blank primitive). */
	private static void string(JsonGenerator json, String name, String value) throws IOException {
		if (value != null && !value.isBlank()) {
			json.writeStringField(name, value);
		}
	}
}
