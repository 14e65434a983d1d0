package be.lungcare.fhir.access;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.matcher.AuthorizationSearchParamMatcher;
import ca.uhn.fhir.jpa.searchparam.matcher.SearchParamMatcher;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.annotation.ObjectPostProcessor;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.jwt.JwtClaimValidator;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.util.matcher.AntPathRequestMatcher;

/**
 * Access control. With {@code lungcare.access.enabled} (the default, and the postgres profile's): every FHIR request
 * but the CapabilityStatement and the SMART discovery document needs a bearer JWT from the configured issuer, and
 * its SMART scopes decide what it may do. Without: the server is open, with a warning in the log and on /metadata.
 */
@Configuration(proxyBeanMethods = false)
class AccessConfig {

	private static final Logger log = LoggerFactory.getLogger(AccessConfig.class);
	private static final String ENABLED = "lungcare.access.enabled";

	/**
	 * No Micrometer observation around each filter of the security chain and each authentication: a few per cent of
	 * every request's CPU (issue 16's profile), for metrics nobody reads. The HTTP server metrics stay.
	 */
	@Bean
	SecurityObservationSettings noSecurityObservations() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	AccessAnnouncer accessAnnouncer(AccessProperties properties) {
		return new AccessAnnouncer(properties);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "false")
	SecurityFilterChain openAccess(HttpSecurity http) throws Exception {
		log.warn("*****************************************************************************************");
		log.warn(AccessAnnouncer.OPEN_WARNING);
		log.warn("*****************************************************************************************");
		return http.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
				.build();
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	SecurityFilterChain tokenAccess(HttpSecurity http, JwtDecoder decoder, TokenProblemHandler problems) throws Exception {
		return http.csrf(csrf -> csrf.disable())
				.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
				.requestCache(cache -> cache.disable())
				.authorizeHttpRequests(requests -> requests
						.requestMatchers(AntPathRequestMatcher.antMatcher(HttpMethod.GET, "/fhir/metadata"),
								AntPathRequestMatcher.antMatcher(SmartConfigurationFilter.PATH)).permitAll()
						.requestMatchers(AntPathRequestMatcher.antMatcher("/fhir/**"), AntPathRequestMatcher.antMatcher("/fhir")).authenticated()
						.anyRequest().permitAll()) // Actuator lives on the management port (localhost only)
				.oauth2ResourceServer(resourceServer -> resourceServer
						.jwt(jwt -> jwt.decoder(decoder))
						.authenticationEntryPoint(problems)
						.withObjectPostProcessor(new ObjectPostProcessor<BearerTokenAuthenticationFilter>() {
							@Override
							public <O extends BearerTokenAuthenticationFilter> O postProcess(O filter) {
								filter.setAuthenticationFailureHandler(problems); // 503 when the keys are unavailable
								return filter;
							}
						}))
				.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(problems))
				.build();
	}

	/** Which patients a resource belongs to (access control, the audit trail, the research export). */
	@Bean
	PatientCompartment patientCompartment(FhirContext fhirContext) {
		return new PatientCompartment(fhirContext);
	}

	/** Research opt-outs, for the research export (also when access control is off). */
	@Bean
	ResearchConsent researchConsent(DaoRegistry daos) {
		return new ResearchConsent(daos, Clock.systemUTC());
	}

	/** 401 and 503 for tokens; also Spring Security's answer to a path its firewall refuses (400, both modes). */
	@Bean
	TokenProblemHandler tokenProblemHandler(FhirContext fhirContext) {
		return new TokenProblemHandler(fhirContext);
	}

	/**
	 * Tokens: signature by the issuer's keys (JWKS, fetched and cached), issuer, audience, expiry with clock skew; a
	 * token accepted once is trusted for {@code token-cache-ttl} without checking its signature again.
	 */
	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	JwtDecoder jwtDecoder(AccessProperties properties, RestTemplateBuilder rest) {
		NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(properties.jwkSetUri().toString())
				.jwsAlgorithms(algorithms -> algorithms.addAll(List.of(SignatureAlgorithm.RS256, SignatureAlgorithm.PS256, SignatureAlgorithm.ES256)))
				.restOperations(rest.connectTimeout(properties.jwksTimeout()).readTimeout(properties.jwksTimeout()).build())
				.build();
		JwtTimestampValidator timeRules = new JwtTimestampValidator(properties.clockSkew());
		decoder.setJwtValidator(new DelegatingOAuth2TokenValidator<>(
				timeRules,
				new JwtIssuerValidator(properties.issuer()),
				new JwtClaimValidator<Instant>(JwtClaimNames.EXP, Objects::nonNull),
				new JwtClaimValidator<List<String>>(JwtClaimNames.AUD, audience -> audience != null && audience.contains(properties.audience()))));
		return properties.tokenCacheTtl().isZero() ? decoder
				: new VerifiedTokenCache(decoder, timeRules, properties.tokenCacheTtl(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	FilterRegistrationBean<SmartConfigurationFilter> smartConfigurationFilter(AccessProperties properties, ObjectMapper json) throws IOException {
		FilterRegistrationBean<SmartConfigurationFilter> registration = new FilterRegistrationBean<>(new SmartConfigurationFilter(properties, json));
		registration.addUrlPatterns(SmartConfigurationFilter.PATH);
		registration.setOrder(Ordered.LOWEST_PRECEDENCE);
		return registration;
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	CareRelationships careRelationships(DaoRegistry daos, AccessProperties properties) {
		return new CareRelationships(daos, properties.relationshipCacheTtl(), Clock.systemUTC());
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	AccessGrants accessGrants(AccessProperties properties, CareRelationships relationships, FhirContext fhirContext) {
		return new AccessGrants(properties, relationships, fhirContext);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	RelationshipChangeInterceptor relationshipChangeInterceptor(CareRelationships relationships) {
		return new RelationshipChangeInterceptor(relationships);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	ScopeInteractionInterceptor scopeInteractionInterceptor(AccessGrants grants) {
		return new ScopeInteractionInterceptor(grants);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	ScopeWriteInterceptor scopeWriteInterceptor(AccessGrants grants) {
		return new ScopeWriteInterceptor(grants);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	ScopeSearchNarrowingInterceptor shortListNarrowingInterceptor(AccessGrants grants, PatientCompartment compartment) {
		return new ScopeSearchNarrowingInterceptor(grants, new AccessTypes(compartment), true);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	ScopeSearchNarrowingInterceptor longListNarrowingInterceptor(AccessGrants grants, PatientCompartment compartment) {
		return new ScopeSearchNarrowingInterceptor(grants, new AccessTypes(compartment), false);
	}

	@Bean
	@ConditionalOnProperty(name = ENABLED, havingValue = "true", matchIfMissing = true)
	ScopeRulesInterceptor scopeRulesInterceptor(AccessGrants grants, SearchParamMatcher matcher) {
		ScopeRulesInterceptor rules = new ScopeRulesInterceptor(grants);
		rules.setAuthorizationSearchParamMatcher(new AuthorizationSearchParamMatcher(matcher)); // granular ?category= scopes
		return rules;
	}
}
