package be.lungcare.fhir.hardening;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * GETs {@code /fhir/metadata} at a fixed rate for as long as the hostile requests run, on a connection of its own
 * each time, and records every answer with the hostile request that was in flight. A probe slower than the limit,
 * or without a 200, is a violation.
 */
final class MetadataProbe implements AutoCloseable {

	/**
	 * One probe: when it started (ns since the probe began), how long it took, its status and body size, what was
	 * in flight.
	 */
	record Sample(long startNanos, long nanos, int status, int bytes, String error, String during) {
	}

	private volatile RawHttp http;
	private volatile boolean paused;
	private final Duration interval;
	private final Duration timeout;
	private final List<Sample> samples = Collections.synchronizedList(new ArrayList<>());
	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "metadata-probe");
		thread.setDaemon(true);
		return thread;
	});
	private final long started = System.nanoTime();
	private volatile String during = "-";

	MetadataProbe(RawHttp http, Duration interval, Duration timeout) {
		this.http = http;
		this.interval = interval;
		this.timeout = timeout;
	}

	void start() {
		timer.scheduleAtFixedRate(this::probe, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
	}

	/** Stops probing while the server is restarted, then goes on with the new one. */
	void pause() {
		paused = true;
	}

	void resume(RawHttp server) {
		this.http = server;
		paused = false;
	}

	/** Names the hostile request now in flight, for the samples taken meanwhile. */
	void during(String what) {
		this.during = what;
	}

	long elapsedNanos() {
		return System.nanoTime() - started;
	}

	private void probe() {
		if (paused) {
			return;
		}
		String what = during;
		long at = System.nanoTime() - started;
		RawHttp.Response response = http.send(new RawHttp.Request("GET", "/fhir/metadata",
				RawHttp.headers("Accept", "application/fhir+json"), null), timeout);
		String now = during;
		if (paused) {
			return;
		}
		samples.add(new Sample(at, response.nanos(), response.status(), response.body().length, response.error(),
				what.equals(now) ? what : what + " / " + now));
	}

	List<Sample> samples() {
		synchronized (samples) {
			return List.copyOf(samples);
		}
	}

	@Override
	public void close() {
		timer.shutdown();
		try {
			timer.awaitTermination(timeout.toSeconds() + 5, TimeUnit.SECONDS);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
	}
}
