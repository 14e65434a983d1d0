package be.lungcare.fhir;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A loopback TCP proxy between the server and its test database, so a test can make the
 * database "go away" (every connection cut, new ones dropped) and come back, without
 * stopping PostgreSQL under the other tests.
 */
public final class TcpProxy implements AutoCloseable {

	private final ServerSocket listener;
	private final int targetPort;
	private final Set<Socket> open = ConcurrentHashMap.newKeySet();
	private volatile boolean enabled = true;

	public TcpProxy(int targetPort) throws IOException {
		this.targetPort = targetPort;
		this.listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
		Thread acceptor = new Thread(this::acceptLoop, "tcp-proxy-accept");
		acceptor.setDaemon(true);
		acceptor.start();
	}

	public int port() {
		return listener.getLocalPort();
	}

	/** Cuts every open connection and drops new ones until {@link #enable()}. */
	public void disable() {
		enabled = false;
		open.forEach(TcpProxy::closeQuietly);
		open.clear();
	}

	public void enable() {
		enabled = true;
	}

	private void acceptLoop() {
		while (!listener.isClosed()) {
			try {
				Socket client = listener.accept();
				if (!enabled) {
					closeQuietly(client);
					continue;
				}
				Socket upstream = new Socket(InetAddress.getLoopbackAddress(), targetPort);
				open.add(client);
				open.add(upstream);
				if (!enabled) { // disabled while we were connecting
					closeQuietly(client);
					closeQuietly(upstream);
					continue;
				}
				pump(client, upstream);
				pump(upstream, client);
			} catch (IOException e) {
				// listener closed, or upstream refused: the client sees a dropped connection
			}
		}
	}

	private void pump(Socket from, Socket to) {
		Thread t = new Thread(() -> {
			byte[] buffer = new byte[16 * 1024];
			try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
				int n;
				while ((n = in.read(buffer)) >= 0) {
					out.write(buffer, 0, n);
					out.flush();
				}
			} catch (IOException e) {
				// connection cut
			} finally {
				closeQuietly(from);
				closeQuietly(to);
				open.remove(from);
				open.remove(to);
			}
		}, "tcp-proxy-pump");
		t.setDaemon(true);
		t.start();
	}

	private static void closeQuietly(Socket socket) {
		try {
			socket.close();
		} catch (IOException e) {
			// already closed
		}
	}

	@Override
	public void close() throws IOException {
		disable();
		listener.close();
	}
}
