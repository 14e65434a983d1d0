package be.lungcare.fhir.database;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

class ConflictRetryInterceptorTest {

	private final ConflictRetryInterceptor interceptor = new ConflictRetryInterceptor(5);

	private static ServletRequestDetails bundleRequest() {
		ServletRequestDetails request = new ServletRequestDetails();
		request.setRestOperationType(RestOperationTypeEnum.TRANSACTION);
		request.setServletRequest(new MockHttpServletRequest("POST", "/fhir"));
		return request;
	}

	private static Bundle bundle(Bundle.HTTPVerb method, String ifMatch) {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setResource(new Practitioner()).getRequest().setMethod(method).setUrl("Practitioner/1").setIfMatch(ifMatch);
		return bundle;
	}

	@Test
	void aBundleThatLostARaceIsRetried() {
		ServletRequestDetails request = bundleRequest();
		interceptor.inspect(bundle(Bundle.HTTPVerb.POST, null), request);
		assertThat(interceptor.retry(request).isRetry()).isTrue();
		assertThat(interceptor.retry(request).getMaxRetries()).isEqualTo(5);
	}

	@Test
	void conflictsTheClientCausedAreNotRetried() {
		ServletRequestDetails stale = bundleRequest();
		interceptor.inspect(bundle(Bundle.HTTPVerb.PUT, "W/\"1\""), stale);
		assertThat(interceptor.retry(stale).isRetry()).isFalse();

		ServletRequestDetails delete = bundleRequest();
		interceptor.inspect(bundle(Bundle.HTTPVerb.DELETE, null), delete);
		assertThat(interceptor.retry(delete).isRetry()).isFalse();
	}

	@Test
	void eachBatchEntryIsJudgedByItself() {
		ServletRequestDetails request = bundleRequest();
		Bundle batch = bundle(Bundle.HTTPVerb.DELETE, null).setType(Bundle.BundleType.BATCH);
		interceptor.inspect(batch, request);
		interceptor.inspect(bundle(Bundle.HTTPVerb.POST, null), request); // HAPI's transaction of the next entry
		assertThat(interceptor.retry(request).isRetry()).isTrue();
	}
}
