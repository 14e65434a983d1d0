package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.r4.model.Bundle;

/**
 * A bundle posted to the base must say whether it is a transaction or a batch: 400 naming {@code Bundle.type},
 * before the access interceptors read the bundle (HAPI would answer them with a 422 without the element).
 */
@Interceptor(order = HookOrder.BUNDLE_TYPE_CHECK)
final class BundleTypeCheckInterceptor implements RestInterceptor {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		if (operation == RestOperationTypeEnum.TRANSACTION && request.getResource() instanceof Bundle bundle
				&& bundle.getType() != Bundle.BundleType.TRANSACTION && bundle.getType() != Bundle.BundleType.BATCH) {
			throw Problems.invalid("Bundle.type is required: transaction or batch", "Bundle.type");
		}
	}
}
