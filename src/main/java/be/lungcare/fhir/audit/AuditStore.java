package be.lungcare.fhir.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * AuditEvents in two tables of the server's own database, beside HAPI's: the event as JSON, and the patients it
 * names (for {@code AuditEvent?patient=}; an event naming several patients is stored once and shown once per
 * patient). Written with plain JDBC on the same DataSource, so inside a write's
 * transaction the events commit or roll back with the write. The tables are created if missing (idempotent DDL
 * that runs on PostgreSQL and H2).
 */
final class AuditStore {

	/** The API id of one patient's view of an event that names several: {@code <stored id>-p<position>}. */
	private static final Pattern PER_PATIENT_ID = Pattern.compile("(.+)-p(\\d{1,5})");

	private final JdbcTemplate jdbc;
	private final DataSource dataSource;
	private final IParser parser;

	AuditStore(DataSource dataSource, FhirContext fhirContext) {
		this.dataSource = dataSource;
		this.jdbc = new JdbcTemplate(dataSource);
		this.parser = fhirContext.newJsonParser();
	}

	void createTables() {
		jdbc.execute("CREATE TABLE IF NOT EXISTS LC_AUDIT_EVENT (ID VARCHAR(36) PRIMARY KEY, RECORDED TIMESTAMP WITH TIME ZONE NOT NULL,"
				+ " EVENT TEXT NOT NULL)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS IDX_LC_AUDIT_EVENT_RECORDED ON LC_AUDIT_EVENT (RECORDED)");
		jdbc.execute("CREATE TABLE IF NOT EXISTS LC_AUDIT_PATIENT (EVENT_ID VARCHAR(36) NOT NULL, PATIENT_ID VARCHAR(64) NOT NULL)");
		jdbc.execute("CREATE INDEX IF NOT EXISTS IDX_LC_AUDIT_PATIENT ON LC_AUDIT_PATIENT (PATIENT_ID, EVENT_ID)");
	}

	/** Whether a write's transaction is open on this store's DataSource (events then commit with it). */
	boolean inWriteTransaction() {
		return TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.hasResource(dataSource)
				&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly();
	}

	/** Stores the events: one batched insert for the events, one for their patients. */
	void insert(List<AuditEvent> events) {
		if (events.isEmpty()) {
			return;
		}
		List<Object[]> rows = new ArrayList<>();
		List<Object[]> patients = new ArrayList<>();
		for (AuditEvent event : events) {
			if (!event.hasId()) {
				event.setId(UUID.randomUUID().toString());
			}
			String id = event.getIdElement().getIdPart();
			String json = AuditEventJson.write(event);
			// with assertions on (the tests), every stored event is checked against HAPI's encoder: an element set
			// somewhere that the direct writer does not know fails the test that stores it
			assert json.equals(parser.encodeResourceToString(event)) : "AuditEventJson differs from HAPI's encoding: " + json;
			rows.add(new Object[] {id, Timestamp.from(event.getRecorded().toInstant()), json});
			for (String patient : AuditEvents.patientsOf(event)) {
				patients.add(new Object[] {id, patient});
			}
		}
		jdbc.batchUpdate("INSERT INTO LC_AUDIT_EVENT (ID, RECORDED, EVENT) VALUES (?, ?, ?)", rows);
		if (!patients.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO LC_AUDIT_PATIENT (EVENT_ID, PATIENT_ID) VALUES (?, ?)", patients);
		}
	}

	/**
	 * An event by the id the API shows: the stored id, or for an event naming several patients, the stored id
	 * followed by {@code -p} and the patient's position ({@link #render}).
	 */
	AuditEvent read(String id) {
		Matcher perPatient = PER_PATIENT_ID.matcher(id);
		String eventId = perPatient.matches() ? perPatient.group(1) : id;
		List<String> json = jdbc.queryForList("SELECT EVENT FROM LC_AUDIT_EVENT WHERE ID = ?", String.class, eventId);
		if (json.isEmpty()) {
			return null;
		}
		AuditEvent event = parser.parseResource(AuditEvent.class, json.get(0));
		List<String> patients = AuditEvents.patientsOf(event);
		if (patients.size() <= 1) {
			return perPatient.matches() ? null : event;
		}
		int position = perPatient.matches() ? Integer.parseInt(perPatient.group(2)) : -1;
		return position >= 0 && position < patients.size() ? render(event, eventId, patients, patients.get(position)) : null;
	}

	/** The events concerning any of these patients (all events when null), newest first, one per patient. */
	List<AuditEvent> search(Set<String> patients, int offset, int count) {
		String select = "SELECT E.ID, E.EVENT, P.PATIENT_ID FROM ";
		String order = " ORDER BY E.RECORDED DESC, E.ID, P.PATIENT_ID LIMIT ? OFFSET ?";
		List<Object> args = new ArrayList<>();
		String sql;
		if (patients == null) {
			sql = select + "LC_AUDIT_EVENT E LEFT JOIN LC_AUDIT_PATIENT P ON P.EVENT_ID = E.ID" + order;
		} else if (patients.isEmpty()) {
			return List.of();
		} else {
			sql = select + "LC_AUDIT_PATIENT P JOIN LC_AUDIT_EVENT E ON E.ID = P.EVENT_ID WHERE P.PATIENT_ID IN ("
					+ String.join(",", patients.stream().map(p -> "?").toList()) + ")" + order;
			args.addAll(patients);
		}
		args.add(count);
		args.add(offset);
		return jdbc.query(sql, (row, n) -> {
			String id = row.getString(1);
			AuditEvent event = parser.parseResource(AuditEvent.class, row.getString(2));
			List<String> named = AuditEvents.patientsOf(event);
			String patient = row.getString(3);
			return named.size() <= 1 || patient == null ? event : render(event, id, named, patient);
		}, args.toArray());
	}

	/**
	 * One patient's view of an event that names several (a search whose results concern many patients is stored
	 * once): the other patients' entities removed, and an id of its own. So each patient sees only themselves, and
	 * every event shown names one patient, as BALP's patient events do.
	 */
	private static AuditEvent render(AuditEvent event, String eventId, List<String> patients, String patient) {
		String own = "Patient/" + patient;
		event.getEntity().removeIf(entity -> {
			String what = entity.getWhat().getReference();
			return what != null && what.startsWith("Patient/") && what.indexOf('/', 8) < 0 && !what.equals(own);
		});
		event.setId(eventId + "-p" + patients.indexOf(patient));
		return event;
	}

	/** Removes the events recorded before the cut-off; returns how many. */
	int purgeBefore(Instant cutoff) {
		Timestamp before = Timestamp.from(cutoff);
		jdbc.update("DELETE FROM LC_AUDIT_PATIENT WHERE EVENT_ID IN (SELECT ID FROM LC_AUDIT_EVENT WHERE RECORDED < ?)", before);
		return jdbc.update("DELETE FROM LC_AUDIT_EVENT WHERE RECORDED < ?", before);
	}
}
