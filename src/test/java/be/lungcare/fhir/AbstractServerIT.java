package be.lungcare.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import ca.uhn.fhir.rest.client.interceptor.BearerTokenAuthInterceptor;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of every integration test: the whole server on a random port, on the production
 * PostgreSQL profile, against a real PostgreSQL. One Spring context serves all subclasses.
 */
@AutoConfigureObservability // Boot disables metrics export in tests by default; we test /actuator/prometheus
@SpringBootTest(classes = LungCareFhirApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles({"postgres", "it"})
public abstract class AbstractServerIT {

	@LocalServerPort
	protected int port;

	@LocalManagementPort
	protected int managementPort;

	@Autowired
	protected FhirContext fhirContext;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		TestDatabase db = TestDatabase.get();
		registry.add("spring.datasource.url", db::serverJdbcUrl);
		registry.add("spring.datasource.username", () -> "postgres");
		registry.add("spring.datasource.password", () -> "");
		registry.add("lungcare.access.issuer", () -> TestIssuer.ISSUER);
		registry.add("lungcare.access.jwk-set-uri", () -> TestIssuer.get().jwkSetUri());
	}

	/**
	 * The token every request of the tests carries unless a test says otherwise: an integration engine with
	 * {@code system/*.cruds} (no admin scope), so the tests run with access control on, as in production.
	 */
	protected static String engineToken() {
		return TestIssuer.get().token("it-engine", "system/*.cruds", Map.of());
	}

	protected String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	protected IGenericClient client() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
		IGenericClient client = fhirContext.newRestfulGenericClient(baseUrl());
		client.registerInterceptor(new BearerTokenAuthInterceptor(engineToken()));
		return client;
	}

	/** A raw request, for status codes, headers and bodies exactly as a client sees them. */
	protected HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
		return sendAs(engineToken(), method, pathAndQuery, contentType, body);
	}

	/** A raw request with this bearer token (null: none). */
	protected HttpResponse<String> sendAs(String token, String method, String pathAndQuery, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery).replace("|", "%7C")))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", pathAndQuery.startsWith("/actuator") ? "*/*" : "application/fhir+json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
		}
		if (token != null && !pathAndQuery.startsWith("/actuator")) {
			request.header("Authorization", "Bearer " + token);
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	protected HttpResponse<String> get(String pathAndQuery) {
		return send("GET", pathAndQuery, null, null);
	}

	protected HttpResponse<String> postJson(String pathAndQuery, String body) {
		return send("POST", pathAndQuery, "application/fhir+json", body);
	}

	protected String json(IBaseResource resource) {
		return fhirContext.newJsonParser().encodeResourceToString(resource);
	}

	protected <T extends IBaseResource> T parse(Class<T> type, String body) {
		return fhirContext.newJsonParser().parseResource(type, body);
	}

	private String url(String pathAndQuery) {
		if (pathAndQuery.startsWith("http")) {
			return pathAndQuery;
		}
		if (pathAndQuery.startsWith("/actuator")) {
			return "http://localhost:" + managementPort + pathAndQuery;
		}
		return baseUrl() + (pathAndQuery.startsWith("/") ? "" : "/") + pathAndQuery;
	}
}
