package be.lungcare.fhir.hardening;

import be.lungcare.fhir.TestData;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/** FHIR content for the hostile requests: valid LungCare resources to spoil, bundles, and raw byte tricks. */
final class Payloads {

	static final String TAG_SYSTEM = "https://fhir.lungcare.be/hardening";
	static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	static final String LUNGCARE = "https://fhir.lungcare.be";
	static final String PATIENT_PROFILE = LUNGCARE + "/StructureDefinition/lungcare-patient";
	static final String LOINC = "http://loinc.org";
	static final String UCUM = "http://unitsofmeasure.org";

	private static final AtomicInteger SERIAL = new AtomicInteger();

	private Payloads() {
	}

	/** A person with a fresh, valid SSIN (pre-2000 rule), unique within the run. */
	record Person(String ssin, LocalDate birthDate) {
		static Person fresh() {
			int k = SERIAL.incrementAndGet();
			LocalDate birthDate = LocalDate.of(1940 + k % 55, 1 + k % 12, 1 + (k / 12) % 28);
			return new Person(TestData.ssinBornOn(birthDate), birthDate);
		}
	}

	static ObjectNode meta(String marker) {
		return marker == null ? null : Json.obj("tag", Json.arr(Json.obj("system", TAG_SYSTEM, "code", marker)));
	}

	/** A Patient that conforms to the LungCare profile (without declaring it), tagged with {@code marker}. */
	static ObjectNode patient(String marker, Person person, String family) {
		return Json.obj("resourceType", "Patient",
				"meta", meta(marker),
				"identifier", Json.arr(Json.obj("system", SSIN_SYSTEM, "value", person.ssin())),
				"name", Json.arr(Json.obj("family", family, "given", Json.arr("Hardening"))),
				"gender", "female",
				"birthDate", person.birthDate().toString());
	}

	static ObjectNode patient(String marker) {
		return patient(marker, Person.fresh(), marker == null ? "Hardening" : marker);
	}

	/** A score Observation (ACT, CAT, mMRC) about {@code patientId}, without {@code meta.profile}. */
	static ObjectNode scoreObservation(String marker, String patientId, String system, String code, Object value) {
		return Json.obj("resourceType", "Observation",
				"meta", meta(marker),
				"status", "final",
				"category", Json.arr(Json.obj("coding", Json.arr(Json.obj(
						"system", "http://terminology.hl7.org/CodeSystem/observation-category", "code", "survey")))),
				"code", Json.obj("coding", Json.arr(Json.obj("system", system, "code", code))),
				"subject", Json.obj("reference", "Patient/" + patientId),
				"effectiveDateTime", "2026-09-15T09:00:00+02:00",
				"valueQuantity", Json.obj("value", value, "unit", "score", "system", UCUM, "code", "{score}"));
	}

	static ObjectNode actObservation(String marker, String patientId, Object value) {
		return scoreObservation(marker, patientId, LOINC, "82668-5", value);
	}

	/** A Basic resource (validated against base R4 only), tagged. */
	static ObjectNode basic(String marker) {
		return Json.obj("resourceType", "Basic",
				"meta", meta(marker),
				"code", Json.obj("text", "hardening"));
	}

	static ObjectNode entry(ObjectNode resource, String method, String url) {
		return Json.obj("resource", resource, "request", Json.obj("method", method, "url", url));
	}

	static ObjectNode entry(String fullUrl, ObjectNode resource, String method, String url) {
		return Json.obj("fullUrl", fullUrl, "resource", resource, "request", Json.obj("method", method, "url", url));
	}

	/** A request-only entry (GET, DELETE). */
	static ObjectNode requestEntry(String method, String url) {
		return Json.obj("request", Json.obj("method", method, "url", url));
	}

	static ObjectNode bundle(String type, ObjectNode... entries) {
		return Json.obj("resourceType", "Bundle", "type", type, "entry", Json.arr((Object[]) entries));
	}

	static ObjectNode bundle(String type, ArrayNode entries) {
		return Json.obj("resourceType", "Bundle", "type", type, "entry", entries);
	}

	/** A batch entry that PATCHes {@code url} with a JSON Patch document (a Binary, as FHIR R4 transports it). */
	static ObjectNode jsonPatchEntry(String url, String patch) {
		return entry(Json.obj("resourceType", "Binary", "contentType", "application/json-patch+json",
				"data", Base64.getEncoder().encodeToString(patch.getBytes(StandardCharsets.UTF_8))), "PATCH", url);
	}

	static String urnUuid(int n, int k) {
		return String.format("urn:uuid:%08d-0000-4000-8000-%012d", n, k);
	}

	/** {@code size} bytes of gzip data whose inflated form is {@code prefix}, then {@code fill} repeated, then {@code suffix}. */
	static byte[] gzip(String prefix, byte fill, long fillBytes, String suffix) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out, 64 * 1024)) {
			gzip.write(prefix.getBytes(StandardCharsets.UTF_8));
			byte[] block = new byte[1024 * 1024];
			java.util.Arrays.fill(block, fill);
			for (long left = fillBytes; left > 0; left -= block.length) {
				gzip.write(block, 0, (int) Math.min(block.length, left));
			}
			gzip.write(suffix.getBytes(StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	static byte[] gzip(byte[] plain) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
			gzip.write(plain);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	/** {@code body} with the first occurrence of {@code placeholder} replaced by raw bytes. */
	static byte[] splice(String body, String placeholder, byte[] raw) {
		int at = body.indexOf(placeholder);
		byte[] before = body.substring(0, at).getBytes(StandardCharsets.UTF_8);
		byte[] after = body.substring(at + placeholder.length()).getBytes(StandardCharsets.UTF_8);
		byte[] out = new byte[before.length + raw.length + after.length];
		System.arraycopy(before, 0, out, 0, before.length);
		System.arraycopy(raw, 0, out, before.length, raw.length);
		System.arraycopy(after, 0, out, before.length + raw.length, after.length);
		return out;
	}

	static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	/** A JSON text for a Patient (as {@link #patient}) with {@code extra} spliced in as further members. */
	static String patientWith(String marker, String extraMembers) {
		String base = Json.text(patient(marker));
		return base.substring(0, base.length() - 1) + "," + extraMembers + "}";
	}

	/** {@code levels} nested extensions, built as text (a JSON writer would refuse the depth). */
	static String nestedExtensions(int levels) {
		StringBuilder text = new StringBuilder(levels * 60);
		for (int i = 0; i < levels; i++) {
			text.append("{\"url\":\"").append(LUNGCARE).append("/hardening/nested\",\"extension\":[");
		}
		text.append("{\"url\":\"").append(LUNGCARE).append("/hardening/leaf\",\"valueString\":\"x\"}");
		for (int i = 0; i < levels; i++) {
			text.append("]}");
		}
		return text.toString();
	}

	static String repeat(String open, String middle, String close, int times) {
		return open.repeat(times) + middle + close.repeat(times);
	}
}
