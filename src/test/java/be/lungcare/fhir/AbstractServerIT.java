package be.lungcare.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.client.api.IGenericClient;
import ca.uhn.fhir.rest.client.api.ServerValidationModeEnum;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
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
	}

	protected String baseUrl() {
		return "http://localhost:" + port + "/fhir";
	}

	protected IGenericClient client() {
		fhirContext.getRestfulClientFactory().setServerValidationMode(ServerValidationModeEnum.NEVER);
		fhirContext.getRestfulClientFactory().setSocketTimeout(60_000);
		return fhirContext.newRestfulGenericClient(baseUrl());
	}

	/** A raw request, for status codes, headers and bodies exactly as a client sees them. */
	protected HttpResponse<String> send(String method, String pathAndQuery, String contentType, String body) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(pathAndQuery).replace("|", "%7C")))
				.timeout(Duration.ofSeconds(60))
				.header("Accept", pathAndQuery.startsWith("/actuator") ? "*/*" : "application/fhir+json");
		if (contentType != null) {
			request.header("Content-Type", contentType);
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
