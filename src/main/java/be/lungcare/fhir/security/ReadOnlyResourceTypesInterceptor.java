package be.lungcare.fhir.security;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ForbiddenOperationException;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Resource types a client may read but not write (create, update, patch, delete; also inside bundles): 403.
 * <ul>
 * <li>Conformance resources come from the implementation guide installed at start-up. A SearchParameter written
 * through the API would change what every search means and start a reindex; a profile or value set would change
 * what validation accepts. A client whose token carries the admin scope may write them.</li>
 * </ul>
 * The server's own writes (the IG installation) are not affected.
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class ReadOnlyResourceTypesInterceptor implements StorageInterceptor {

	private static final String CONFORMANCE = " resources are read-only through the API: they come from the implementation guide"
			+ " the server installs at start-up (a client with the admin scope may write them)";

	/** The conformance types, which a client with the admin scope may write. */
	private static final Set<String> CONFORMANCE_TYPES = Set.of("SearchParameter", "StructureDefinition", "ValueSet", "CodeSystem",
			"ConceptMap", "ImplementationGuide", "NamingSystem");

	/** Each read-only type, with the reason a client is given. */
	static final Map<String, String> READ_ONLY = Map.of(
			"SearchParameter", "SearchParameter" + CONFORMANCE,
			"StructureDefinition", "StructureDefinition" + CONFORMANCE,
			"ValueSet", "ValueSet" + CONFORMANCE,
			"CodeSystem", "CodeSystem" + CONFORMANCE,
			"ConceptMap", "ConceptMap" + CONFORMANCE,
			"ImplementationGuide", "ImplementationGuide" + CONFORMANCE,
			"NamingSystem", "NamingSystem" + CONFORMANCE,
			"AuditEvent", "AuditEvents are recorded by the server itself; they cannot be written, changed or deleted through the API");

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		refuse(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		refuse(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_DELETED)
	public void deleted(IBaseResource resource, RequestDetails request) {
		refuse(resource, request);
	}

	private static void refuse(IBaseResource resource, RequestDetails request) {
		if (request == null || request instanceof SystemRequestDetails) {
			return;
		}
		String reason = READ_ONLY.get(resource.fhirType());
		if (reason != null && !(CONFORMANCE_TYPES.contains(resource.fhirType()) && Access.isAdministrator(request))) {
			throw new ForbiddenOperationException(reason, Problems.outcome(IssueType.FORBIDDEN, reason, resource.fhirType()));
		}
	}
}
