package be.lungcare.fhir.audit;

import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
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
final class AuditAgents {

	static final String CLIENT_SYSTEM = "https://fhir.lungcare.be/sid/oauth-client";
	static final String SUBJECT_SYSTEM = "https://fhir.lungcare.be/sid/oauth-subject";
	static final String NIHDI_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	static final String ANONYMOUS = "anonymous";

	Reference clientWho() {
		JwtAuthenticationToken token = token();
		String client = token == null ? null : token.getToken().getClaimAsString("azp");
		if (client == null && token != null) {
			client = token.getToken().getClaimAsString("client_id");
		}
		return identifier(CLIENT_SYSTEM, client == null ? ANONYMOUS : client);
	}

	Reference userWho() {
		JwtAuthenticationToken token = token();
		if (token == null) {
			return identifier(SUBJECT_SYSTEM, ANONYMOUS);
		}
		String nihdi = token.getToken().getClaimAsString("nihdi");
		return nihdi != null ? identifier(NIHDI_SYSTEM, nihdi) : identifier(SUBJECT_SYSTEM, token.getToken().getSubject());
	}

	static Reference identifier(String system, String value) {
		return new Reference().setIdentifier(new Identifier().setSystem(system).setValue(value));
	}

	static String networkAddress(RequestDetails request) {
		return request instanceof ServletRequestDetails servlet && servlet.getServletRequest() != null
				? servlet.getServletRequest().getRemoteAddr() : null;
	}

	private static JwtAuthenticationToken token() {
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		return authentication instanceof JwtAuthenticationToken token ? token : null;
	}
}
