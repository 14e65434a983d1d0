package be.lungcare.fhir;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A stand-in identity provider for the tests: an RSA key whose public half is served as a JWKS on a loopback port,
 * and signed access tokens with the claims the server reads. One per JVM.
 */
public final class TestIssuer {

	public static final String ISSUER = "https://issuer.test/realms/lungcare";
	public static final String AUDIENCE = "lungcare-fhir";

	private static TestIssuer instance;

	private final RSAKey key;
	private final HttpServer server;

	private TestIssuer() throws IOException, JOSEException {
		key = new RSAKeyGenerator(2048).keyID("test-key").generate();
		byte[] jwks = new JWKSet(key.toPublicJWK()).toString().getBytes(StandardCharsets.UTF_8);
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
		server.createContext("/jwks", exchange -> {
			exchange.getResponseHeaders().add("Content-Type", "application/json");
			exchange.sendResponseHeaders(200, jwks.length);
			try (OutputStream out = exchange.getResponseBody()) {
				out.write(jwks);
			}
		});
		server.start();
		Runtime.getRuntime().addShutdownHook(new Thread(() -> server.stop(0)));
	}

	public static synchronized TestIssuer get() {
		if (instance == null) {
			try {
				instance = new TestIssuer();
			} catch (IOException e) {
				throw new UncheckedIOException(e);
			} catch (JOSEException e) {
				throw new IllegalStateException(e);
			}
		}
		return instance;
	}

	public String jwkSetUri() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/jwks";
	}

	/** A token valid for 10 minutes with these scopes and extra claims (e.g. nihdi, patient, ssin). */
	public String token(String clientId, String scopes, Map<String, Object> claims) {
		Instant now = Instant.now();
		return sign(clientId, scopes, claims, ISSUER, List.of(AUDIENCE), now.plusSeconds(600), key);
	}

	/** A token valid for 12 hours, for the benchmark and hardening runs (an integration engine by default). */
	public String longLivedToken(String clientId, String scopes) {
		return sign(clientId, scopes, Map.of(), ISSUER, List.of(AUDIENCE), Instant.now().plusSeconds(12 * 3600), key);
	}

	/** The server's environment that makes it trust this issuer. */
	public Map<String, String> serverEnvironment() {
		return Map.of("LUNGCARE_ACCESS_ISSUER", ISSUER, "LUNGCARE_ACCESS_JWK_SET_URI", jwkSetUri());
	}

	/** A token with every field chosen by the test, signed by the given key (or the issuer's). */
	public String sign(String clientId, String scopes, Map<String, Object> claims, String issuer, List<String> audience,
			Instant expires, RSAKey signer) {
		JWTClaimsSet.Builder set = new JWTClaimsSet.Builder().issuer(issuer).audience(audience).subject(clientId + "-user")
				.issueTime(Date.from(Instant.now().minusSeconds(5))).jwtID(UUID.randomUUID().toString())
				.claim("azp", clientId).claim("scope", scopes);
		if (expires != null) {
			set.expirationTime(Date.from(expires));
		}
		claims.forEach(set::claim);
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(signer.getKeyID()).build(), set.build());
			jwt.sign(new RSASSASigner(signer));
			return jwt.serialize();
		} catch (JOSEException e) {
			throw new IllegalStateException(e);
		}
	}

	public RSAKey key() {
		return key;
	}
}
