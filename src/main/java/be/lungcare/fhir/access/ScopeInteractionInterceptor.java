package be.lungcare.fhir.access;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Set;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * The interaction a request asks for must be named by one of the token's scopes: read (read, vread, an instance's
 * history) needs {@code r}, a search or a type's history {@code s}, a system-wide search or history {@code *.s},
 * create {@code c}, update and patch {@code u}, delete {@code d}. Writes are checked again, entry by entry, when they
 * are stored ({@link ScopeWriteInterceptor}). Research clients get no patient data over REST (their bulk exports are
 * pseudonymised). {@code $export} needs a system scope reading every type. Refusals are 403 with
 * an OperationOutcome naming the scope that would be needed.
 */
@Interceptor(order = HookOrder.ACCESS_INTERACTIONS)
final class ScopeInteractionInterceptor implements RestInterceptor {

	private static final Set<String> TERMINOLOGY_OPERATIONS = Set.of("$expand", "$validate-code", "$lookup", "$translate");

	private final AccessGrants grants;

	ScopeInteractionInterceptor(AccessGrants grants) {
		this.grants = grants;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void check(RequestDetails request, RestOperationTypeEnum operation) {
		AccessGrant grant = grants.of(request);
		if (grant == null || operation == null) {
			return; // public endpoints; the authorization rules refuse the rest
		}
		String type = request.getResourceName();
		switch (operation) {
			case METADATA, GET_PAGE, TRANSACTION -> { } // bundle entries are checked one by one
			case READ, VREAD, HISTORY_INSTANCE -> {
				if (!("Binary".equals(type) && grant.has(SmartScope.Context.SYSTEM))) { // export files: owner checked by the research feature
					require(grant, type, SmartScope.Permission.READ, "r");
				}
			}
			case SEARCH_TYPE, HISTORY_TYPE -> require(grant, type, SmartScope.Permission.SEARCH, "s");
			case SEARCH_SYSTEM, HISTORY_SYSTEM, GRAPHQL_REQUEST -> require(grant, "*", SmartScope.Permission.SEARCH, "s");
			case CREATE -> require(grant, type, SmartScope.Permission.CREATE, "c");
			case UPDATE, PATCH -> require(grant, type, SmartScope.Permission.UPDATE, "u");
			case DELETE -> require(grant, type, SmartScope.Permission.DELETE, "d");
			case EXTENDED_OPERATION_SERVER, EXTENDED_OPERATION_TYPE, EXTENDED_OPERATION_INSTANCE -> operation(grant, request, type);
			default -> throw forbidden("This interaction is not offered to API clients", null);
		}
	}

	private void operation(AccessGrant grant, RequestDetails request, String type) {
		String name = request.getOperation();
		if ("$validate".equals(name)) {
			return; // stores nothing, reads nothing
		}
		if ("$export".equals(name)) {
			if (!grant.allows(SmartScope.Context.SYSTEM, "*", SmartScope.Permission.READ)) {
				throw forbidden("Bulk data export needs a system scope that reads every type, such as system/*.rs", null);
			}
		} else if ("$lungcare-indicators".equals(name) || "$lungcare-indicator-report".equals(name)) {
			if (!grant.has(SmartScope.Context.SYSTEM)) {
				throw forbidden("The indicators are offered to system/ tokens (research clients, engines, administrators)", null);
			}
		} else if ("$export-poll-status".equals(name)) {
			if (!grant.has(SmartScope.Context.SYSTEM)) {
				throw forbidden("Bulk data export is offered to system/ tokens only", null);
			}
		} else if ("$trigger-subscription".equals(name)) {
			if (!grant.allows(SmartScope.Context.SYSTEM, "Subscription", SmartScope.Permission.UPDATE)) {
				throw forbidden("Triggering a subscription needs a system scope that updates Subscriptions, such as system/Subscription.u",
						"Subscription");
			}
		} else if ("$everything".equals(name)) {
			require(grant, "Patient", SmartScope.Permission.READ, "r");
		} else if (TERMINOLOGY_OPERATIONS.contains(name) && type != null) {
			require(grant, type, SmartScope.Permission.READ, "r");
		} else if ("$meta".equals(name)) {
			require(grant, type == null ? "*" : type, SmartScope.Permission.READ, "r");
		}
	}

	private void require(AccessGrant grant, String type, SmartScope.Permission permission, String letter) {
		String target = type == null ? "*" : type;
		if (grant.research() && !"*".equals(target) && !AccessTypes.isShared(target)) {
			throw forbidden("Research clients get no patient data through the REST API", target);
		}
		if (grant.research() && "*".equals(target)) {
			throw forbidden("Research clients get no system-wide searches or history through the REST API", null);
		}
		if ("AuditEvent".equals(target) && !grant.has(SmartScope.Context.PATIENT) && !grant.administrator()) {
			throw forbidden("AuditEvents are shown to the patient they concern and to administrators only", target);
		}
		if (!grant.allowsAnywhere(target, permission)) {
			throw forbidden("The token's scopes do not allow this on " + target + ": it needs a scope such as "
					+ grant.example(target, letter), target);
		}
		// which patients and which instances: the authorization rules and the search narrowing
	}

	static ForbiddenOperationException forbidden(String message, String expression) {
		return new ForbiddenOperationException(message, Problems.outcome(IssueType.FORBIDDEN, message, expression));
	}
}
