package be.lungcare.fhir.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import ca.uhn.fhir.storage.interceptor.balp.IBalpAuditContextServices;
import jakarta.servlet.http.HttpServletRequest;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who asked, for the AuditEvent's agents: the client ({@code azp}) and the user (the practitioner's NIHDI number
 * when the token carries one, else the token's subject), from the request's bearer token; and from where (the
 * client's IP address). Without a token (open mode), "anonymous".
 */
final class AuditAgents implements IBalpAuditContextServices {

	static final String CLIENT_SYSTEM = "https://fhir.lungcare.be/sid/oauth-client";
	static final String SUBJECT_SYSTEM = "https://fhir.lungcare.be/sid/oauth-subject";
	static final String NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";

	@Override
	public Reference getAgentClientWho(RequestDetails request) {
		JwtAuthenticationToken token = token();
		String client = token == null ? null : token.getToken().getClaimAsString("azp");
		if (client == null && token != null) {
			client = token.getToken().getClaimAsString("client_id");
		}
		return new Reference().setIdentifier(new Identifier().setSystem(CLIENT_SYSTEM).setValue(client == null ? "anonymous" : client));
	}

	@Override
	public Reference getAgentUserWho(RequestDetails request) {
		JwtAuthenticationToken token = token();
		if (token == null) {
			return new Reference().setIdentifier(new Identifier().setSystem(SUBJECT_SYSTEM).setValue("anonymous"));
		}
		String nihdi = token.getToken().getClaimAsString("nihdi");
		return nihdi != null ? new Reference().setIdentifier(new Identifier().setSystem(NIHDI_SYSTEM).setValue(nihdi))
				: new Reference().setIdentifier(new Identifier().setSystem(SUBJECT_SYSTEM).setValue(token.getToken().getSubject()));
	}

	@Override
	public String getNetworkAddress(RequestDetails request) {
		if (request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null) {
			HttpServletRequest http = servlet.getServletRequest();
			return http.getRemoteAddr();
		}
		return null;
	}

	private static JwtAuthenticationToken token() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken token ? token : null;
	}
}
