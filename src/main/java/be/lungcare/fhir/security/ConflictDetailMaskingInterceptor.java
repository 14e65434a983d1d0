package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A 409 caused by a database constraint (a write that lost a race with a concurrent one, after the
 * retries) carries HAPI's copy of the database error, SQL included. The client gets a plain conflict
 * message instead; the detail goes to the log under an incident id.
 */
@Interceptor
final class ConflictDetailMaskingInterceptor implements RestInterceptor {

	/** HAPI's message code for a write refused by a database constraint ({@code DataIntegrityViolationException}). */
	private static final String DATABASE_CONFLICT = "HAPI-0550:";
	/** HAPI's message code for a conflict still there after the retries; it quotes the database error. */
	private static final String RETRIES_EXCEEDED = "HAPI-0549:";

	static final String MESSAGE = "The request conflicted with a concurrent change to the same data and was not applied;"
			+ " retry it (incident %s).";

	private static final Logger log = LoggerFactory.getLogger(ConflictDetailMaskingInterceptor.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException mask(Throwable exception) {
		if (exception instanceof ResourceVersionConflictException conflict && isDatabaseDetail(conflict.getMessage())) {
			return new ResourceVersionConflictException(String.format(MESSAGE, incident(conflict.getMessage())));
		}
		return null;
	}

	/**
	 * True for HAPI's wrapping of a database constraint error, directly or after the retries. A retried
	 * client conflict (e.g. HAPI-0989, a stale {@code If-Match}) quotes its own HAPI code and keeps its message.
	 */
	static boolean isDatabaseDetail(String message) {
		if (message == null) {
			return false;
		}
		return message.contains(DATABASE_CONFLICT)
				|| message.startsWith(RETRIES_EXCEEDED) && !message.substring(RETRIES_EXCEEDED.length()).contains("HAPI-");
	}

	/** Logs the detail and returns the incident id that names it. */
	static String incident(String detail) {
		String incident = UUID.randomUUID().toString();
		log.warn("Write conflict, incident {}: {}", incident, detail);
		return incident;
	}
}
