package be.lungcare.fhir.audit;

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
 * It also gathers the patients whose resources a request shows, for the request's one read or query event.
 */
final class AuditEvents {

	/** What one request has gathered so far. */
	static final class Request {
		final List<AuditEvent> waiting = new ArrayList<>();
		final Set<String> patientsShown = new LinkedHashSet<>();
		boolean resourcesShown;
	}

	private static final ThreadLocal<Request> REQUEST = new ThreadLocal<>();

	private final AuditStore store;
	/** Transaction resource key of the events waiting for the current write transaction's commit. */
	private final Object transactionKey = new Object();

	AuditEvents(AuditStore store) {
		this.store = store;
	}

	/** A write's event: stored with the write's transaction when there is one, else with the request's events. */
	void recordWrite(AuditEvent event) {
		if (store.inWriteTransaction()) {
			waitingForCommit().add(event);
		} else {
			record(event);
		}
	}

	/** An event stored before the response (or at once, outside a request). */
	void record(AuditEvent event) {
		Request request = REQUEST.get();
		if (request != null) {
			request.waiting.add(event);
		} else {
			store.insert(List.of(event));
		}
	}

	/** The current request's state, or null outside a request. */
	Request current() {
		return REQUEST.get();
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
		REQUEST.set(new Request());
	}

	/** Stores the request's waiting events now (the caller turns a failure into 503). */
	void flushRequest() {
		Request request = REQUEST.get();
		if (request != null && !request.waiting.isEmpty()) {
			List<AuditEvent> events = List.copyOf(request.waiting);
			request.waiting.clear();
			store.insert(events);
		}
	}

	/** Drops the request's waiting events: the request failed, its data was not sent. */
	void discardRequest() {
		Request request = REQUEST.get();
		if (request != null) {
			request.waiting.clear();
			request.patientsShown.clear();
		}
	}

	void endRequest() {
		REQUEST.remove();
	}

	/** The logical ids of the patients an event names (entities that are Patients), in order. */
	static List<String> patientsOf(AuditEvent event) {
		List<String> patients = new ArrayList<>();
		for (AuditEvent.AuditEventEntityComponent entity : event.getEntity()) {
			String reference = entity.getWhat().getReference();
			if (reference != null && reference.startsWith("Patient/") && reference.indexOf('/', 8) < 0) {
				patients.add(reference.substring(8));
			}
		}
		return patients;
	}
}
