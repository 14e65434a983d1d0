package be.lungcare.fhir.search;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.Set;

/**
 * Checks every search of a request before it runs ({@link SearchCriteriaCheck}): a search, and the criteria of a
 * conditional create ({@code If-None-Exist}), update, patch or delete.
 */
@Interceptor
final class SearchParameterCheckInterceptor implements RestInterceptor {

	private static final Set<RestOperationTypeEnum> SEARCHES =
			Set.of(RestOperationTypeEnum.SEARCH_TYPE, RestOperationTypeEnum.SEARCH_SYSTEM);
	private static final Set<RestOperationTypeEnum> CONDITIONAL =
			Set.of(RestOperationTypeEnum.UPDATE, RestOperationTypeEnum.PATCH, RestOperationTypeEnum.DELETE);

	private final SearchCriteriaCheck check;

	SearchParameterCheckInterceptor(SearchCriteriaCheck check) {
		this.check = check;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		Map<String, String[]> parameters = request.getParameters();
		if (SEARCHES.contains(operation)) {
			check.checkSearch(request.getResourceName(), parameters);
		} else if (parameters != null && !parameters.isEmpty() && !CONDITIONAL.contains(operation)) {
			SearchCriteriaCheck.checkResultParameters(parameters);
		}
		String ifNoneExist = request.getHeader(Constants.HEADER_IF_NONE_EXIST);
		if (ifNoneExist != null && operation == RestOperationTypeEnum.CREATE) {
			check.checkConditional(request.getResourceName(), ifNoneExist, Constants.HEADER_IF_NONE_EXIST,
					Constants.HEADER_IF_NONE_EXIST);
		}
		if (CONDITIONAL.contains(operation) && request.getConditionalUrl(operation) != null) {
			check.checkConditional(request.getResourceName(), request.getConditionalUrl(operation), "The conditional URL", null);
		}
		return true;
	}
}
