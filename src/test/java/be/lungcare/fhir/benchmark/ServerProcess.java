package be.lungcare.fhir.benchmark;

import be.lungcare.fhir.TestIssuer;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under test, as a process of its own (the packaged jar), so that its CPU time and memory are
 * measured apart from the load generator's. The Actuator endpoints are reached on a management port of
 * their own ({@code MANAGEMENT_SERVER_PORT}); the benchmark and the hardening suite (package
 * {@code be.lungcare.fhir.hardening}) both start the server through this class.
 */
public final class ServerProcess implements AutoCloseable {

	private static final Duration STARTUP_LIMIT = Duration.ofMinutes(5);

	private final Process process;
	private final int port;
	private final int managementPort;
	private final double startupSeconds;

	private ServerProcess(Process process, int port, int managementPort, double startupSeconds) {
		this.process = process;
		this.port = port;
		this.managementPort = managementPort;
		this.startupSeconds = startupSeconds;
	}

	private static final String TOKEN = TestIssuer.get().longLivedToken("benchmark", "system/*.cruds");

	/** The bearer token the harnesses send: an integration engine with {@code system/*.cruds}, valid 12 hours. */
	public static String engineToken() {
		return TOKEN;
	}

	/** The packaged server jar in {@code target/} (built by {@code mvn package}). */
	public static Path packagedJar() throws IOException {
		try (var files = Files.list(Path.of("target"))) {
			return files.filter(p -> p.getFileName().toString().matches("lungcare-fhir-.*\\.jar")).findFirst()
					.orElseThrow(() -> new IllegalStateException("No server jar in target/: run mvn package"));
		}
	}

	/**
	 * {@code environment} with one pass of each JIT warm-up before readiness instead of the production durations: for
	 * tests that start the server to see what survives a restart, where start-up time is test time, not a measurement.
	 */
	public static Map<String, String> withShortWarmUp(Map<String, String> environment) {
		Map<String, String> quick = new HashMap<>(environment);
		quick.put("LUNGCARE_WARM_UP_DURATION", "0s");
		quick.put("LUNGCARE_VALIDATION_WARM_UP", "0s");
		return quick;
	}

	/**
	 * Starts the jar on the {@code postgres} profile, with the FHIR API and the Actuator endpoints on two free
	 * ports, and waits until readiness reports UP.
	 */
	public static ServerProcess start(Path jar, List<String> jvmArgs, Map<String, String> environment, Path log,
			HttpClient http) throws IOException, InterruptedException {
		int port = freePort();
		int managementPort = freePort();
		while (managementPort == port) {
			managementPort = freePort();
		}
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmArgs);
		command.add("-jar");
		command.add(jar.toString());
		ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(log.toFile());
		builder.environment().putAll(TestIssuer.get().serverEnvironment()); // access control on, as in production
		builder.environment().putAll(environment);
		builder.environment().put("SPRING_PROFILES_ACTIVE", "postgres");
		builder.environment().put("SERVER_PORT", Integer.toString(port));
		builder.environment().put("MANAGEMENT_SERVER_PORT", Integer.toString(managementPort));
		long started = System.nanoTime();
		Process process = builder.start();
		URI readiness = URI.create("http://127.0.0.1:" + managementPort + "/actuator/health/readiness");
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("The server exited during start-up (exit " + process.exitValue()
						+ "); see " + log);
			}
			if (System.nanoTime() - started > STARTUP_LIMIT.toNanos()) {
				process.destroyForcibly();
				throw new IllegalStateException("The server was not ready within " + STARTUP_LIMIT + "; see " + log);
			}
			try {
				HttpResponse<String> response = http.send(HttpRequest.newBuilder(readiness).timeout(Duration.ofSeconds(2))
						.build(), HttpResponse.BodyHandlers.ofString());
				if (response.statusCode() == 200) {
					break;
				}
			} catch (IOException notYet) {
				// not listening yet
			}
			Thread.sleep(100);
		}
		return new ServerProcess(process, port, managementPort, (System.nanoTime() - started) / 1e9);
	}

	/** The FHIR base URL, e.g. {@code http://127.0.0.1:34567/fhir}. */
	public String baseUrl() {
		return "http://127.0.0.1:" + port + "/fhir";
	}

	/** The port of the FHIR API (on 127.0.0.1). */
	public int port() {
		return port;
	}

	/** The port of the Actuator endpoints (on 127.0.0.1). */
	public int managementPort() {
		return managementPort;
	}

	public double startupSeconds() {
		return startupSeconds;
	}

	/** False once the server process has exited. */
	public boolean isAlive() {
		return process.isAlive();
	}

	/** User plus system CPU time of the server process so far, in seconds. */
	public double cpuSeconds() {
		return process.info().totalCpuDuration().orElseThrow().toNanos() / 1e9;
	}

	/**
	 * Garbage-collection pause time of the server so far, in seconds: the sum of {@code jvm_gc_pause_seconds_sum}
	 * over all collectors, from the server's own {@code /actuator/prometheus}. The collectors here stop the
	 * application and run on its CPU, so this is part of {@link #cpuSeconds()}.
	 */
	double gcPauseSeconds(HttpClient http) throws IOException, InterruptedException {
		return metric(http, "jvm_gc_pause_seconds_sum");
	}

	/**
	 * CPU time of the server's JIT compiler threads so far ({@code C1 CompilerThre…}, {@code C2 CompilerThre…}), in
	 * seconds, from {@code /proc/<pid>/task/<tid>/stat} (user plus system, in the kernel's fixed 100 ticks per
	 * second). It is part of {@link #cpuSeconds()}: how much of a "warm" figure is still the JIT compiling. (The JVM's
	 * own {@code jvm_compilation_time_ms_total} counts elapsed time, which a busy machine inflates.)
	 */
	double jitCpuSeconds() throws IOException {
		long ticks = 0;
		try (var tasks = Files.list(Path.of("/proc", Long.toString(process.pid()), "task"))) {
			for (Path task : tasks.toList()) {
				try {
					String name = Files.readString(task.resolve("comm")).trim();
					if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
						String stat = Files.readString(task.resolve("stat"));
						// after "pid (comm) ": state is field 3, utime and stime are fields 14 and 15
						String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
						ticks += Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
					}
				} catch (IOException gone) {
					// a compiler thread that ended meanwhile (the JVM starts and stops them as the queue needs)
				}
			}
		}
		return ticks / 100.0;
	}

	/**
	 * The sum of the values of the server's Prometheus metric lines that start with {@code prefix} (a metric name,
	 * optionally with labels, e.g. {@code jvm_gc_pause_seconds_count{action="end of major GC"}).
	 */
	public double metric(HttpClient http, String prefix) throws IOException, InterruptedException {
		URI metrics = URI.create("http://127.0.0.1:" + managementPort + "/actuator/prometheus");
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(metrics).timeout(Duration.ofSeconds(10))
				.header("Accept", "text/plain;version=0.0.4").build(),
				HttpResponse.BodyHandlers.ofString());
		if (response.statusCode() != 200) {
			throw new IOException("GET " + metrics + ": " + response.statusCode());
		}
		return response.body().lines().filter(line -> line.startsWith(prefix))
				.mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
	}

	/** Resident set size now ({@code VmRSS}) and at its peak ({@code VmHWM}), in MiB. */
	public double rssMiB(boolean peak) throws IOException {
		String key = peak ? "VmHWM:" : "VmRSS:";
		for (String line : Files.readAllLines(Path.of("/proc", Long.toString(process.pid()), "status"))) {
			if (line.startsWith(key)) {
				return Long.parseLong(line.substring(key.length()).replace("kB", "").trim()) / 1024.0;
			}
		}
		throw new IOException(key + " not found for process " + process.pid());
	}

	/** Kills the server at once (SIGKILL): no shutdown hook, no graceful end of requests in progress. */
	public void kill() throws InterruptedException {
		process.destroyForcibly().waitFor();
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, TimeUnit.SECONDS)) {
			process.destroyForcibly().waitFor();
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}
}
