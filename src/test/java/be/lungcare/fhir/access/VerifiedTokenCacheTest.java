package be.lungcare.fhir.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;

class VerifiedTokenCacheTest {

	private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

	private final Map<String, Integer> decoded = new HashMap<>();
	private final Map<String, Jwt> issued = new HashMap<>();
	private final JwtDecoder decoder = token -> {
		decoded.merge(token, 1, Integer::sum);
		Jwt jwt = issued.get(token);
		if (jwt == null) {
			throw new BadJwtException("signature does not match");
		}
		return jwt;
	};
	private Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

	/** The test's clock, read by the cache and the time rules alike; {@link #at} moves it. */
	private final Clock moving = new Clock() {
		@Override
		public ZoneOffset getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return clock.instant();
		}
	};

	private VerifiedTokenCache cache() {
		JwtTimestampValidator timeRules = new JwtTimestampValidator(Duration.ofSeconds(60));
		timeRules.setClock(moving);
		return new VerifiedTokenCache(decoder, timeRules, Duration.ofMinutes(5), moving);
	}

	private void issue(String token, Instant expires) {
		issued.put(token, Jwt.withTokenValue(token).header("alg", "RS256").subject("client")
				.issuedAt(NOW.minusSeconds(10)).expiresAt(expires).build());
	}

	private void at(Instant instant) {
		clock = Clock.fixed(instant, ZoneOffset.UTC);
	}

	@Test
	void aTokenIsVerifiedOnceWithinTheTtlAndAgainAfterIt() {
		VerifiedTokenCache cache = cache();
		issue("a", NOW.plus(Duration.ofHours(1)));

		assertThat(cache.decode("a").getSubject()).isEqualTo("client");
		at(NOW.plus(Duration.ofMinutes(4)));
		cache.decode("a");
		assertThat(decoded.get("a")).as("the signature is checked once in the TTL").isEqualTo(1);

		at(NOW.plus(Duration.ofMinutes(6)));
		cache.decode("a");
		assertThat(decoded.get("a")).as("and again after it").isEqualTo(2);
	}

	@Test
	void anExpiredTokenIsRefusedEvenWhenRemembered() {
		VerifiedTokenCache cache = cache();
		issue("short", NOW.plus(Duration.ofMinutes(2)));
		cache.decode("short");

		at(NOW.plus(Duration.ofMinutes(2)).plusSeconds(61)); // past exp and the clock skew, within the TTL
		issued.remove("short"); // the decoder, asked again, refuses it (as Nimbus does for an expired token)
		assertThatThrownBy(() -> cache.decode("short")).isInstanceOf(BadJwtException.class);
		assertThat(decoded.get("short")).as("the decoder was asked again").isEqualTo(2);
	}

	@Test
	void aRefusedTokenIsNeverRemembered() {
		VerifiedTokenCache cache = cache();

		assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThatThrownBy(() -> cache.decode("forged")).isInstanceOf(BadJwtException.class);
		assertThat(decoded.get("forged")).isEqualTo(2);
	}

	@Test
	void theCacheIsBounded() {
		VerifiedTokenCache cache = cache();
		for (int i = 0; i <= VerifiedTokenCache.MAX_TOKENS; i++) {
			issue("t" + i, NOW.plus(Duration.ofHours(1)));
			cache.decode("t" + i);
		}
		cache.decode("t0");
		assertThat(decoded.get("t0")).as("forgotten when the cache filled up").isEqualTo(2);
		cache.decode("t" + VerifiedTokenCache.MAX_TOKENS);
		assertThat(decoded.get("t" + VerifiedTokenCache.MAX_TOKENS)).as("the newest kept").isEqualTo(1);
	}
}
