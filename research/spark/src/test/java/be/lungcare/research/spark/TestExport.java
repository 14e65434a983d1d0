package be.lungcare.research.spark;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The hand-made export of {@link SparkIndicatorsTest}: FHIR R4 resources in the JSON shape of a HAPI FHIR Bulk
 * Data export, one resource per line. Patients: {@code c*} COPD cases, {@code a*} asthma cases, {@code b*} both
 * diseases; each line says why it is in or out of an indicator for the period 2026-01-01..2026-11-30 (spirometry
 * window 2025-12-01..2026-11-30). Expected: copd-spirometry-12m 8/12, asthma-act-controlled 8/11.
 *
 * <p>{@code main(dir)} writes it to a folder, to try the command line on it:
 * {@code java -cp target/test-classes be.lungcare.research.spark.TestExport /tmp/lungcare-export}.
 */
final class TestExport {

	static final String CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
	static final String VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
	static final String CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
	static final String GROUP = "https://fhir.lungcare.be/CodeSystem/lungcare-disease-group";
	static final String SNOMED = "http://snomed.info/sct";
	static final String LOINC = "http://loinc.org";
	static final String UCUM = "http://unitsofmeasure.org";

	private TestExport() {
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 1) {
			System.err.println("usage: TestExport <folder>");
			System.exit(2);
		}
		writeExport(Files.createDirectories(Path.of(args[0])));
	}

	/** Conditions in three files of one type, observations in two, one file mixing types, patients in one. */
	static void writeExport(Path export) throws IOException {
		List<String> patients = new ArrayList<>();
		for (String id : List.of("c1", "c2", "c3", "c4", "c5", "c6", "c7", "c8", "c9", "c10", "c11", "c12", "c13",
				"c14", "a1", "a2", "a3", "a4", "a5", "a6", "a7", "a8", "a9", "a10", "a11", "a12", "a13", "a14", "a15",
				"b1", "b2", "nobody")) {
			patients.add(patient(id));
		}
		write(export, "Patient.ndjson", patients);

		// COPD. Denominator: c1 c2 c3 c4 c8 c9 c10 c11 c12 (+ c16 of the mixed file, b1, b2) = 12.
		write(export, "Condition.ndjson", List.of(
				condition("cond-c1", "Patient/c1", "active", "confirmed", "copd"),
				condition("cond-c2", "Patient/c2", "active", "confirmed", "copd"),
				condition("cond-c3", "Patient/c3", "active", null, "copd"), // no verificationStatus: fine
				condition("cond-c4", "Patient/c4", "active", "provisional", "copd"),
				condition("cond-c5", "Patient/c5", "resolved", "confirmed", "copd"), // not active
				condition("cond-c6", "Patient/c6", "active", "refuted", "copd"), // refuted
				condition("cond-c7", "Patient/c7", "active", "entered-in-error", "copd"), // entered in error
				condition("cond-c8", "Patient/c8", "active", "confirmed", "copd"),
				condition("cond-c9", "Patient/c9", "active", "confirmed", "copd"),
				condition("cond-c10", "Patient/c10", "active", "confirmed", "copd"),
				// absolute reference with history: still patient c11
				condition("cond-c11", "https://fhir.lungcare.be/fhir/Patient/c11/_history/3", "active", "confirmed",
						"copd"),
				condition("cond-c12a", "Patient/c12", "active", "confirmed", "copd"), // two conditions, one patient
				condition("cond-c12b", "Patient/c12", "active", "confirmed", "copd"),
				condition("cond-c13", "Patient/c13", "active", "confirmed", null), // no disease group
				conditionWithGroupSystem("cond-c14", "Patient/c14", "http://example.org/other-groups", "copd"),
				condition("cond-b1-copd", "Patient/b1", "active", "confirmed", "copd")));

		// Asthma. With an ACT in the period: a1 a2 a3 a4 a7 a10 a13 a14 a15 b1 b2 = 11.
		write(export, "Condition-2.ndjson", List.of(
				condition("cond-a1", "Patient/a1", "active", "confirmed", "asthma"),
				condition("cond-a2", "Patient/a2", "active", "confirmed", "asthma"),
				condition("cond-a3", "Patient/a3", "active", "confirmed", "severe-type2-asthma"),
				condition("cond-a4", "Patient/a4", "active", "confirmed", "asthma"),
				condition("cond-a5", "Patient/a5", "active", "confirmed", "asthma"),
				condition("cond-a6", "Patient/a6", "active", "confirmed", "asthma"),
				condition("cond-a7", "Patient/a7", "active", "confirmed", "asthma"),
				condition("cond-a8", "Patient/a8", "inactive", "confirmed", "asthma"), // not active
				condition("cond-a9", "Patient/a9", "active", "refuted", "asthma"), // refuted
				condition("cond-a10", "Patient/a10", "active", "confirmed", "asthma"),
				condition("cond-a11", "Patient/a11", "active", "confirmed", "asthma"), // no ACT at all
				condition("cond-a12", "Patient/a12", "active", "confirmed", "aco"), // overlap group: not asthma
				condition("cond-a13", "Patient/a13", "active", "confirmed", "asthma"),
				condition("cond-b1-asthma", "Patient/b1", "active", "confirmed", "asthma")));
		write(export, "Condition_part2.ndjson", List.of(
				condition("cond-a14-old", "Patient/a14", "resolved", "confirmed", "asthma"),
				condition("cond-a14", "Patient/a14", "active", "confirmed", "asthma"),
				condition("cond-a15", "Patient/a15", "active", "confirmed", "asthma"),
				condition("cond-b2-copd", "Patient/b2", "active", "confirmed", "copd"),
				condition("cond-b2-asthma", "Patient/b2", "active", "confirmed", "severe-type2-asthma")));

		// Spirometry, window 2025-12-01..2026-11-30. Numerator: c1 c3 c8 c9 c11 c12 (+ c16, b1) = 8.
		write(export, "Observation-1.ndjson", List.of(
				spirometry("sp-c1", "Patient/c1", "final", "2026-10-06T10:30:00+02:00"), // in
				spirometry("sp-c2-13m", "Patient/c2", "final", "2025-10-30T09:00:00+01:00"), // 13 months ago
				spirometry("sp-c2-1d", "Patient/c2", "final", "2025-11-30T23:30:00+01:00"), // one day before
				observation("sp-c2-snomed", "Patient/c2", "final", SNOMED, "81459-0", "2026-06-01T09:00:00+02:00",
						null, null), // right code, wrong system
				// first day of the window in its own offset (2025-11-30 in UTC): in
				spirometry("sp-c3", "Patient/c3", "final", "2025-12-01T00:30:00+01:00"),
				spirometry("sp-c4-prelim", "Patient/c4", "preliminary", "2026-05-01T10:00:00+02:00"), // status
				spirometry("sp-c4-eie", "Patient/c4", "entered-in-error", "2026-05-02T10:00:00+02:00"), // status
				spirometry("sp-c5", "Patient/c5", "final", "2026-05-01T10:00:00+02:00"), // not in denominator
				spirometry("sp-c6", "Patient/c6", "final", "2026-05-01T10:00:00+02:00"), // not in denominator
				// effectivePeriod only, amended: in
				observation("sp-c8", "Patient/c8", "amended", LOINC, "81459-0", null, "2026-03-01T09:00:00+01:00",
						null),
				// last day of the window in its own offset (2026-12-01 in UTC), corrected: in
				spirometry("sp-c9", "Patient/c9", "corrected", "2026-11-30T23:59:00-05:00"),
				observation("fev1-c10", "Patient/c10", "final", LOINC, "20150-9", "2026-06-01T09:00:00+02:00", null,
						"1.9"), // another code
				// the day after the window in its own offset (2026-11-30 in UTC): out
				spirometry("sp-c10", "Patient/c10", "final", "2026-12-01T00:30:00+01:00"),
				spirometry("sp-c11", "Patient/c11", "final", "2026-02-02T11:00:00+01:00"),
				spirometry("sp-c12-1", "Patient/c12", "final", "2026-01-15T11:00:00+01:00"),
				spirometry("sp-c12-2", "Patient/c12", "final", "2026-07-15T11:00:00+02:00"),
				spirometry("sp-c13", "Patient/c13", "final", "2026-07-15T11:00:00+02:00"), // not in denominator
				spirometry("sp-c14", "Patient/c14", "final", "2026-07-15T11:00:00+02:00"), // not in denominator
				spirometry("sp-b1", "Patient/b1", "final", "2026-04-04T11:00:00+02:00")));

		// ACT, period 2026-01-01..2026-11-30. Numerator: a2 a3 a4 a10 a13 a14 a15 b1 = 8.
		write(export, "Observation_part2.ndjson", List.of(
				act("act-a1-old", "Patient/a1", "final", "2026-03-01T10:00:00+01:00", "22"),
				act("act-a1-new", "Patient/a1", "final", "2026-09-01T10:00:00+02:00", "15"), // latest: 15
				act("act-a2-old", "Patient/a2", "final", "2026-02-01T10:00:00+01:00", "15"),
				act("act-a2-new", "Patient/a2", "final", "2026-08-01T10:00:00+02:00", "20"), // latest: 20, >= 20
				act("act-a3", "Patient/a3", "amended", "2026-05-05T10:00:00+02:00", "24"), // severe type 2
				// same day, two times; the later one comes first in the file: latest is 18:15 (21)
				act("act-a4-evening", "Patient/a4", "final", "2026-06-10T18:15:00+02:00", "21"),
				act("act-a4-morning", "Patient/a4", "final", "2026-06-10T08:00:00+02:00", "12"),
				act("act-a5", "Patient/a5", "final", "2025-12-15T10:00:00+01:00", "25"), // before the period
				act("act-a6", "Patient/a6", "preliminary", "2026-04-01T10:00:00+02:00", "25"), // status
				act("act-a7", "Patient/a7", "final", "2026-10-10T10:00:00+02:00", "19.5"), // latest in period
				act("act-a7-after", "Patient/a7", "final", "2026-12-05T10:00:00+01:00", "25"), // after the period
				act("act-a8", "Patient/a8", "final", "2026-04-01T10:00:00+02:00", "25"), // inactive condition
				act("act-a9", "Patient/a9", "final", "2026-04-01T10:00:00+02:00", "25"), // refuted condition
				// effectivePeriod only
				observation("act-a10", "Patient/a10", "final", LOINC, "82668-5", null, "2026-04-01T10:00:00+02:00",
						"23"),
				act("act-a12", "Patient/a12", "final", "2026-04-01T10:00:00+02:00", "25"), // aco group
				// first day of the period in its own offset (2025-12-31 in UTC), decimal 20.0
				act("act-a13", "Patient/a13", "final", "2026-01-01T00:10:00+01:00", "20.0"),
				act("act-a14", "Patient/a14", "final", "2026-07-07T10:00:00+02:00", "24"),
				act("act-a15", "Patient/a15", "final", "2026-03-03T10:00:00+01:00", "22"),
				act("act-a15-eie", "Patient/a15", "entered-in-error", "2026-10-10T10:00:00+02:00", "5"), // ignored
				act("act-b1", "Patient/b1", "final", "2026-05-05T10:00:00+02:00", "21"),
				// a date-only value sorts before any time that day: the latest is 09:00 (10)
				act("act-b2-date", "Patient/b2", "final", "2026-06-01", "23"),
				act("act-b2-time", "Patient/b2", "final", "2026-06-01T09:00:00+02:00", "10"),
				act("act-nobody", "Patient/nobody", "final", "2026-06-01T09:00:00+02:00", "25"))); // no condition

		// A file named after nothing, mixing types: its Condition and Observation count by resourceType.
		write(export, "mixed-export.ndjson", List.of(
				patient("c16"),
				condition("cond-c16", "Patient/c16", "active", "confirmed", "copd"),
				spirometry("sp-c16", "Patient/c16", "final", "2026-09-09T10:00:00+02:00")));

		// Not an .ndjson file: ignored.
		write(export, "notes.txt", List.of(condition("cond-txt", "Patient/c5", "active", "confirmed", "copd")));
	}

	/** The conditions again, without any Observation file, plus files that must be skipped. */
	static void writeExportWithoutObservations(Path export, Path withoutObservations) throws IOException {
		for (String name : List.of("Patient.ndjson", "Condition.ndjson", "Condition-2.ndjson",
				"Condition_part2.ndjson")) {
			Files.copy(export.resolve(name), withoutObservations.resolve(name));
		}
		// Hidden to Spark's file listing: skipped
		write(withoutObservations, "_Condition.ndjson",
				List.of(condition("cond-hidden", "Patient/c5", "active", "confirmed", "copd")));
	}


	// FHIR JSON as a HAPI FHIR Bulk Data export writes it (one resource per line)

	static void write(Path dir, String name, List<String> lines) throws IOException {
		Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
	}

	static String meta(String profile) {
		return "\"meta\":{\"versionId\":\"1\",\"lastUpdated\":\"2026-11-30T08:00:00.000+00:00\",\"source\":\"#export\","
				+ "\"profile\":[\"https://fhir.lungcare.be/StructureDefinition/" + profile + "\"]}";
	}

	static String patient(String id) {
		return "{\"resourceType\":\"Patient\",\"id\":\"" + id + "\"," + meta("lungcare-patient")
				+ ",\"active\":true,\"name\":[{\"family\":\"Test\",\"given\":[\"" + id + "\"]}],"
				+ "\"gender\":\"female\",\"birthDate\":\"1960-05-04\"}";
	}

	static String condition(String id, String subject, String clinical, String verification, String group) {
		return condition(id, subject, clinical, verification, group == null ? null : GROUP, group);
	}

	static String conditionWithGroupSystem(String id, String subject, String groupSystem, String group) {
		return condition(id, subject, "active", "confirmed", groupSystem, group);
	}

	static String condition(String id, String subject, String clinical, String verification, String groupSystem,
			String group) {
		StringBuilder json = new StringBuilder("{\"resourceType\":\"Condition\",\"id\":\"" + id + "\","
				+ meta("lungcare-condition"));
		json.append(",\"clinicalStatus\":{\"coding\":[{\"system\":\"" + CLINICAL + "\",\"code\":\"" + clinical + "\"}]}");
		if (verification != null) {
			json.append(",\"verificationStatus\":{\"coding\":[{\"system\":\"" + VER_STATUS + "\",\"code\":\""
					+ verification + "\"}]}");
		}
		json.append(",\"category\":[");
		if (group != null) {
			json.append("{\"coding\":[{\"system\":\"" + groupSystem + "\",\"code\":\"" + group + "\"}]},");
		}
		json.append("{\"coding\":[{\"system\":\"" + CATEGORY
				+ "\",\"code\":\"problem-list-item\",\"display\":\"Problem List Item\"}]}]");
		json.append(",\"code\":{\"coding\":[{\"system\":\"" + SNOMED
				+ "\",\"code\":\"13645005\",\"display\":\"Chronic obstructive lung disease\"}]}");
		json.append(",\"subject\":{\"reference\":\"" + subject + "\"}");
		json.append(",\"onsetDateTime\":\"2019-02-11\",\"recordedDate\":\"2019-02-11\"}");
		return json.toString();
	}

	static String spirometry(String id, String subject, String status, String effectiveDateTime) {
		return observation(id, subject, status, LOINC, "81459-0", effectiveDateTime, null, null);
	}

	static String act(String id, String subject, String status, String effectiveDateTime, String score) {
		return observation(id, subject, status, LOINC, "82668-5", effectiveDateTime, null, score);
	}

	/**
	 * An Observation with effectiveDateTime or effectivePeriod (one of the two null); a spirometry panel gets
	 * components, others a valueQuantity when {@code value} (a JSON number literal) is given.
	 */
	static String observation(String id, String subject, String status, String system, String code,
			String effectiveDateTime, String periodStart, String value) {
		StringBuilder json = new StringBuilder("{\"resourceType\":\"Observation\",\"id\":\"" + id + "\","
				+ meta(code.equals("82668-5") ? "lungcare-asthma-control-test" : "lungcare-spirometry"));
		json.append(",\"status\":\"" + status + "\"");
		json.append(",\"category\":[{\"coding\":[{\"system\":"
				+ "\"http://terminology.hl7.org/CodeSystem/observation-category\",\"code\":\"survey\"}]}]");
		json.append(",\"code\":{\"coding\":[{\"system\":\"" + system + "\",\"code\":\"" + code + "\"}]}");
		json.append(",\"subject\":{\"reference\":\"" + subject + "\"}");
		if (effectiveDateTime != null) {
			json.append(",\"effectiveDateTime\":\"" + effectiveDateTime + "\"");
		}
		if (periodStart != null) {
			json.append(",\"effectivePeriod\":{\"start\":\"" + periodStart + "\",\"end\":\"" + periodStart + "\"}");
		}
		if (value != null) {
			json.append(",\"valueQuantity\":{\"value\":" + value + ",\"unit\":\"{score}\",\"system\":\"" + UCUM
					+ "\",\"code\":\"{score}\"}");
		}
		if (code.equals("81459-0")) {
			json.append(",\"component\":[{\"code\":{\"coding\":[{\"system\":\"" + LOINC
					+ "\",\"code\":\"19870-5\"}]},\"valueQuantity\":{\"value\":3.14,\"unit\":\"L\",\"system\":\""
					+ UCUM + "\",\"code\":\"L\"}}]");
		}
		json.append("}");
		return json.toString();
	}
}
