package be.lungcare.fhir.warmup;

import be.lungcare.fhir.config.InProcessRequest;
import be.lungcare.fhir.config.InProcessResponse;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServlet;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Sends GET requests to the FHIR servlet in process, on the calling thread, so that the REST layer (request
 * matching, request interceptors with access control and the audit trail, the search bundle, the JSON encoder) is
 * compiled before the first client's request. The requests carry an identity of the server's own, a read-only
 * system scope, set in the calling thread's security context for the duration of {@link #as}: they never pass the
 * HTTP filter chain and no token exists for them. Run inside a transaction that is rolled back (as the storage
 * warm-up does), their audit events are rolled back with it.
 */
final class RestWarmUp {

	/** The warm-up's identity, in the claims the access rules read: a client of the server itself, reading only. */
	static final String CLIENT_ID = "lungcare-warm-up";
	private static final String SCOPE = "system/*.rs";

	private final HttpServlet fhirServlet;
	private int requests;

	RestWarmUp(HttpServlet fhirServlet) {
		this.fhirServlet = fhirServlet;
	}

	/** Runs {@code work} with the warm-up's identity in the calling thread's security context, then restores it. */
	<T> T as(Supplier<T> work) {
		SecurityContext previous = SecurityContextHolder.getContext();
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		Instant now = Instant.now();
		Jwt jwt = Jwt.withTokenValue("in-process").header("alg", "none").subject(CLIENT_ID).claim("azp", CLIENT_ID)
				.claim("scope", SCOPE).issuedAt(now).expiresAt(now.plusSeconds(3600)).build();
		context.setAuthentication(new JwtAuthenticationToken(jwt, List.of()));
		SecurityContextHolder.setContext(context);
		try {
			return work.get();
		} finally {
			SecurityContextHolder.setContext(previous);
		}
	}

	/**
	 * One GET; anything but 200 is a failure of the warm-up.
	 *
	 * @param pathAndQuery the part after {@code /fhir/}, the query string encoded ({@link #encode})
	 * @return the response body
	 */
	String get(String pathAndQuery) {
		InProcessRequest request = new InProcessRequest(pathAndQuery, fhirServlet.getServletContext());
		InProcessResponse response = new InProcessResponse();
		try {
			fhirServlet.service(request, response);
		} catch (ServletException e) {
			throw new IllegalStateException("GET " + request.getPathInfo() + " failed", e);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		requests++;
		if (response.getStatus() != 200) {
			throw new IllegalStateException("GET " + request.getPathInfo() + " answered " + response.getStatus());
		}
		return response.body();
	}

	/** The requests answered so far. */
	int requests() {
		return requests;
	}

	static String encode(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}
}
