package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server error never shows its internals: SQL, stack traces and Java class names stay in the
 * log, under an incident id that the client gets instead. Client errors (4xx) and other deliberate statuses (501, 503) pass unchanged.
 */
@Interceptor(order = InternalErrorMaskingInterceptor.ORDER)
final class InternalErrorMaskingInterceptor implements RestInterceptor {

	/** After the more specific mappers (e.g. database unavailable → 503). */
	static final int ORDER = 100;

	private static final Logger log = LoggerFactory.getLogger(InternalErrorMaskingInterceptor.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException mask(Throwable exception) {
		if (exception instanceof BaseServerResponseException response && response.getStatusCode() != 500) {
			return null;
		}
		String incident = UUID.randomUUID().toString();
		log.error("Internal error, incident {}", incident, exception);
		return new InternalErrorException("Internal server error (incident " + incident + "). The request was not completed.");
	}
}
