package be.lungcare.fhir.hardening;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A minimal HTTP/1.1 client on a plain socket, one connection per request ({@code Connection: close}). Hostile
 * requests need what {@link java.net.http.HttpClient} refuses to send: malformed percent-encoding in the
 * target, any method, any header, raw body bytes. The body is written by a second thread while the answer is
 * read, so a server that answers early (413) and stops reading does not block the client.
 */
final class RawHttp {

	/** The most of a response body that is kept; the rest is read and dropped. */
	private static final int MAX_KEPT_BODY = 8 * 1024 * 1024;

	private final String host;
	private final int port;
	/** Sent as {@code Authorization: Bearer …} with every request that has no Authorization header of its own. */
	private final String bearerToken;

	RawHttp(String host, int port, String bearerToken) {
		this.host = host;
		this.port = port;
		this.bearerToken = bearerToken;
	}

	/**
	 * A request as it goes on the wire. {@code target} is sent verbatim (path and query, already encoded as
	 * the test wants). Host, Connection and Content-Length are added unless given.
	 */
	record Request(String method, String target, List<Header> headers, byte[] body) {

		Request {
			headers = List.copyOf(headers);
		}

		boolean hasHeader(String name) {
			return headers.stream().anyMatch(h -> h.name().equalsIgnoreCase(name));
		}
	}

	record Header(String name, String value) {
	}

	/**
	 * The answer, or the failure to get one: {@code status} is 0 when no status line came back; then
	 * {@code error} says why and {@code timedOut} whether the deadline passed.
	 */
	record Response(int status, Map<String, String> headers, byte[] body, boolean bodyTruncated, long nanos,
			boolean timedOut, String error) {

		String bodyText() {
			return new String(body, StandardCharsets.UTF_8);
		}

		String header(String name) {
			return headers.get(name.toLowerCase(Locale.ROOT));
		}

		double millis() {
			return nanos / 1e6;
		}
	}

	Response send(Request request, Duration timeout) {
		long started = System.nanoTime();
		long deadline = started + timeout.toNanos();
		Thread writer = null;
		try (Socket socket = new Socket()) {
			socket.connect(new InetSocketAddress(host, port), (int) Math.min(timeout.toMillis(), 5000));
			socket.setTcpNoDelay(true);
			OutputStream out = socket.getOutputStream();
			byte[] head = head(request);
			byte[] body = request.body();
			writer = new Thread(() -> {
				try {
					out.write(head);
					if (body != null && body.length > 0) {
						for (int off = 0; off < body.length; off += 64 * 1024) {
							out.write(body, off, Math.min(64 * 1024, body.length - off));
						}
					}
					out.flush();
				} catch (IOException closedEarly) {
					// the server answered (or gave up) before reading everything: the answer tells
				}
			}, "hardening-writer");
			writer.setDaemon(true);
			writer.start();
			InputStream in = socket.getInputStream();
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			byte[] buffer = new byte[64 * 1024];
			boolean truncated = false;
			IOException failure = null;
			boolean timedOut = false;
			while (true) {
				long left = deadline - System.nanoTime();
				if (left <= 0) {
					timedOut = true;
					break;
				}
				socket.setSoTimeout((int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000)));
				int n;
				try {
					n = in.read(buffer);
				} catch (SocketTimeoutException e) {
					timedOut = true;
					break;
				} catch (IOException e) {
					failure = e;
					break;
				}
				if (n < 0) {
					break;
				}
				if (received.size() < MAX_KEPT_BODY) {
					received.write(buffer, 0, n);
				} else {
					truncated = true;
				}
			}
			long nanos = System.nanoTime() - started;
			Response parsed = parse(received.toByteArray(), truncated, nanos);
			if (parsed != null && !timedOut) {
				return parsed;
			}
			if (timedOut) {
				return new Response(parsed == null ? 0 : parsed.status(), Map.of(), new byte[0], false, nanos, true,
						"no complete answer within " + timeout.toSeconds() + " s");
			}
			return new Response(0, Map.of(), new byte[0], false, nanos, false,
					failure == null ? "connection closed without an answer" : "connection failed: " + failure.getMessage());
		} catch (IOException e) {
			return new Response(0, Map.of(), new byte[0], false, System.nanoTime() - started, false,
					"connection failed: " + e.getMessage());
		} finally {
			if (writer != null) {
				writer.interrupt();
			}
		}
	}

	private byte[] head(Request request) {
		StringBuilder head = new StringBuilder();
		head.append(request.method()).append(' ').append(request.target()).append(" HTTP/1.1\r\n");
		if (!request.hasHeader("Host")) {
			head.append("Host: ").append(host).append(':').append(port).append("\r\n");
		}
		if (!request.hasHeader("Connection")) {
			head.append("Connection: close\r\n");
		}
		if (bearerToken != null && !request.hasHeader("Authorization")) {
			head.append("Authorization: Bearer ").append(bearerToken).append("\r\n");
		}
		if (request.body() != null && !request.hasHeader("Content-Length") && !request.hasHeader("Transfer-Encoding")) {
			head.append("Content-Length: ").append(request.body().length).append("\r\n");
		}
		for (Header header : request.headers()) {
			head.append(header.name()).append(": ").append(header.value()).append("\r\n");
		}
		head.append("\r\n");
		return head.toString().getBytes(StandardCharsets.UTF_8);
	}

	/** The response in {@code raw}, or null when not even a status line came. */
	private static Response parse(byte[] raw, boolean truncated, long nanos) {
		int end = indexOf(raw, "\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1), 0);
		if (end < 0) {
			return null;
		}
		String[] lines = new String(raw, 0, end, StandardCharsets.ISO_8859_1).split("\r\n");
		String[] statusLine = lines[0].split(" ", 3);
		if (statusLine.length < 2 || !statusLine[0].startsWith("HTTP/")) {
			return null;
		}
		int status;
		try {
			status = Integer.parseInt(statusLine[1]);
		} catch (NumberFormatException e) {
			return null;
		}
		if (status == 100) {
			return parse(Arrays.copyOfRange(raw, end + 4, raw.length), truncated, nanos);
		}
		Map<String, String> headers = new LinkedHashMap<>();
		for (int i = 1; i < lines.length; i++) {
			int colon = lines[i].indexOf(':');
			if (colon > 0) {
				headers.merge(lines[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), lines[i].substring(colon + 1).trim(),
						(a, b) -> a + ", " + b);
			}
		}
		byte[] body = Arrays.copyOfRange(raw, end + 4, raw.length);
		if ("chunked".equalsIgnoreCase(headers.getOrDefault("transfer-encoding", ""))) {
			body = dechunk(body);
		}
		return new Response(status, headers, body, truncated, nanos, false, null);
	}

	private static byte[] dechunk(byte[] chunked) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		int pos = 0;
		while (pos < chunked.length) {
			int lineEnd = indexOf(chunked, new byte[] {'\r', '\n'}, pos);
			if (lineEnd < 0) {
				break;
			}
			String sizeText = new String(chunked, pos, lineEnd - pos, StandardCharsets.ISO_8859_1).split(";")[0].trim();
			int size;
			try {
				size = Integer.parseInt(sizeText, 16);
			} catch (NumberFormatException e) {
				break;
			}
			if (size == 0) {
				break;
			}
			int start = lineEnd + 2;
			int length = Math.min(size, chunked.length - start);
			out.write(chunked, start, length);
			pos = start + size + 2;
		}
		return out.toByteArray();
	}

	private static int indexOf(byte[] data, byte[] pattern, int from) {
		outer:
		for (int i = from; i <= data.length - pattern.length; i++) {
			for (int j = 0; j < pattern.length; j++) {
				if (data[i + j] != pattern[j]) {
					continue outer;
				}
			}
			return i;
		}
		return -1;
	}

	/** Headers from name/value pairs. */
	static List<Header> headers(String... nameValues) {
		List<Header> headers = new ArrayList<>();
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			headers.add(new Header(nameValues[i], nameValues[i + 1]));
		}
		return headers;
	}
}
