package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class BundleConcurrencyLimitInterceptorTest {

	private final BundleConcurrencyLimitInterceptor limiter =
			new BundleConcurrencyLimitInterceptor(2, Duration.ofMillis(50), Duration.ofSeconds(5));

	private static ServletRequestDetails request() {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServletResponse(new MockHttpServletResponse());
		return request;
	}

	@Test
	void bundlesBeyondTheLimitWaitAndAreRefusedWith503AfterTheTimeout() throws Exception {
		ServletRequestDetails first = request();
		ServletRequestDetails second = request();
		limiter.acquire(first, RestOperationTypeEnum.TRANSACTION);
		limiter.acquire(second, RestOperationTypeEnum.TRANSACTION);
		assertThat(limiter.availablePermits()).isZero();

		ServletRequestDetails third = request();
		assertThatThrownBy(() -> limiter.acquire(third, RestOperationTypeEnum.TRANSACTION))
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
		assertThat(((MockHttpServletResponse) third.getServletResponse()).getHeader("Retry-After")).isEqualTo("5");
		limiter.release(third); // holds no permit: nothing to give back
		assertThat(limiter.availablePermits()).isZero();

		limiter.release(first);
		limiter.acquire(third, RestOperationTypeEnum.TRANSACTION);
		limiter.release(second);
		limiter.release(third);
		assertThat(limiter.availablePermits()).isEqualTo(2);
	}

	@Test
	void otherRequestsAreNotLimited() throws Exception {
		limiter.acquire(request(), RestOperationTypeEnum.TRANSACTION);
		limiter.acquire(request(), RestOperationTypeEnum.TRANSACTION);
		for (int i = 0; i < 10; i++) {
			ServletRequestDetails read = request();
			limiter.acquire(read, RestOperationTypeEnum.SEARCH_TYPE);
			limiter.release(read);
		}
		assertThat(limiter.availablePermits()).isZero();
	}

	@Test
	void releasingTwiceGivesBackOnePermit() throws Exception {
		ServletRequestDetails request = request();
		limiter.acquire(request, RestOperationTypeEnum.TRANSACTION);
		limiter.release(request);
		limiter.release(request);
		assertThat(limiter.availablePermits()).isEqualTo(2);
	}
}
