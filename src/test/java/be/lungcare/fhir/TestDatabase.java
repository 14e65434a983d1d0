package be.lungcare.fhir;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * One real PostgreSQL for the whole test run, started from the binaries on Maven Central
 * (no Docker), reached by the server through a {@link TcpProxy}.
 */
public final class TestDatabase {

	private static TestDatabase instance;

	private final EmbeddedPostgres postgres;
	private final TcpProxy proxy;

	private TestDatabase() throws IOException {
		postgres = EmbeddedPostgres.builder().start();
		proxy = new TcpProxy(postgres.getPort());
		Runtime.getRuntime().addShutdownHook(new Thread(() -> {
			try {
				proxy.close();
				postgres.close();
			} catch (IOException e) {
				// exiting anyway
			}
		}));
	}

	public static synchronized TestDatabase get() {
		if (instance == null) {
			try {
				instance = new TestDatabase();
			} catch (IOException e) {
				throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
			}
		}
		return instance;
	}

	/** JDBC URL of the server's database, through the proxy. */
	public String serverJdbcUrl() {
		return "jdbc:postgresql://127.0.0.1:" + proxy.port() + "/postgres";
	}

	public TcpProxy proxy() {
		return proxy;
	}

	/** A new, empty database on the same PostgreSQL, reached directly. */
	public DataSource createEmptyDatabase(String name) throws SQLException {
		try (Connection c = postgres.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
			s.execute("CREATE DATABASE " + name);
		}
		return postgres.getDatabase("postgres", name);
	}

	/** The server's database, reached directly (not through the proxy). */
	public DataSource serverDatabase() {
		return postgres.getPostgresDatabase();
	}
}
