package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A FHIR Bulk Data client for the tests: kick-off, status polling, download of the NDJSON files. */
final class BulkData {

	/** A finished export: the lines of its files by resource type, and the file URLs. */
	record Export(Map<String, List<String>> lines, List<String> urls) {
		int count(String type) {
			return lines.getOrDefault(type, List.of()).size();
		}

		List<String> all() {
			return lines.values().stream().flatMap(List::stream).toList();
		}
	}

	private static final ObjectMapper JSON = new ObjectMapper();
	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
	private final String base;

	BulkData(String base) {
		this.base = base;
	}

	HttpResponse<String> send(String token, String method, String url, Map<String, String> headers) {
		HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url.startsWith("http") ? url : base + "/" + url))
				.timeout(Duration.ofSeconds(60)).method(method, HttpRequest.BodyPublishers.noBody());
		headers.forEach(request::header);
		if (token != null) {
			request.header("Authorization", "Bearer " + token);
		}
		try {
			return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
		} catch (IOException e) {
			throw new java.io.UncheckedIOException(e);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(e);
		}
	}

	/** Starts an export; returns the status URL (Content-Location of the 202). */
	String kickOff(String token, String path) {
		HttpResponse<String> response = send(token, "GET", path, Map.of("Prefer", "respond-async", "Accept", "application/fhir+json"));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
		return response.headers().firstValue("Content-Location").orElseThrow();
	}

	/** Polls until the export is complete (200) and returns the manifest. */
	JsonNode await(String token, String status, Duration timeout) throws Exception {
		long until = System.nanoTime() + timeout.toNanos();
		while (System.nanoTime() < until) {
			HttpResponse<String> response = send(token, "GET", status, Map.of("Accept", "application/json"));
			if (response.statusCode() == 200) {
				return JSON.readTree(response.body());
			}
			assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
			assertThat(response.headers().firstValue("X-Progress")).isPresent();
			Thread.sleep(500);
		}
		throw new AssertionError("The export did not finish within " + timeout);
	}

	/** Downloads every file of a manifest. */
	Export download(String token, JsonNode manifest) {
		Map<String, List<String>> lines = new LinkedHashMap<>();
		List<String> urls = new ArrayList<>();
		for (JsonNode output : manifest.path("output")) {
			String url = output.path("url").asText();
			urls.add(url);
			HttpResponse<String> file = send(token, "GET", url, Map.of("Accept", "application/fhir+ndjson"));
			assertThat(file.statusCode()).as(file.body()).isEqualTo(200);
			for (String line : file.body().split("\n")) {
				if (!line.isBlank()) {
					lines.computeIfAbsent(output.path("type").asText(), t -> new ArrayList<>()).add(line);
				}
			}
		}
		return new Export(lines, urls);
	}

	Export export(String token, String path) throws Exception {
		return download(token, await(token, kickOff(token, path), Duration.ofMinutes(3)));
	}
}
