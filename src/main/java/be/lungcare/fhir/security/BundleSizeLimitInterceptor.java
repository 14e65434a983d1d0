package be.lungcare.fhir.security;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;

/** Refuses transactions and batches with more entries than the limit (413), before any work. */
@Interceptor
final class BundleSizeLimitInterceptor implements StorageInterceptor {

	private final int maxEntries;

	BundleSizeLimitInterceptor(int maxEntries) {
		this.maxEntries = maxEntries;
	}

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void checkSize(IBaseBundle bundle) {
		int entries = ((Bundle) bundle).getEntry().size();
		if (entries > maxEntries) {
			throw new PayloadTooLargeException("Bundle.entry: " + entries + " entries, more than the limit of "
					+ maxEntries + "; split the bundle");
		}
	}
}
