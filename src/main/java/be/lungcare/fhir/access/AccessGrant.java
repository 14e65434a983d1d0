package be.lungcare.fhir.access;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * What one request's bearer token grants: who (client, user, practitioner, patient) and the SMART resource scopes.
 * Which patients a {@code user/} or {@code patient/} scope reaches is worked out separately ({@link CareRelationships}).
 *
 * @param clientId      the client ({@code azp}, else {@code client_id})
 * @param subject       the user or service account ({@code sub})
 * @param nihdi         the practitioner's NIHDI number, if the token names one
 * @param patientId     the Patient's logical id for {@code patient/} scopes, if the token names one
 * @param ssin          the patient's SSIN, if the token names one (used when there is no patient id)
 * @param scopes        the well-formed SMART resource scopes; anything else in {@code scope} grants nothing
 * @param administrator the token carries the admin scope: conformance resources are writable
 * @param research      the client is a research client: no patient data over REST
 */
record AccessGrant(String clientId, String subject, String nihdi, String patientId, String ssin, List<SmartScope> scopes,
		boolean administrator, boolean research) {

	static AccessGrant of(Jwt jwt, AccessProperties properties, Predicate<String> isResourceType) {
		String scope = jwt.getClaimAsString("scope");
		if (scope == null && jwt.getClaimAsStringList("scp") != null) {
			scope = String.join(" ", jwt.getClaimAsStringList("scp"));
		}
		String clientId = jwt.getClaimAsString("azp") != null ? jwt.getClaimAsString("azp") : jwt.getClaimAsString("client_id");
		Set<String> tokens = scope == null ? Set.of() : Set.of(scope.trim().split("\\s+"));
		return new AccessGrant(clientId, jwt.getSubject(), claim(jwt, properties.practitionerClaim()),
				claim(jwt, properties.patientClaim()), claim(jwt, properties.ssinClaim()),
				SmartScope.parseAll(scope, isResourceType), tokens.contains(properties.adminScope()),
				clientId != null && properties.researchClients().contains(clientId));
	}

	private static String claim(Jwt jwt, String name) {
		String value = jwt.getClaimAsString(name);
		return value == null || value.isBlank() ? null : value.trim();
	}

	/** Whether some scope of the given context names this permission on this type. */
	boolean allows(SmartScope.Context context, String type, SmartScope.Permission permission) {
		return scopes.stream().anyMatch(s -> s.context() == context && s.covers(type) && s.allows(permission));
	}

	/** Whether some scope, of any context, names this permission on this type. */
	boolean allowsAnywhere(String type, SmartScope.Permission permission) {
		return scopes.stream().anyMatch(s -> s.covers(type) && s.allows(permission));
	}

	boolean has(SmartScope.Context context) {
		return scopes.stream().anyMatch(s -> s.context() == context);
	}

	/** A scope of this token's kind that would allow the interaction, for error messages ("user/Observation.c"). */
	String example(String type, String letter) {
		String context = has(SmartScope.Context.PATIENT) ? "patient" : has(SmartScope.Context.SYSTEM) ? "system" : "user";
		return context + "/" + type + "." + letter;
	}
}
