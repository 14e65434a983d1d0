package be.lungcare.fhir.access;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * The grant of each request, read once from the authenticated token and kept with the request (sub-requests of
 * a transaction share it), and the patients each of its scope contexts reaches.
 */
final class AccessGrants {

	private final AccessProperties properties;
	private final CareRelationships relationships;
	private final Predicate<String> isResourceType;

	AccessGrants(AccessProperties properties, CareRelationships relationships, FhirContext fhirContext) {
		this.properties = properties;
		this.relationships = relationships;
		Set<String> types = fhirContext.getResourceTypes();
		this.isResourceType = types::contains;
	}

	/** The request's grant; null when it carries no authenticated token (only public endpoints get that far). */
	AccessGrant of(RequestDetails request) {
		if (request.getUserData().get(Access.GRANT) instanceof AccessGrant grant) {
			return grant;
		}
		Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
		if (!(authentication instanceof JwtAuthenticationToken token)) {
			return null;
		}
		AccessGrant grant = AccessGrant.of(token.getToken(), properties, isResourceType);
		request.getUserData().put(Access.GRANT, grant);
		return grant;
	}

	/** The Patient a {@code patient/} scope is bound to: the token's patient id, else the Patient with its SSIN. */
	String patientOf(AccessGrant grant) {
		if (grant.patientId() != null) {
			return grant.patientId();
		}
		return grant.ssin() == null ? null : relationships.patientWithSsin(grant.ssin());
	}

	/** The patients a {@code user/} scope reaches: those in a care relationship with the token's practitioner. */
	Set<String> patientsOfPractitioner(AccessGrant grant) {
		return grant.nihdi() == null ? Set.of() : relationships.patientsOf(grant.nihdi());
	}
}
