package be.lungcare.fhir.security;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/**
 * The operation allow list for the entries of transactions and batches, which HAPI dispatches
 * internally without the REST pre-processing hooks: a bundle that asks for an operation that is
 * not allowed is refused as a whole (403).
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class BundleOperationAllowListInterceptor implements StorageInterceptor {

	private final Set<String> allowed;

	BundleOperationAllowListInterceptor(Set<String> allowed) {
		this.allowed = allowed;
	}

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void checkEntries(IBaseBundle bundle) {
		List<Bundle.BundleEntryComponent> entries = ((Bundle) bundle).getEntry();
		for (int i = 0; i < entries.size(); i++) {
			String operation = operationIn(entries.get(i).getRequest().getUrl());
			if (operation != null && !allowed.contains(operation)) {
				throw new ForbiddenOperationException(
						"Operation " + operation + " is not enabled on this server (Bundle.entry[" + i + "].request.url)");
			}
		}
	}

	/** The {@code $operation} named in a request URL's path, or null. */
	static String operationIn(String url) {
		if (url == null) {
			return null;
		}
		int query = url.indexOf('?');
		String path;
		try {
			// HAPI unescapes the URL before it dispatches the entry: %24expunge is $expunge
			path = URLDecoder.decode((query < 0 ? url : url.substring(0, query)).replace("+", "%2B"), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			throw Problems.invalid("A bundle entry's request.url has an invalid percent-encoding: " + url, null);
		}
		for (String segment : path.split("/")) {
			if (segment.startsWith("$")) {
				return segment;
			}
		}
		return null;
	}
}
