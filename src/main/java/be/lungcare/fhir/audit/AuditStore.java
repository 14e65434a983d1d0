package be.lungcare.fhir.audit;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * AuditEvents in two tables of the server's own database, beside HAPI's: the event as JSON, and the patients it
 * concerns (for {@code AuditEvent?patient=}). Written with plain JDBC on the same DataSource, so inside a write's
 * transaction the events commit or roll back with the write. The tables are created if missing (idempotent DDL
 * that runs on PostgreSQL and H2).
 */
final class AuditStore {

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
			rows.add(new Object[] {id, Timestamp.from(event.getRecorded().toInstant()), parser.encodeResourceToString(event)});
			for (String patient : AuditEvents.patientsOf(event)) {
				patients.add(new Object[] {id, patient});
			}
		}
		jdbc.batchUpdate("INSERT INTO LC_AUDIT_EVENT (ID, RECORDED, EVENT) VALUES (?, ?, ?)", rows);
		if (!patients.isEmpty()) {
			jdbc.batchUpdate("INSERT INTO LC_AUDIT_PATIENT (EVENT_ID, PATIENT_ID) VALUES (?, ?)", patients);
		}
	}

	AuditEvent read(String id) {
		List<String> json = jdbc.queryForList("SELECT EVENT FROM LC_AUDIT_EVENT WHERE ID = ?", String.class, id);
		return json.isEmpty() ? null : parser.parseResource(AuditEvent.class, json.get(0));
	}

	/** The events concerning any of these patients (all events when null), newest first. */
	List<AuditEvent> search(Set<String> patients, int offset, int count) {
		List<String> json;
		if (patients == null) {
			json = jdbc.queryForList("SELECT EVENT FROM LC_AUDIT_EVENT ORDER BY RECORDED DESC, ID LIMIT ? OFFSET ?", String.class, count, offset);
		} else if (patients.isEmpty()) {
			json = List.of();
		} else {
			String in = String.join(",", patients.stream().map(p -> "?").toList());
			List<Object> args = new ArrayList<>(patients);
			args.add(count);
			args.add(offset);
			json = jdbc.queryForList("SELECT E.EVENT FROM LC_AUDIT_EVENT E WHERE E.ID IN (SELECT P.EVENT_ID FROM LC_AUDIT_PATIENT P"
					+ " WHERE P.PATIENT_ID IN (" + in + ")) ORDER BY E.RECORDED DESC, E.ID LIMIT ? OFFSET ?", String.class, args.toArray());
		}
		return json.stream().map(j -> parser.parseResource(AuditEvent.class, j)).toList();
	}

	/** Removes the events recorded before the cut-off; returns how many. */
	int purgeBefore(Instant cutoff) {
		Timestamp before = Timestamp.from(cutoff);
		jdbc.update("DELETE FROM LC_AUDIT_PATIENT WHERE EVENT_ID IN (SELECT ID FROM LC_AUDIT_EVENT WHERE RECORDED < ?)", before);
		return jdbc.update("DELETE FROM LC_AUDIT_EVENT WHERE RECORDED < ?", before);
	}
}
