package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.benchmark.ServerProcess;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.hl7.fhir.r4.model.Subscription;

/** An integration engine's requests to a packaged server ({@link ServerProcess}), for the crash test and the benchmark. */
final class EngineClient {

	private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
	private final IParser parser = FhirContext.forR4Cached().newJsonParser();
	private final ServerProcess server;

	EngineClient(ServerProcess server) {
		this.server = server;
	}

	HttpResponse<String> send(String method, String path, String body) throws IOException, InterruptedException {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(server.baseUrl() + "/" + path)).timeout(Duration.ofSeconds(30))
				.header("Authorization", "Bearer " + ServerProcess.engineToken()).header("Accept", "application/fhir+json");
		if (body != null) {
			request.header("Content-Type", "application/fhir+json");
		}
		request.method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
		return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
	}

	/** Creates the resource (JSON); its id. */
	String create(String type, String body) throws IOException, InterruptedException {
		HttpResponse<String> created = send("POST", type, body);
		if (created.statusCode() != 201) {
			throw new AssertionError(type + " not created: " + created.statusCode() + " " + created.body());
		}
		return parser.parseResource(created.body()).getIdElement().getIdPart();
	}

	/** Creates the subscription and waits until HAPI has activated it (and registered it, a moment later); its id. */
	String subscribe(String body) throws IOException, InterruptedException {
		String id = "Subscription/" + create("Subscription", body);
		long end = System.nanoTime() + Duration.ofSeconds(60).toNanos();
		while (System.nanoTime() < end) {
			if (parser.parseResource(Subscription.class, send("GET", id, null).body()).getStatus() == Subscription.SubscriptionStatus.ACTIVE) {
				Thread.sleep(1500);
				return id;
			}
			Thread.sleep(200);
		}
		throw new AssertionError(id + " was not activated");
	}
}
