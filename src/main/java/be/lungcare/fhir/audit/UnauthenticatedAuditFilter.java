package be.lungcare.fhir.audit;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Reference;
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
		AuditEvent event = new AuditEvent();
		event.getMeta().addProfile(AuditEventBuilder.PROFILE + "Query");
		event.setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-event-type", "rest", "Restful Operation"));
		event.setAction(AuditEvent.AuditEventAction.E).setRecorded(new Date()).setOutcome(AuditEvent.AuditEventOutcome._4)
				.setOutcomeDesc("401 no valid bearer token");
		event.addAgent().setRequestor(true).setWho(AuditAgents.identifier(AuditAgents.SUBJECT_SYSTEM, AuditAgents.ANONYMOUS))
				.getNetwork().setAddress(request.getRemoteAddr()).setType(AuditEvent.AuditEventAgentNetworkType._2);
		event.getSource().setObserver(new Reference().setDisplay(AuditEventBuilder.OBSERVER));
		String query = request.getRequestURI() + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
		event.addEntity().setType(new Coding("http://terminology.hl7.org/CodeSystem/audit-entity-type", "2", "System Object"))
				.setRole(new Coding("http://terminology.hl7.org/CodeSystem/object-role", "24", "Query"))
				.setDescription(request.getMethod() + " " + request.getRequestURI()).setQuery(query.getBytes(StandardCharsets.UTF_8));
		try {
			store.insert(List.of(event));
		} catch (RuntimeException e) {
			log.error("The AuditEvent of an unauthenticated request could not be stored", e);
		}
	}
}
