package be.lungcare.fhir.access;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.AuthenticationServiceException;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/** 401 for the client's token problems, 503 when the issuer's keys cannot be had; always an OperationOutcome. */
class TokenProblemHandlerTest {

	private final TokenProblemHandler handler = new TokenProblemHandler(FhirContext.forR4Cached());

	@Test
	void aBadTokenIs401WithTheBearerChallenge() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.commence(new MockHttpServletRequest(), response, new InvalidBearerTokenException("Jwt expired at 2026-12-01T08:00:00Z"));
		assertThat(response.getStatus()).isEqualTo(401);
		assertThat(response.getHeader("WWW-Authenticate")).startsWith("Bearer").contains("invalid_token");
		assertThat(response.getContentAsString()).contains("\"OperationOutcome\"", "\"login\"", "Jwt expired");
	}

	@Test
	void unavailableKeysAre503WithRetryAfter() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.onAuthenticationFailure(new MockHttpServletRequest(), response,
				new AuthenticationServiceException("Couldn't retrieve remote JWK set: Connection refused"));
		assertThat(response.getStatus()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("10");
		assertThat(response.getContentAsString()).contains("\"transient\"").doesNotContain("Connection refused");
	}

	@Test
	void aPathTheFirewallRefusesIs400WithAnOperationOutcome() throws Exception {
		MockHttpServletResponse response = new MockHttpServletResponse();
		handler.handle(new MockHttpServletRequest("POST", "/fhir/Patient/../$expunge"), response,
				new org.springframework.security.web.firewall.RequestRejectedException("The request was rejected because the URL was not normalized."));
		assertThat(response.getStatus()).isEqualTo(400);
		assertThat(response.getContentAsString()).contains("\"OperationOutcome\"", "\"invalid\"", "\"path\"").doesNotContain("rejected because");
	}
}
