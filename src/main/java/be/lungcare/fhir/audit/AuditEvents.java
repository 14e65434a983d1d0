package be.lungcare.fhir.audit;

import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditEventSink;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.AuditEvent;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where the AuditEvents of a request wait until they are stored, so that nothing is lost and each request costs one
 * insert:
 * <ul>
 * <li>events of a write (create, update, delete, also in a transaction) are stored just before its database
 * transaction commits, in that transaction: no write without its event, no event of a write that rolled back;</li>
 * <li>the other events of a request (reads, searches, history, operations) are stored before the response is sent
 * ({@link AuditRequestInterceptor}); if they cannot be, the client gets 503 instead of the data.</li>
 * </ul>
 * HAPI's {@code BalpAuditCaptureInterceptor} hands its events here ({@link IBalpAuditEventSink}).
 */
final class AuditEvents implements IBalpAuditEventSink {

	private static final ThreadLocal<List<AuditEvent>> REQUEST = new ThreadLocal<>();

	private final AuditStore store;
	/** Transaction resource key of the events waiting for the current write transaction's commit. */
	private final Object transactionKey = new Object();

	AuditEvents(AuditStore store) {
		this.store = store;
	}

	@Override
	public void recordAuditEvent(AuditEvent event) {
		event.setText(null); // HAPI's generated narrative: optional, and most of the cost of encoding the event
		boolean write = event.getAction() == AuditEvent.AuditEventAction.C || event.getAction() == AuditEvent.AuditEventAction.U
				|| event.getAction() == AuditEvent.AuditEventAction.D;
		if (write && store.inWriteTransaction()) {
			waitingForCommit().add(event);
		} else if (REQUEST.get() != null) {
			REQUEST.get().add(event);
		} else {
			store.insert(List.of(event)); // no request around it
		}
	}

	@SuppressWarnings("unchecked")
	private List<AuditEvent> waitingForCommit() {
		List<AuditEvent> waiting = (List<AuditEvent>) TransactionSynchronizationManager.getResource(transactionKey);
		if (waiting == null) {
			List<AuditEvent> events = new ArrayList<>();
			TransactionSynchronizationManager.bindResource(transactionKey, events);
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void beforeCommit(boolean readOnly) {
					store.insert(events); // in the write's transaction: a failure rolls the write back
				}

				@Override
				public void afterCompletion(int status) {
					TransactionSynchronizationManager.unbindResourceIfPossible(transactionKey);
				}
			});
			waiting = events;
		}
		return waiting;
	}

	void startRequest() {
		REQUEST.set(new ArrayList<>());
	}

	/** Stores the request's waiting events now (the caller turns a failure into 503). */
	void flushRequest() {
		List<AuditEvent> waiting = REQUEST.get();
		if (waiting != null && !waiting.isEmpty()) {
			List<AuditEvent> events = List.copyOf(waiting);
			waiting.clear();
			store.insert(events);
		}
	}

	/** Drops the request's waiting events: the request failed, its data was not sent. */
	void discardRequest() {
		if (REQUEST.get() != null) {
			REQUEST.get().clear();
		}
	}

	void endRequest() {
		REQUEST.remove();
	}

	/** The logical ids of the patients an event concerns (entities that are Patients). */
	static Set<String> patientsOf(AuditEvent event) {
		Set<String> patients = new LinkedHashSet<>();
		for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
			String reference = entity.getWhat().getReferenceElement().toUnqualifiedVersionless().getValue();
			if (reference != null && reference.startsWith("Patient/") && reference.indexOf('/', 8) < 0) {
				patients.add(reference.substring(8));
			}
		}
		return patients;
	}
}
