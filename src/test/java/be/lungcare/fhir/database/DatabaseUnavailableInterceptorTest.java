package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.transaction.CannotCreateTransactionException;

class DatabaseUnavailableInterceptorTest {

	private boolean reachable = true;
	private final DatabaseUnavailableInterceptor interceptor =
			new DatabaseUnavailableInterceptor(Duration.ofSeconds(7), () -> reachable);

	@Test
	void connectionFailuresAnywhereInTheCauseChainBecome503WithRetryAfter() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		Throwable wrapped = new InternalErrorException("HAPI-0389: Failed to call access method",
				new CannotCreateTransactionException("no tx", new SQLTransientConnectionException("pool timeout")));
		BaseServerResponseException mapped = interceptor.databaseUnavailable(wrapped, response);
		assertThat(mapped.getStatusCode()).isEqualTo(503);
		assertThat(response.getHeader("Retry-After")).isEqualTo("7");

		assertThat(DatabaseUnavailableInterceptor.isConnectionFailure(new SQLException("refused", "08001"))).isTrue();
		assertThat(DatabaseUnavailableInterceptor.isConnectionFailure(new SQLException("shutdown", "57P01"))).isTrue();
	}

	@Test
	void aFailedRollbackOnADeadConnectionIs503WhenTheDatabaseIsUnreachable() {
		// Spring reports the failed rollback, not the I/O error that caused it
		Throwable rollbackFailure = new org.springframework.orm.jpa.JpaSystemException(
				new org.hibernate.TransactionException("Unable to rollback", new SQLException("Connection is closed")));
		reachable = false;
		assertThat(interceptor.databaseUnavailable(rollbackFailure, new MockHttpServletResponse()).getStatusCode()).isEqualTo(503);
		reachable = true;
		assertThat(interceptor.databaseUnavailable(rollbackFailure, new MockHttpServletResponse())).isNull();
	}

	@Test
	void otherErrorsAreLeftAlone() {
		MockHttpServletResponse response = new MockHttpServletResponse();
		assertThat(interceptor.databaseUnavailable(new SQLException("duplicate key", "23505"), response)).isNull();
		assertThat(interceptor.databaseUnavailable(new IllegalStateException("bug"), response)).isNull();
		assertThat(response.getHeader("Retry-After")).isNull();
	}
}
