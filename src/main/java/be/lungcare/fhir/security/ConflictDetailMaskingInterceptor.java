package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import java.sql.SQLException;
import java.util.UUID;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessException;

/**
 * A 409 caused by a database constraint (a write that lost a race with a concurrent one, after the
 * retries) carries HAPI's copy of the database error, SQL included. The client gets a plain conflict
 * message instead; the detail goes to the log under an incident id.
 */
@Interceptor
final class ConflictDetailMaskingInterceptor implements RestInterceptor {

	/**
	 * HAPI's wrapping of a database constraint error: HAPI-0550 (the write was refused) or HAPI-0549 (still
	 * refused after the retries), followed by the database's own text rather than another HAPI message code.
	 */
	private static final Pattern DATABASE_DETAIL = Pattern.compile(
			"^HAPI-05(49|50): (Max retries \\(\\d+\\) exceeded for version conflict: )?+(?!HAPI-\\d{4}:)");

	static final String MESSAGE = "The request conflicted with a concurrent change to the same data and was not applied;"
			+ " retry it (incident %s).";

	private static final Logger log = LoggerFactory.getLogger(ConflictDetailMaskingInterceptor.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException mask(Throwable exception) {
		if (exception instanceof ResourceVersionConflictException conflict
				&& (isDatabaseDetail(conflict.getMessage()) || causedByTheDatabase(conflict))) {
			return new ResourceVersionConflictException(String.format(MESSAGE, incident(conflict.getMessage())));
		}
		return null;
	}

	/** True for the text of a database constraint error as HAPI wraps it (also used on batch entry outcomes). */
	static boolean isDatabaseDetail(String message) {
		return message != null && DATABASE_DETAIL.matcher(message).find();
	}

	private static boolean causedByTheDatabase(Throwable exception) {
		for (Throwable cause = exception.getCause(); cause != null; cause = cause.getCause()) {
			if (cause instanceof DataAccessException || cause instanceof SQLException) {
				return true;
			}
		}
		return false;
	}

	/** Logs the detail and returns the incident id that names it. */
	static String incident(String detail) {
		String incident = UUID.randomUUID().toString();
		log.warn("Write conflict, incident {}: {}", incident, detail);
		return incident;
	}
}
