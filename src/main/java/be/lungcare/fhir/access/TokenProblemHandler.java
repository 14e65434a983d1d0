package be.lungcare.fhir.access;

import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.firewall.RequestRejectedException;
import org.springframework.security.web.firewall.RequestRejectedHandler;

/**
 * The answer to a request without a usable token: 401 with {@code WWW-Authenticate: Bearer …} (RFC 6750) and an
 * OperationOutcome. When the token could not be checked because the issuer's keys could not be fetched, 503 with
 * {@code Retry-After}: the client is not at fault. And a request whose path Spring Security's firewall refuses
 * ({@code ;}, {@code //}, {@code ..}, encoded {@code %} or {@code .}): 400 naming the path.
 */
final class TokenProblemHandler implements AuthenticationEntryPoint, AuthenticationFailureHandler, RequestRejectedHandler {

	private static final Logger log = LoggerFactory.getLogger(TokenProblemHandler.class);

	private final BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
	private final FhirContext fhirContext;

	TokenProblemHandler(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
		bearer.setRealmName("lungcare");
	}

	@Override
	public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem) throws IOException {
		if (problem instanceof AuthenticationServiceException) {
			log.warn("Bearer token could not be checked: the issuer's keys are unavailable");
			response.setHeader("Retry-After", "10");
			write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, IssueType.TRANSIENT,
					"The access token could not be checked now (the identity provider's keys are unavailable); try again later", null);
			return;
		}
		bearer.commence(request, response, problem); // status 401 and WWW-Authenticate
		String message = problem == null || problem.getMessage() == null || problem.getMessage().startsWith("Full authentication")
				? "This request needs a bearer token (Authorization: Bearer …)"
				: "The bearer token was refused: " + Problems.withoutInternals(problem.getMessage());
		write(response, HttpServletResponse.SC_UNAUTHORIZED, IssueType.LOGIN, message, null);
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response, AuthenticationException problem)
			throws IOException {
		commence(request, response, problem);
	}

	@Override
	public void handle(HttpServletRequest request, HttpServletResponse response, RequestRejectedException problem) throws IOException {
		String message = "The request path is not allowed: it may not contain ';', '//', '..', or an encoded '%', '.' or '/'";
		write(response, HttpServletResponse.SC_BAD_REQUEST, IssueType.INVALID, message, "path");
	}

	private void write(HttpServletResponse response, int status, IssueType type, String message, String expression) throws IOException {
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=utf-8");
		byte[] body = fhirContext.newJsonParser().encodeResourceToString(Problems.outcome(type, message, expression)).getBytes(StandardCharsets.UTF_8);
		response.setContentLength(body.length);
		response.getOutputStream().write(body);
	}
}
