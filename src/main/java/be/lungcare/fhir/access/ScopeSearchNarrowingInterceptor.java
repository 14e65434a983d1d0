package be.lungcare.fhir.access;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.auth.AuthorizedList;
import ca.uhn.fhir.rest.server.interceptor.auth.SearchNarrowingInterceptor;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Narrows searches of patient data to the patients the token reaches, with the same patient set as
 * {@link ScopeRulesInterceptor}: HAPI adds {@code patient=Patient/a,Patient/b,…} (or the type's own compartment
 * parameter), so a search is one SQL {@code IN} rather than a filter over every result. {@code system/} scopes and
 * shared types are not narrowed.
 * <p>
 * Conditional URLs (conditional create, update, delete, also in bundles) are narrowed too while the patient list is
 * short: HAPI stores a conditional create's URL in a column of 768 characters, so a long list would make the write
 * fail. Two instances share the work: the one for short lists narrows conditional URLs, the one for long lists does
 * not; the authorization rules still refuse an update or delete of a matched resource outside the patient set.
 */
@Interceptor(order = HookOrder.ACCESS_NARROWING)
final class ScopeSearchNarrowingInterceptor extends SearchNarrowingInterceptor implements RestInterceptor {

	/** The longest patient list (as {@code Patient/a,Patient/b,…}) narrowed into conditional URLs. */
	static final int MAX_CONDITIONAL_LIST = 400;

	private final AccessGrants grants;
	private final AccessTypes types;
	private final boolean shortLists;

	/** @param shortLists this instance narrows conditional URLs and handles short lists, else long ones */
	ScopeSearchNarrowingInterceptor(AccessGrants grants, AccessTypes types, boolean shortLists) {
		this.grants = grants;
		this.types = types;
		this.shortLists = shortLists;
		setNarrowConditionalUrls(shortLists);
	}

	/**
	 * For a search, the compartments of its type; for a transaction or batch (no type), those of every patient
	 * and user scope: HAPI then narrows each search and conditional URL of the bundle by its own type.
	 */
	@Override
	protected AuthorizedList buildAuthorizedList(RequestDetails request) {
		AccessGrant grant = grants.of(request);
		String type = request.getResourceName();
		if (grant == null || (type != null && !types.isPatientData(type)) || (!grant.research() && searches(grant, SmartScope.Context.SYSTEM, type))) {
			return null; // refused elsewhere, not patient data, or a system/ scope: not narrowed
		}
		Set<String> compartments = new LinkedHashSet<>();
		if (searches(grant, SmartScope.Context.PATIENT, type)) {
			String patient = grants.patientOf(grant);
			if (patient != null) {
				compartments.add("Patient/" + patient);
			}
		}
		if (searches(grant, SmartScope.Context.USER, type)) {
			grants.patientsOfPractitioner(grant).forEach(id -> compartments.add("Patient/" + id));
		}
		int length = compartments.stream().mapToInt(c -> c.length() + 1).sum();
		if (compartments.isEmpty() || (length <= MAX_CONDITIONAL_LIST) != shortLists) {
			return null; // nothing to narrow to (the rules refuse), or the other instance's list
		}
		return new AuthorizedList().addCompartments(compartments.toArray(String[]::new));
	}

	private static boolean searches(AccessGrant grant, SmartScope.Context context, String typeOrNull) {
		return typeOrNull == null ? grant.has(context) : grant.allows(context, typeOrNull, SmartScope.Permission.SEARCH);
	}
}
