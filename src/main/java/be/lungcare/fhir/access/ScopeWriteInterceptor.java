package be.lungcare.fhir.access;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Every write, also inside a transaction or batch and an update that creates, must be named by a scope: a create
 * needs {@code c}, an update (or the result of a patch) {@code u}, a delete {@code d}. Registered on the REST
 * server, so it sees client requests only (the server's own writes pass).
 */
@Interceptor(order = HookOrder.ACCESS_INTERACTIONS)
final class ScopeWriteInterceptor implements RestInterceptor {

	private final AccessGrants grants;

	ScopeWriteInterceptor(AccessGrants grants) {
		this.grants = grants;
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		require(request, resource.fhirType(), SmartScope.Permission.CREATE, "c");
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		require(request, resource.fhirType(), SmartScope.Permission.UPDATE, "u");
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		require(request, resource.fhirType(), SmartScope.Permission.DELETE, "d");
	}

	private void require(RequestDetails request, String type, SmartScope.Permission permission, String letter) {
		AccessGrant grant = request == null ? null : grants.of(request);
		if (grant == null) {
			return;
		}
		if (grant.research()) {
			throw ScopeInteractionInterceptor.forbidden("Research clients do not write through the REST API", type);
		}
		if (!grant.allowsAnywhere(type, permission)) {
			throw ScopeInteractionInterceptor.forbidden("The token's scopes do not allow this on " + type + ": it needs a scope such as "
					+ grant.example(type, letter), type);
		}
	}
}
