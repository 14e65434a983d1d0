package be.lungcare.fhir.database;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import jakarta.servlet.http.HttpServletResponse;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.hibernate.exception.JDBCConnectionException;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.transaction.TransactionException;

/**
 * Turns "the database cannot be reached" into a fast 503 with an OperationOutcome and a
 * Retry-After header, instead of HAPI's generic 500. HikariCP's connection timeout bounds how
 * long a request waits; the pool reconnects by itself once the database is back.
 *
 * <p>Connection failures are recognised by type or SQLSTATE. When a connection dies inside a
 * transaction, the failed rollback often replaces the original error; for such database errors
 * of unclear cause the database itself is asked whether it is reachable.
 */
@Interceptor(order = HookOrder.DATABASE_UNAVAILABLE)
final class DatabaseUnavailableInterceptor implements RestInterceptor {

	private final Duration retryAfter;
	private final BooleanSupplier databaseReachable;

	DatabaseUnavailableInterceptor(Duration retryAfter, BooleanSupplier databaseReachable) {
		this.retryAfter = retryAfter;
		this.databaseReachable = databaseReachable;
	}

	@Hook(Pointcut.SERVER_PRE_PROCESS_OUTGOING_EXCEPTION)
	public BaseServerResponseException databaseUnavailable(Throwable exception, HttpServletResponse response) {
		if (exception instanceof BaseServerResponseException e && e.getStatusCode() < 500) {
			return null; // a client error (e.g. 409 conflict) stays what it is, even with a database cause
		}
		if (!isConnectionFailure(exception)
				&& !(isDatabaseError(exception) && !databaseReachable.getAsBoolean())) {
			return null;
		}
		return ServiceUnavailableException.retryAfter(response, retryAfter,
				"The database is temporarily unavailable; retry the request later.");
	}

	static boolean isConnectionFailure(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLTransientConnectionException
					|| t instanceof CannotCreateTransactionException
					|| t instanceof JDBCConnectionException
					|| t instanceof DataAccessResourceFailureException) {
				return true;
			}
			if (t instanceof SQLException sql && isConnectionState(sql.getSQLState())) {
				return true;
			}
		}
		return false;
	}

	static boolean isDatabaseError(Throwable exception) {
		for (Throwable t = exception; t != null; t = t.getCause() == t ? null : t.getCause()) {
			if (t instanceof SQLException || t instanceof DataAccessException || t instanceof TransactionException
					|| t instanceof org.hibernate.HibernateException || t instanceof jakarta.persistence.PersistenceException) {
				return true;
			}
		}
		return false;
	}

	/** SQLSTATE class 08 (connection exception) and 57P01-57P03 (server shutting down / not accepting). */
	private static boolean isConnectionState(String sqlState) {
		return sqlState != null && (sqlState.startsWith("08") || sqlState.startsWith("57P"));
	}

	/** HAPI has no exception type for 503, so this one carries it. */
	static final class ServiceUnavailableException extends BaseServerResponseException {
		private static final long serialVersionUID = 1L;

		ServiceUnavailableException(String message) {
			super(503, message);
		}

		/** A 503 whose response tells the client, in {@code Retry-After}, when to try again. */
		static ServiceUnavailableException retryAfter(HttpServletResponse response, Duration wait, String message) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, wait.toSeconds())));
			return new ServiceUnavailableException(message);
		}
	}
}
