package be.lungcare.fhir.operations;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One log line per FHIR request: method, path, status and duration. Never the query string,
 * headers or body, which may hold patient data (an SSIN in a search, a conditional URL).
 */
@Interceptor
final class RequestLoggingInterceptor implements RestInterceptor {

	static final String LOGGER_NAME = "lungcare.requests";

	private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

	@Hook(Pointcut.SERVER_PROCESSING_COMPLETED)
	public void completed(RequestDetails request, ServletRequestDetails servletRequest) {
		int status = servletRequest.getServletResponse().getStatus();
		// getRequestURI() is the path only: the query string is never logged.
		log.info("{} {} {} {} ms", request.getRequestType(), servletRequest.getServletRequest().getRequestURI(),
				status, request.getRequestStopwatch().getMillis());
	}
}
