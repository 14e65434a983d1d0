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
			new BundleConcurrencyLimitInterceptor(2, 4, Duration.ofMillis(50), Duration.ofSeconds(5));

	private static ServletRequestDetails request(RestOperationTypeEnum operation) {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServletResponse(new MockHttpServletResponse());
		request.setRestOperationType(operation);
		return request;
	}

	private static ServletRequestDetails request() {
		return request(RestOperationTypeEnum.TRANSACTION);
	}

	@Test
	void bundlesBeyondTheLimitWaitAndAreRefusedWith503AfterTheTimeout() throws Exception {
		ServletRequestDetails first = request();
		ServletRequestDetails second = request();
		limiter.acquire(first);
		limiter.acquire(second);
		assertThat(limiter.availablePermits()).isZero();

		ServletRequestDetails third = request();
		assertThatThrownBy(() -> limiter.acquire(third))
				.isInstanceOfSatisfying(BaseServerResponseException.class, e -> assertThat(e.getStatusCode()).isEqualTo(503));
		assertThat(((MockHttpServletResponse) third.getServletResponse()).getHeader("Retry-After")).isEqualTo("5");
		limiter.release(third); // holds no permit: nothing to give back
		assertThat(limiter.availablePermits()).isZero();

		limiter.release(first);
		limiter.acquire(third);
		limiter.release(second);
		limiter.release(third);
		assertThat(limiter.availablePermits()).isEqualTo(2);
	}

	@Test
	void otherRequestsAreNotLimited() throws Exception {
		limiter.acquire(request());
		limiter.acquire(request());
		for (int i = 0; i < 10; i++) {
			ServletRequestDetails read = request(RestOperationTypeEnum.SEARCH_TYPE);
			limiter.acquire(read);
			limiter.release(read);
		}
		assertThat(limiter.availablePermits()).isZero();
	}

	@Test
	void whenTheQueueIsFullABundleIsRefusedAtOnce() throws Exception {
		BundleConcurrencyLimitInterceptor noQueue = new BundleConcurrencyLimitInterceptor(1, 0, Duration.ofMinutes(1),
				Duration.ofSeconds(5));
		noQueue.acquire(request());
		long start = System.nanoTime();
		assertThatThrownBy(() -> noQueue.acquire(request())).isInstanceOf(BaseServerResponseException.class);
		assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
	}

	@Test
	void releasingTwiceGivesBackOnePermit() throws Exception {
		ServletRequestDetails request = request();
		limiter.acquire(request);
		limiter.release(request);
		limiter.release(request);
		assertThat(limiter.availablePermits()).isEqualTo(2);
	}
}
