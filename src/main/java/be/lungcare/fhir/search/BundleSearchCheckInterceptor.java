package be.lungcare.fhir.search;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The searches inside a transaction or batch, checked like a request's own ({@link SearchCriteriaCheck}) before any
 * entry runs: a GET entry's search, an entry's {@code ifNoneExist}, and the conditional URL of a PUT, PATCH or
 * DELETE entry. HAPI dispatches entries without its request hooks, and would fail on a bad value with a server
 * error, or drop an unknown modifier and widen a conditional delete. A client's bundle is checked as it arrives
 * ({@link BundleSearchRequestCheckInterceptor}), before access control narrows its searches; this check covers the
 * bundles that do not come through the REST server.
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class BundleSearchCheckInterceptor implements StorageInterceptor {

	private final SearchCriteriaCheck check;

	BundleSearchCheckInterceptor(SearchCriteriaCheck check) {
		this.check = check;
	}

	/** Request user-data key: the bundle's searches were checked as the client sent them (before any narrowing). */
	static final String CHECKED = "lungcare.search.bundle-checked";

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void checkEntries(IBaseBundle theBundle, RequestDetails request) {
		if (request == null || !request.getUserData().containsKey(CHECKED)) {
			check(check, (Bundle) theBundle);
		}
	}

	static void check(SearchCriteriaCheck check, Bundle bundle) {
		List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
		for (int i = 0; i < entries.size(); i++) {
			Bundle.BundleEntryRequestComponent request = entries.get(i).getRequest();
			String path = "Bundle.entry[" + i + "].request";
			String url = request.getUrl();
			int query = url == null ? -1 : url.indexOf('?');
			if (query > 0 && request.getMethod() != Bundle.HTTPVerb.POST) {
				String type = url.substring(0, query);
				if (!type.contains("/")) {
					check.checkConditional(type, url, path + ".url", path + ".url");
				}
			}
			if (request.hasIfNoneExist() && url != null) {
				String type = url.split("[/?]", 2)[0];
				check.checkConditional(type, request.getIfNoneExist(), path + ".ifNoneExist", path + ".ifNoneExist");
			}
		}
	}
}
