package be.lungcare.fhir.access;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Access control ({@code LUNGCARE_ACCESS_…}).
 *
 * @param enabled                 bearer tokens required (the local H2 run sets it to false: open, with warnings)
 * @param issuer                  the {@code iss} every token must carry (e.g. a Keycloak realm URL)
 * @param jwkSetUri               where the issuer's signing keys are fetched (JWKS)
 * @param audience                a value every token's {@code aud} must contain
 * @param clockSkew               tolerance on {@code exp} and {@code nbf}
 * @param authorizationEndpoint   announced in the SMART configuration (default: Keycloak's path under the issuer)
 * @param tokenEndpoint           announced in the SMART configuration (default: Keycloak's path under the issuer)
 * @param practitionerClaim       claim with the practitioner's NIHDI number (user/ scopes)
 * @param patientClaim            claim with the Patient's logical id (patient/ scopes)
 * @param ssinClaim               claim with the patient's SSIN, used when the token has no patient id
 * @param adminScope              scope that lets a client write conformance resources
 * @param researchClients         client ids ({@code azp}) of research clients: no direct identifiers over REST
 * @param relationshipCacheTtl    how long a practitioner's allowed patients are kept (also dropped on any change)
 * @param jwksTimeout             connect and read timeout when fetching the issuer's keys
 * @param tokenCacheTtl           how long a token, once verified, is accepted without checking its signature, issuer
 *                                and audience again (its expiry is checked on every request); 0: no cache
 */
@ConfigurationProperties("lungcare.access")
record AccessProperties(
		@DefaultValue("true") boolean enabled,
		String issuer,
		URI jwkSetUri,
		@DefaultValue("lungcare-fhir") String audience,
		@DefaultValue("60s") Duration clockSkew,
		String authorizationEndpoint,
		String tokenEndpoint,
		@DefaultValue("nihdi") String practitionerClaim,
		@DefaultValue("patient") String patientClaim,
		@DefaultValue("ssin") String ssinClaim,
		@DefaultValue("lungcare.admin") String adminScope,
		@DefaultValue("research") List<String> researchClients,
		@DefaultValue("5m") Duration relationshipCacheTtl,
		@DefaultValue("5s") Duration jwksTimeout,
		@DefaultValue("5m") Duration tokenCacheTtl) {

	AccessProperties {
		if (tokenCacheTtl.isNegative()) {
			throw new IllegalStateException("LUNGCARE_ACCESS_TOKEN_CACHE_TTL must not be negative (0s turns the cache off)");
		}
		if (enabled && (issuer == null || issuer.isBlank() || jwkSetUri == null)) {
			throw new IllegalStateException("Access control is on, so LUNGCARE_ACCESS_ISSUER and LUNGCARE_ACCESS_JWK_SET_URI must be set"
					+ " (or LUNGCARE_ACCESS_ENABLED=false for an open server: local use only)");
		}
	}

	String authorizationEndpointOrDefault() {
		return authorizationEndpoint != null && !authorizationEndpoint.isBlank() ? authorizationEndpoint
				: issuer + "/protocol/openid-connect/auth";
	}

	String tokenEndpointOrDefault() {
		return tokenEndpoint != null && !tokenEndpoint.isBlank() ? tokenEndpoint : issuer + "/protocol/openid-connect/token";
	}
}
