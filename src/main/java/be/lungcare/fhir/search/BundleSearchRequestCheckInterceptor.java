package be.lungcare.fhir.search;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The searches inside a client's transaction or batch, checked as the client sent them: before access control's
 * search narrowing adds the list of patients the client may see (which may be longer than a client may send).
 */
@Interceptor(order = HookOrder.BUNDLE_TYPE_CHECK)
final class BundleSearchRequestCheckInterceptor implements RestInterceptor {

	private final SearchCriteriaCheck check;

	BundleSearchRequestCheckInterceptor(SearchCriteriaCheck check) {
		this.check = check;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void checkEntries(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle) {
			BundleSearchCheckInterceptor.check(check, bundle);
			request.getUserData().put(BundleSearchCheckInterceptor.CHECKED, Boolean.TRUE);
		}
	}
}
