package be.lungcare.fhir.search;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The searches inside a transaction or batch, checked like a request's own ({@link SearchCriteriaCheck}) before any
 * entry runs: a GET entry's search, an entry's {@code ifNoneExist}, and the conditional URL of a PUT, PATCH or
 * DELETE entry. HAPI dispatches entries without its request hooks, and would fail on a bad value with a server
 * error, or drop an unknown modifier and widen a conditional delete.
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class BundleSearchCheckInterceptor implements StorageInterceptor {

	private final SearchCriteriaCheck check;

	BundleSearchCheckInterceptor(SearchCriteriaCheck check) {
		this.check = check;
	}

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void checkEntries(IBaseBundle theBundle) {
		List<Bundle.BundleEntryComponent> entries = ((Bundle) theBundle).getEntry();
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
