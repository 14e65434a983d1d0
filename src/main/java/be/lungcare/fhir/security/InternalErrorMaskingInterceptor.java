package be.lungcare.fhir.security;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.util.UUID;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A server error never shows its internals: SQL, stack traces and Java class names stay in the
 * log, under an incident id that the client gets instead. A {@link DataFormatException} (input that is not valid
 * FHIR) is a 400. Client errors (4xx) and other deliberate statuses (503) pass, with any Java class name taken
 * out of their message.
 */
@Interceptor(order = HookOrder.INTERNAL_ERROR_MASKING)
final class InternalErrorMaskingInterceptor implements RestInterceptor {

	private static final Logger log = LoggerFactory.getLogger(InternalErrorMaskingInterceptor.class);

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException mask(Throwable exception) {
		if (exception instanceof DataFormatException unparseable) {
			// HAPI's parsers and parameter binders: the client sent something that is not valid FHIR
			return new InvalidRequestException(Problems.withoutInternals(unparseable.getMessage()));
		}
		if (exception instanceof BaseServerResponseException response && response.getStatusCode() != 500) {
			return withoutInternals(response);
		}
		String incident = UUID.randomUUID().toString();
		log.error("Internal error, incident {}", incident, exception);
		return new InternalErrorException("Internal server error (incident " + incident + "). The request was not completed.");
	}

	/**
	 * A client error whose message names Java classes, with those names taken out; and one whose message names
	 * the element at fault (HAPI's parse errors: {@code [element="valueInteger"]}), with that element as its
	 * outcome's expression.
	 */
	private static BaseServerResponseException withoutInternals(BaseServerResponseException response) {
		if (response.getOperationOutcome() instanceof OperationOutcome outcome) {
			outcome.getIssue().forEach(issue -> issue.setDiagnostics(Problems.withoutInternals(issue.getDiagnostics())));
			return null;
		}
		String element = Problems.elementNamedIn(response.getMessage());
		if (!Problems.hasInternals(response.getMessage()) && element == null) {
			return null;
		}
		String message = Problems.withoutInternals(response.getMessage());
		BaseServerResponseException cleaned = BaseServerResponseException.newInstance(response.getStatusCode(), message);
		cleaned.setOperationOutcome(Problems.outcome(response.getStatusCode() == 400
				? OperationOutcome.IssueType.STRUCTURE
				: OperationOutcome.IssueType.PROCESSING, message, element));
		if (response.hasResponseHeaders()) {
			response.getResponseHeaders().forEach((name, values) -> values.forEach(v -> cleaned.addResponseHeader(name, v)));
		}
		return cleaned;
	}
}
