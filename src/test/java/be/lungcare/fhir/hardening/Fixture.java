package be.lungcare.fhir.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The valid data the hostile requests aim at, created through the API before they start: two baseline patients
 * (the form search must find exactly one of them), a victim patient that only ever receives refused writes (its
 * version must stay 1), Basic canaries that only ever receive refused deletes, and the installed profile and
 * value set that the read-only conformance resources must protect. {@link #damage} checks them afterwards.
 */
final class Fixture {

	static final String LANGUAGE_VALUE_SET = Payloads.LUNGCARE + "/ValueSet/lungcare-language";
	private static final Duration TIMEOUT = Duration.ofSeconds(60);

	record Stored(String type, String id, String versionId, ObjectNode resource) {
		String reference() {
			return type + "/" + id;
		}
	}

	record BaselinePatient(Stored stored, Payloads.Person person, String family) {
	}

	private final RawHttp http;
	final int managementPort;
	final BaselinePatient a;
	final BaselinePatient b;
	final BaselinePatient victim;
	final Stored patientProfile;
	final Stored languageValueSet;
	private final List<Stored> canaries = new ArrayList<>();

	private Fixture(RawHttp http, int managementPort) {
		this.http = http;
		this.managementPort = managementPort;
		this.a = baseline("Baselinea");
		this.b = baseline("Baselineb");
		this.victim = baseline("Victim");
		this.patientProfile = installed("StructureDefinition", Payloads.PATIENT_PROFILE);
		this.languageValueSet = installed("ValueSet", LANGUAGE_VALUE_SET);
	}

	static Fixture create(RawHttp http, int managementPort) {
		return new Fixture(http, managementPort);
	}

	private BaselinePatient baseline(String family) {
		Payloads.Person person = Payloads.Person.fresh();
		ObjectNode patient = Payloads.patient(null, person, family);
		patient.set("meta", Json.obj("profile", Json.arr(Payloads.PATIENT_PROFILE)));
		return new BaselinePatient(create("Patient", patient), person, family);
	}

	/** A fresh Basic resource that a hostile request will try to delete; it must still be there at the end. */
	Stored canary() {
		Stored canary = create("Basic", Json.obj("resourceType", "Basic", "code", Json.obj("text", "hardening canary")));
		canaries.add(canary);
		return canary;
	}

	/** The victim as stored, with {@code marker} added as a tag: the body of a write that must be refused. */
	ObjectNode victimWith(String marker) {
		ObjectNode copy = victim.stored().resource().deepCopy();
		copy.set("meta", Payloads.meta(marker));
		return copy;
	}

	/** The installed profile as stored, tagged with {@code marker}. */
	ObjectNode patientProfileWith(String marker) {
		ObjectNode copy = patientProfile.resource().deepCopy();
		copy.set("meta", Payloads.meta(marker));
		return copy;
	}

	private Stored create(String type, ObjectNode resource) {
		RawHttp.Response response = http.send(new RawHttp.Request("POST", "/fhir/" + type,
				RawHttp.headers("Content-Type", "application/fhir+json", "Accept", "application/fhir+json",
						"Prefer", "return=representation"), Json.bytes(resource)), TIMEOUT);
		JsonNode body = Json.parse(response.body());
		if (response.status() != 201 || body == null) {
			throw new IllegalStateException("Could not create the " + type + " fixture: " + response.status() + " "
					+ (response.error() != null ? response.error() : response.bodyText()));
		}
		return stored(type, (ObjectNode) body);
	}

	private Stored installed(String type, String url) {
		RawHttp.Response response = http.send(new RawHttp.Request("GET", "/fhir/" + type + "?url=" + url,
				RawHttp.headers("Accept", "application/fhir+json"), null), TIMEOUT);
		JsonNode body = Json.parse(response.body());
		JsonNode resource = body == null ? null : body.path("entry").path(0).path("resource");
		if (response.status() != 200 || resource == null || resource.isMissingNode()) {
			throw new IllegalStateException("The installed " + type + " " + url + " was not found: " + response.status());
		}
		return stored(type, (ObjectNode) resource);
	}

	private static Stored stored(String type, ObjectNode resource) {
		return new Stored(type, resource.path("id").asText(), resource.path("meta").path("versionId").asText(), resource);
	}

	/**
	 * What the hostile requests changed or removed of the fixture, read through {@code server} (after a restart,
	 * not the server the fixture was created on); empty when it is intact.
	 */
	List<String> damage(RawHttp server) {
		List<String> damage = new ArrayList<>();
		for (BaselinePatient patient : List.of(a, b, victim)) {
			check(server, patient.stored(), damage);
		}
		check(server, patientProfile, damage);
		check(server, languageValueSet, damage);
		for (Stored canary : canaries) {
			check(server, canary, damage);
		}
		return damage;
	}

	private static void check(RawHttp server, Stored stored, List<String> damage) {
		RawHttp.Response response = server.send(new RawHttp.Request("GET", "/fhir/" + stored.reference(),
				RawHttp.headers("Accept", "application/fhir+json"), null), TIMEOUT);
		JsonNode body = Json.parse(response.body());
		if (response.status() == 0) {
			damage.add(stored.reference() + " could not be read: " + response.error());
		} else if (response.status() != 200 || body == null) {
			damage.add(stored.reference() + " is gone (GET answers " + response.status() + ")");
		} else if (!stored.versionId().equals(body.path("meta").path("versionId").asText())) {
			damage.add(stored.reference() + " was changed: version " + stored.versionId() + " is now "
					+ body.path("meta").path("versionId").asText());
		}
	}
}
