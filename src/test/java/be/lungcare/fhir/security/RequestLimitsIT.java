package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.TestData;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.apache.catalina.connector.Connector;
import org.apache.coyote.http11.AbstractHttp11Protocol;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.embedded.tomcat.TomcatWebServer;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;

/** Every request's work is bounded before it is spent; the largest accepted request leaves the server answering. */
class RequestLimitsIT extends AbstractServerIT {

	private static final String MARK = "https://fhir.lungcare.be/test-mark";

	@Autowired
	private ServletWebServerApplicationContext webServer;

	private HttpResponse<String> form(String method, String path, String body) {
		return send(method, path, "application/x-www-form-urlencoded", body);
	}

	private OperationOutcome assertRefused(HttpResponse<String> response, int status) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
		assertThat(response.body()).doesNotContain("\tat ", "java.", "ca.uhn.");
		return parse(OperationOutcome.class, response.body());
	}

	private int practitionersMarked(String mark) {
		Bundle count = parse(Bundle.class, get("Practitioner?identifier=" + MARK + "|" + mark + "&_summary=count").body());
		return count.getTotal();
	}

	@Test
	void aFormEncodedSearchUsesItsCriteria() {
		String ssin = TestData.ssin();
		assertThat(postJson("Patient", json(TestData.patient("Formsearch", ssin))).statusCode()).isEqualTo(201);
		assertThat(postJson("Patient", json(TestData.patient("Formsearch", TestData.ssin()))).statusCode()).isEqualTo(201);

		Bundle bySsin = parse(Bundle.class, form("POST", "Patient/_search", "identifier="
				+ TestData.SSIN_SYSTEM.replace(":", "%3A").replace("/", "%2F") + "%7C" + ssin).body());
		assertThat(bySsin.getEntry()).hasSize(1);
		assertThat(bySsin.getEntryFirstRep().getResource()).extracting(r -> ((org.hl7.fhir.r4.model.Patient) r)
				.getIdentifierFirstRep().getValue()).isEqualTo(ssin);

		Bundle queryAndForm = parse(Bundle.class, form("POST", "Patient/_search?family=Formsearch", "identifier="
				+ TestData.SSIN_SYSTEM + "|" + ssin).body());
		assertThat(queryAndForm.getEntry()).hasSize(1);

		StringBuilder many = new StringBuilder();
		for (int i = 0; i < 1_500; i++) {
			many.append(i == 0 ? "" : "&").append('a').append(i).append('=');
		}
		assertRefused(form("POST", "Patient/_search", many.toString()), 413);

		OperationOutcome bad = assertRefused(form("POST", "Patient/_search", "name=%zz"), 400);
		assertThat(bad.getIssueFirstRep().getDiagnostics()).contains("form parameter 'name'");
	}

	@Test
	void aBinaryMayBeSentAsItsOwnMediaType() {
		HttpResponse<String> created = send("POST", "Binary", "application/pdf", "%PDF-1.4 spirometry report");
		assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
	}

	@Test
	void formBodiesOfOtherMethodsAreBoundedAndNotParsedBySpring() {
		assertThat(form("PUT", "Practitioner/form-put", "name=x").statusCode()).isBetween(400, 499);
		String huge = "a=" + "x".repeat(3 * 1024 * 1024);
		assertRefused(form("PUT", "Practitioner/form-put", huge), 413);
		assertRefused(form("DELETE", "Practitioner/form-put", huge), 413);
	}

	/**
	 * A client that sends a body somewhat over the limit (here 3 MiB against 2 MB) reads its 413 whole: the server
	 * answers before reading the body, then reads and drops the rest of it (up to twice the limit) before it closes
	 * the connection, rather than close it under a client still sending (the reset may cost the client the answer).
	 */
	@Test
	void aBodySomewhatOverTheLimitIsDrainedBeforeTheConnectionCloses() throws Exception {
		Connector connector = ((TomcatWebServer) webServer.getWebServer()).getTomcat().getConnector();
		assertThat(((AbstractHttp11Protocol<?>) connector.getProtocolHandler()).getMaxSwallowSize()).as("twice the test profile's max-request-body of 2MB")
				.isEqualTo(2 * 2 * 1024 * 1024);

		byte[] body = ("{\"resourceType\":\"Practitioner\",\"name\":[{\"text\":\"" + "x".repeat(3 * 1024 * 1024) + "\"}]}")
				.getBytes(StandardCharsets.UTF_8);
		try (Socket socket = new Socket("localhost", port)) {
			socket.setSoTimeout(30_000);
			OutputStream out = socket.getOutputStream();
			out.write(("POST /fhir/Practitioner HTTP/1.1\r\nHost: localhost\r\nContent-Type: application/fhir+json\r\n"
					+ "Authorization: Bearer " + engineToken() + "\r\nContent-Length: " + body.length + "\r\n\r\n")
					.getBytes(StandardCharsets.ISO_8859_1));
			out.write(body);
			out.flush();
			InputStream in = socket.getInputStream();
			String refused = responseHead(in);
			assertThat(refused).startsWith("HTTP/1.1 413");
			skipBody(in, refused);
			assertThat(in.read()).as("the connection is closed after the answer, not reset").isEqualTo(-1);
		}
	}

	private static String responseHead(InputStream in) throws IOException {
		StringBuilder head = new StringBuilder();
		while (head.length() < 4 || !head.substring(head.length() - 4).equals("\r\n\r\n")) {
			int b = in.read();
			assertThat(b).as("response head so far: %s", head).isNotNegative();
			head.append((char) b);
		}
		return head.toString();
	}

	private static void skipBody(InputStream in, String head) throws IOException {
		Matcher length = Pattern.compile("(?im)^content-length:\\s*(\\d+)").matcher(head);
		if (length.find()) {
			in.readNBytes(Integer.parseInt(length.group(1)));
			return;
		}
		while (true) { // chunked
			String size = line(in).trim();
			int n = Integer.parseInt(size, 16);
			in.readNBytes(n + 2);
			if (n == 0) {
				return;
			}
		}
	}

	private static String line(InputStream in) throws IOException {
		StringBuilder line = new StringBuilder();
		for (int b = in.read(); b != '\n'; b = in.read()) {
			assertThat(b).isNotNegative();
			line.append((char) b);
		}
		return line.toString();
	}

	@Test
	void requestsOverAWorkLimitAre413AndNothingIsStored() {
		String mark = "limits-" + TestData.ssin();
		String markId = "{\"system\":\"" + MARK + "\",\"value\":\"" + mark + "\"}";

		StringBuilder extensions = new StringBuilder();
		for (int i = 0; i < 1_500; i++) {
			extensions.append(i == 0 ? "" : ",").append("{\"url\":\"http://example.org/x\",\"valueString\":\"").append(i).append("\"}");
		}
		OperationOutcome manyExtensions = assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":["
				+ markId + "],\"extension\":[" + extensions + "]}"), 413);
		assertThat(manyExtensions.getIssueFirstRep().getExpression()).extracting(Object::toString)
				.containsExactly("Practitioner.extension[1000]");

		StringBuilder identifiers = new StringBuilder(markId);
		for (int i = 0; i < 20_000; i++) {
			identifiers.append(",{\"value\":\"").append(i).append("\"}");
		}
		assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":[" + identifiers + "]}"), 413);

		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 5_000; i++) {
			entries.append(i == 0 ? "" : ",").append("{\"resource\":{\"resourceType\":\"Practitioner\",\"identifier\":[").append(markId).append("]}}");
		}
		OperationOutcome collection = assertRefused(postJson("Bundle", "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":["
				+ entries + "]}"), 413);
		assertThat(collection.getIssueFirstRep().getDiagnostics()).contains("entries");

		String deep = "{\"url\":\"http://example.org/x\",\"valueString\":\"leaf\"}";
		for (int i = 0; i < 200; i++) {
			deep = "{\"url\":\"http://example.org/x\",\"extension\":[" + deep + "]}";
		}
		OperationOutcome nested = assertRefused(postJson("Practitioner", "{\"resourceType\":\"Practitioner\",\"identifier\":["
				+ markId + "],\"extension\":[" + deep + "]}"), 413);
		assertThat(nested.getIssueFirstRep().getDiagnostics()).contains("deeper than the limit");

		assertThat(practitionersMarked(mark)).isZero();
	}

	/**
	 * The largest request the test limits accept (200 entries, close to the element limit), twice at once: both
	 * are stored, and the server keeps answering other requests meanwhile.
	 */
	@Test
	void theLargestAcceptedRequestRunsWhileOthersAreAnswered() throws Exception {
		String mark = "worst-" + TestData.ssin();
		StringBuilder entries = new StringBuilder();
		for (int i = 0; i < 200; i++) {
			StringBuilder ids = new StringBuilder("{\"system\":\"" + MARK + "\",\"value\":\"" + mark + "\"}");
			for (int j = 0; j < 75; j++) {
				ids.append(",{\"system\":\"http://example.org/ids\",\"value\":\"").append(mark).append('-').append(i).append('-').append(j).append("\"}");
			}
			entries.append(i == 0 ? "" : ",").append("{\"fullUrl\":\"urn:uuid:").append(java.util.UUID.randomUUID())
					.append("\",\"resource\":{\"resourceType\":\"Practitioner\",\"identifier\":[").append(ids)
					.append("],\"name\":[{\"family\":\"Worst\",\"given\":[\"Case\"]}]},\"request\":{\"method\":\"POST\",\"url\":\"Practitioner\"}}");
		}
		String worst = "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[" + entries + "]}";
		assertThat(worst.length()).isLessThan(2 * 1024 * 1024);

		HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
		HttpRequest post = HttpRequest.newBuilder(URI.create(baseUrl())).header("Authorization", "Bearer " + engineToken()).timeout(Duration.ofMinutes(3))
				.header("Content-Type", "application/fhir+json").header("Accept", "application/fhir+json")
				.POST(HttpRequest.BodyPublishers.ofString(worst)).build();
		List<CompletableFuture<HttpResponse<String>>> posts = List.of(
				http.sendAsync(post, HttpResponse.BodyHandlers.ofString()), http.sendAsync(post, HttpResponse.BodyHandlers.ofString()));
		List<Integer> probes = new ArrayList<>();
		while (!posts.stream().allMatch(CompletableFuture::isDone)) {
			probes.add(get("metadata?_summary=true").statusCode());
			probes.add(get("Patient?_count=1").statusCode());
		}
		for (CompletableFuture<HttpResponse<String>> response : posts) {
			assertThat(response.get(1, TimeUnit.SECONDS).statusCode()).as(response.get().body()).isEqualTo(200);
		}
		assertThat(probes).isNotEmpty().containsOnly(200);
		assertThat(practitionersMarked(mark)).isEqualTo(400);
	}
}
