package be.lungcare.fhir.access;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;

/**
 * Remembers the tokens the decoder has accepted. A client sends the same access token with every request until it
 * expires; its signature, issuer and audience cannot change, so they are checked again only after {@code ttl}
 * (which bounds how long a token signed with a key the issuer has since withdrawn stays accepted). The time
 * rules ({@code exp}, {@code nbf}) are checked on every use. A token the decoder refuses is never remembered.
 */
final class VerifiedTokenCache implements JwtDecoder {

	/** Most tokens remembered; when full, those past their time are dropped, or else all. */
	static final int MAX_TOKENS = 2_000;

	private record Verified(Jwt jwt, Instant until) {}

	private final JwtDecoder decoder;
	private final OAuth2TokenValidator<Jwt> timeRules;
	private final Duration ttl;
	private final Clock clock;
	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	VerifiedTokenCache(JwtDecoder decoder, OAuth2TokenValidator<Jwt> timeRules, Duration ttl, Clock clock) {
		this.decoder = decoder;
		this.timeRules = timeRules;
		this.ttl = ttl;
		this.clock = clock;
	}

	@Override
	public Jwt decode(String token) throws JwtException {
		Verified known = verified.get(token);
		if (known != null) {
			if (clock.instant().isBefore(known.until()) && !timeRules.validate(known.jwt()).hasErrors()) {
				return known.jwt();
			}
			verified.remove(token); // expired, or time to check the signature again: the decoder says why
		}
		Jwt jwt = decoder.decode(token);
		Instant now = clock.instant();
		if (verified.size() >= MAX_TOKENS) {
			verified.values().removeIf(old -> !now.isBefore(old.until()));
			if (verified.size() >= MAX_TOKENS) {
				verified.clear();
			}
		}
		verified.put(token, new Verified(jwt, now.plus(ttl)));
		return jwt;
	}
}
