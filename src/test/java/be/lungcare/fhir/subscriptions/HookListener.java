package be.lungcare.fhir.subscriptions;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.function.Predicate;

/**
 * A receiver of rest-hook notifications for the tests, on a free loopback port: records every request (method, path,
 * event id, body, when it came) and answers 200, or a status the test sets. It can be stopped and started again on
 * the same port (the receiver "down for a while").
 */
final class HookListener implements AutoCloseable {

	/** One request received. */
	record Received(String method, String path, String eventId, String contentType, String authorization, String body, Instant at) {}

	private final List<Received> received = new CopyOnWriteArrayList<>();
	private final java.util.concurrent.atomic.AtomicInteger refused = new java.util.concurrent.atomic.AtomicInteger();
	private volatile int status = 200;
	private int port;
	private HttpServer server;

	HookListener() throws IOException {
		start();
	}

	synchronized void start() throws IOException {
		server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 16);
		server.setExecutor(Executors.newFixedThreadPool(4));
		server.createContext("/", exchange -> {
			String body;
			try (InputStream in = exchange.getRequestBody()) {
				body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			}
			int answer = status;
			if (answer / 100 == 2) {
				received.add(new Received(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
						exchange.getRequestHeaders().getFirst("webhook-id"), exchange.getRequestHeaders().getFirst("Content-Type"),
						exchange.getRequestHeaders().getFirst("Authorization"), body, Instant.now()));
			} else {
				refused.incrementAndGet();
			}
			exchange.sendResponseHeaders(answer, -1);
			exchange.close();
		});
		server.start();
		port = server.getAddress().getPort();
	}

	synchronized void stop() {
		server.stop(0);
	}

	/** How many requests were answered with a status other than 2xx. */
	int refused() {
		return refused.get();
	}

	/** The status answered from now on (a 2xx is recorded as received). */
	void answer(int status) {
		this.status = status;
	}

	/** The endpoint base, by host name ("localhost" is on the tests' allow list; "127.0.0.1" is not). */
	String endpoint(String path) {
		return "http://localhost:" + port + path;
	}

	List<Received> received(Predicate<Received> filter) {
		List<Received> matching = new ArrayList<>();
		for (Received r : received) {
			if (filter.test(r)) {
				matching.add(r);
			}
		}
		return matching;
	}

	/** Waits until at least {@code count} matching requests have come, or the timeout; returns them. */
	List<Received> await(Predicate<Received> filter, int count, Duration timeout) throws InterruptedException {
		long end = System.nanoTime() + timeout.toNanos();
		List<Received> matching = received(filter);
		while (matching.size() < count && System.nanoTime() < end) {
			Thread.sleep(50);
			matching = received(filter);
		}
		return matching;
	}

	@Override
	public void close() {
		stop();
	}
}
