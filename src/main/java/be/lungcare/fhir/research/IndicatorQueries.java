package be.lungcare.fhir.research;

import ca.uhn.fhir.interceptor.model.RequestPartitionId;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.model.entity.BaseResourceIndexedSearchParam;
import ca.uhn.fhir.jpa.model.entity.ResourceIndexedSearchParamToken;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Plain SQL over HAPI's search index tables, for the indicators: which patients have an active condition of a
 * disease group, which observations, medication requests, care plans and care teams they have, with dates and values.
 * Every lookup goes through HAPI's hashed index columns (the same indexes HAPI's own searches use), and only current,
 * not deleted resources are indexed. Patients are returned as HAPI's internal resource ids (PIDs); {@link #fhirIds}
 * turns them into logical ids.
 */
final class IndicatorQueries {

	static final String LOINC = "http://loinc.org";
	static final String DISEASE_GROUP = "https://fhir.lungcare.be/CodeSystem/lungcare-disease-group";

	/** An observation (or other dated, valued resource) of a patient. */
	record Dated(long patient, int day, java.sql.Timestamp instant, Double value) {}

	private final JdbcTemplate jdbc;
	private final PartitionSettings partitions;
	private final RequestPartitionId partition = RequestPartitionId.defaultPartition();

	IndicatorQueries(JdbcTemplate jdbc, PartitionSettings partitions) {
		this.jdbc = jdbc;
		this.partitions = partitions;
	}

	private long token(String type, String param, String system, String code) {
		return ResourceIndexedSearchParamToken.calculateHashSystemAndValue(partitions, partition, type, param, system, code);
	}

	private long value(String type, String param, String code) {
		return ResourceIndexedSearchParamToken.calculateHashValue(partitions, partition, type, param, code);
	}

	private long identity(String type, String param) {
		return BaseResourceIndexedSearchParam.calculateHashIdentity(partitions, partition, type, param);
	}

	static int day(LocalDate date) {
		return date.getYear() * 10000 + date.getMonthValue() * 100 + date.getDayOfMonth();
	}

	/**
	 * Patients with a Condition of one of these disease groups (category) whose clinical status is {@code active} and
	 * whose verification status is not {@code refuted} or {@code entered-in-error}.
	 */
	Set<Long> activeConditionPatients(Collection<String> groups) {
		List<Object> args = new ArrayList<>();
		args.add(value("Condition", "clinical-status", "active"));
		args.add(value("Condition", "verification-status", "refuted"));
		args.add(value("Condition", "verification-status", "entered-in-error"));
		groups.forEach(g -> args.add(token("Condition", "category", DISEASE_GROUP, g)));
		return new HashSet<>(jdbc.queryForList("SELECT DISTINCT L.TARGET_RESOURCE_ID FROM HFJ_SPIDX_TOKEN G"
				+ " JOIN HFJ_SPIDX_TOKEN S ON S.RES_ID = G.RES_ID AND S.HASH_VALUE = ?"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = G.RES_ID AND L.SRC_PATH = 'Condition.subject'"
				+ " WHERE NOT EXISTS (SELECT 1 FROM HFJ_SPIDX_TOKEN V WHERE V.RES_ID = G.RES_ID AND V.HASH_VALUE IN (?, ?))"
				+ " AND G.HASH_SYS_AND_VALUE IN (" + marks(groups.size()) + ")", Long.class, args.toArray()));
	}

	/**
	 * Observations with this code, status final, amended or corrected, dated (Observation {@code date}, the calendar
	 * day of {@code effective[x]}) within [from, to]; with their {@code valueQuantity} when asked.
	 */
	List<Dated> observations(String system, String code, LocalDate from, LocalDate to, boolean withValue) {
		List<Object> args = new ArrayList<>();
		if (withValue) {
			args.add(identity("Observation", "value-quantity"));
		}
		args.add(value("Observation", "status", "final"));
		args.add(value("Observation", "status", "amended"));
		args.add(value("Observation", "status", "corrected"));
		args.add(identity("Observation", "date"));
		args.add(day(from));
		args.add(day(to));
		args.add(token("Observation", "code", system, code));
		return jdbc.query("SELECT L.TARGET_RESOURCE_ID, D.SP_VALUE_LOW_DATE_ORDINAL, D.SP_VALUE_LOW, "
				+ (withValue ? "Q.SP_VALUE" : "NULL") + " FROM HFJ_SPIDX_TOKEN C"
				+ (withValue ? " JOIN HFJ_SPIDX_QUANTITY Q ON Q.RES_ID = C.RES_ID AND Q.HASH_IDENTITY = ?" : "")
				+ " JOIN HFJ_SPIDX_TOKEN S ON S.RES_ID = C.RES_ID AND S.HASH_VALUE IN (?, ?, ?)"
				+ " JOIN HFJ_SPIDX_DATE D ON D.RES_ID = C.RES_ID AND D.HASH_IDENTITY = ? AND D.SP_VALUE_LOW_DATE_ORDINAL BETWEEN ? AND ?"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = C.RES_ID AND L.SRC_PATH = 'Observation.subject'"
				+ " WHERE C.HASH_SYS_AND_VALUE = ?",
				(row, n) -> new Dated(row.getLong(1), row.getInt(2), row.getTimestamp(3), withValue ? row.getDouble(4) : null), args.toArray());
	}

	/**
	 * Encounters (status not cancelled or entered-in-error) with this reason code whose period starts within
	 * [from, to], one row per encounter.
	 */
	List<Dated> encounters(String system, String code, LocalDate from, LocalDate to) {
		return jdbc.query("SELECT L.TARGET_RESOURCE_ID, D.SP_VALUE_LOW_DATE_ORDINAL, D.SP_VALUE_LOW, NULL FROM HFJ_SPIDX_TOKEN C"
				+ " JOIN HFJ_SPIDX_DATE D ON D.RES_ID = C.RES_ID AND D.HASH_IDENTITY = ? AND D.SP_VALUE_LOW_DATE_ORDINAL BETWEEN ? AND ?"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = C.RES_ID AND L.SRC_PATH = 'Encounter.subject'"
				+ " WHERE C.HASH_SYS_AND_VALUE = ? AND NOT EXISTS (SELECT 1 FROM HFJ_SPIDX_TOKEN V WHERE V.RES_ID = C.RES_ID AND V.HASH_VALUE IN (?, ?))",
				(row, n) -> new Dated(row.getLong(1), row.getInt(2), row.getTimestamp(3), null),
				identity("Encounter", "date"), day(from), day(to), token("Encounter", "reason-code", system, code),
				value("Encounter", "status", "cancelled"), value("Encounter", "status", "entered-in-error"));
	}

	/** Medication requests (status active or completed) for one of these codes, authored within [from, to]. */
	List<Dated> medicationRequests(String system, Collection<String> codes, LocalDate from, LocalDate to) {
		List<Object> args = new ArrayList<>();
		args.add(value("MedicationRequest", "status", "active"));
		args.add(value("MedicationRequest", "status", "completed"));
		args.add(identity("MedicationRequest", "authoredon"));
		args.add(day(from));
		args.add(day(to));
		codes.forEach(c -> args.add(token("MedicationRequest", "code", system, c)));
		return jdbc.query("SELECT L.TARGET_RESOURCE_ID, D.SP_VALUE_LOW_DATE_ORDINAL, D.SP_VALUE_LOW, NULL FROM HFJ_SPIDX_TOKEN C"
				+ " JOIN HFJ_SPIDX_TOKEN S ON S.RES_ID = C.RES_ID AND S.HASH_VALUE IN (?, ?)"
				+ " JOIN HFJ_SPIDX_DATE D ON D.RES_ID = C.RES_ID AND D.HASH_IDENTITY = ? AND D.SP_VALUE_LOW_DATE_ORDINAL BETWEEN ? AND ?"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = C.RES_ID AND L.SRC_PATH = 'MedicationRequest.subject'"
				+ " WHERE C.HASH_SYS_AND_VALUE IN (" + marks(codes.size()) + ")",
				(row, n) -> new Dated(row.getLong(1), row.getInt(2), row.getTimestamp(3), null), args.toArray());
	}

	/** Patients with an active CarePlan whose period started on or before {@code asOf} (or has no period). */
	Set<Long> activeCarePlanPatients(LocalDate asOf) {
		return new HashSet<>(jdbc.queryForList("SELECT DISTINCT L.TARGET_RESOURCE_ID FROM HFJ_SPIDX_TOKEN S"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = S.RES_ID AND L.SRC_PATH = 'CarePlan.subject'"
				+ " WHERE S.HASH_VALUE = ? AND NOT EXISTS (SELECT 1 FROM HFJ_SPIDX_DATE D WHERE D.RES_ID = S.RES_ID"
				+ " AND D.HASH_IDENTITY = ? AND D.SP_VALUE_LOW_DATE_ORDINAL > ?)", Long.class,
				value("CarePlan", "status", "active"), identity("CarePlan", "date"), day(asOf)));
	}

	/**
	 * The current JSON of the active CareTeams (period started on or before {@code asOf}, or none), by patient: the
	 * participants' roles are not a search parameter, so they are read from the stored resource.
	 */
	Map<Long, List<String>> activeCareTeams(LocalDate asOf) {
		Map<Long, List<String>> teams = new HashMap<>();
		jdbc.query("SELECT L.TARGET_RESOURCE_ID, V.RES_TEXT_VC FROM HFJ_SPIDX_TOKEN S"
				+ " JOIN HFJ_RES_LINK L ON L.SRC_RESOURCE_ID = S.RES_ID AND L.SRC_PATH = 'CareTeam.subject'"
				+ " JOIN HFJ_RESOURCE R ON R.RES_ID = S.RES_ID"
				+ " JOIN HFJ_RES_VER V ON V.RES_ID = R.RES_ID AND V.RES_VER = R.RES_VER"
				+ " WHERE S.HASH_VALUE = ? AND NOT EXISTS (SELECT 1 FROM HFJ_SPIDX_DATE D WHERE D.RES_ID = S.RES_ID"
				+ " AND D.HASH_IDENTITY = ? AND D.SP_VALUE_LOW_DATE_ORDINAL > ?)",
				row -> {
					teams.computeIfAbsent(row.getLong(1), p -> new ArrayList<>()).add(row.getString(2));
				}, value("CareTeam", "status", "active"), identity("CareTeam", "date"), day(asOf));
		return teams;
	}

	/**
	 * Patients with a CareTeam in which a PractitionerRole of this organization takes part (the {@code organization}
	 * filter), or null when the organization does not exist.
	 */
	Set<Long> patientsOfOrganization(String organizationId) {
		List<Long> organization = jdbc.queryForList("SELECT RES_ID FROM HFJ_RESOURCE WHERE RES_TYPE = 'Organization' AND FHIR_ID = ?"
				+ " AND RES_DELETED_AT IS NULL", Long.class, organizationId);
		if (organization.isEmpty()) {
			return null;
		}
		return new HashSet<>(jdbc.queryForList("SELECT DISTINCT T.TARGET_RESOURCE_ID FROM HFJ_RES_LINK T"
				+ " JOIN HFJ_RES_LINK M ON M.SRC_RESOURCE_ID = T.SRC_RESOURCE_ID AND M.SRC_PATH = 'CareTeam.participant.member'"
				+ " AND M.TARGET_RESOURCE_TYPE = 'PractitionerRole'"
				+ " JOIN HFJ_RES_LINK O ON O.SRC_RESOURCE_ID = M.TARGET_RESOURCE_ID AND O.SRC_PATH = 'PractitionerRole.organization'"
				+ " WHERE T.SRC_PATH = 'CareTeam.subject' AND O.TARGET_RESOURCE_ID = ?", Long.class, organization.get(0)));
	}

	/** The logical ids of these patients. */
	Map<Long, String> fhirIds(Collection<Long> pids) {
		Map<Long, String> ids = new HashMap<>();
		List<Long> all = List.copyOf(pids);
		for (int from = 0; from < all.size(); from += 1000) {
			List<Long> chunk = all.subList(from, Math.min(all.size(), from + 1000));
			jdbc.query("SELECT RES_ID, FHIR_ID FROM HFJ_RESOURCE WHERE RES_ID IN (" + marks(chunk.size()) + ")",
					row -> {
						ids.put(row.getLong(1), row.getString(2));
					}, chunk.toArray());
		}
		return ids;
	}

	private static String marks(int count) {
		return String.join(",", java.util.Collections.nCopies(Math.max(1, count), "?"));
	}
}
