package be.lungcare.fhir.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Requests refused before they reach the FHIR server, for want of a valid token (401), are audited too: one
 * AuditEvent with the path and the client's address. Runs around Spring Security, so it sees the final status.
 */
final class UnauthenticatedAuditFilter extends OncePerRequestFilter {

	private static final Logger log = LoggerFactory.getLogger(UnauthenticatedAuditFilter.class);

	private final AuditStore store;

	UnauthenticatedAuditFilter(AuditStore store) {
		this.store = store;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		chain.doFilter(request, response);
		if (response.getStatus() != HttpServletResponse.SC_UNAUTHORIZED) {
			return;
		}
		String query = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		AuditEvent event = AuditEventBuilder.unauthenticated(request.getMethod() + " " + request.getRequestURI(), query,
				request.getRemoteAddr());
		try {
			store.insert(List.of(event));
		} catch (RuntimeException e) {
			log.error("The AuditEvent of an unauthenticated request could not be stored", e);
		}
	}
}
