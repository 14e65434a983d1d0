package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;

/**
 * Interactions HAPI would fail on with a server error rather than answer: a PATCH that names neither a resource
 * id nor a conditional URL ({@code PATCH [base]/Patient}) is a 400 (HAPI, like for PUT and DELETE, needs a
 * target).
 */
@Interceptor
final class InteractionCheckInterceptor implements RestInterceptor {

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		if (request.getRestOperationType() == RestOperationTypeEnum.PATCH
				&& (request.getId() == null || !request.getId().hasIdPart())
				&& request.getConditionalUrl(RestOperationTypeEnum.PATCH) == null) {
			throw Problems.invalid("A PATCH must name its resource, as [type]/[id], or give a conditional URL,"
					+ " as [type]?[criteria]", null);
		}
		return true;
	}
}
