package be.lungcare.fhir.access;

import ca.uhn.fhir.rest.api.server.RequestDetails;

/** What other features may ask about a request's access. */
public final class Access {

	/** Request user-data key of the {@link AccessGrant}. */
	static final String GRANT = "lungcare.access.grant";

	private Access() {}

	/** Whether the request's token carries the admin scope (conformance resources are writable). */
	public static boolean isAdministrator(RequestDetails request) {
		return request != null && request.getUserData().get(GRANT) instanceof AccessGrant grant && grant.administrator();
	}

	/** Whether the request comes from a research client (it gets pseudonymised exports only). */
	public static boolean isResearchClient(RequestDetails request) {
		return request != null && request.getUserData().get(GRANT) instanceof AccessGrant grant && grant.research();
	}

	/** The request's client id ({@code azp}), or null without a token (open mode). */
	public static String clientId(RequestDetails request) {
		return request != null && request.getUserData().get(GRANT) instanceof AccessGrant grant ? grant.clientId() : null;
	}

	/**
	 * Whether the request's client may read every resource of this type, as a system client (a subscription's
	 * notifications carry data of any patient). True without a token (open mode: no access control).
	 */
	public static boolean mayReadEvery(RequestDetails request, String type) {
		if (request == null || !(request.getUserData().get(GRANT) instanceof AccessGrant grant)) {
			return true;
		}
		return !grant.research() && grant.allows(SmartScope.Context.SYSTEM, type, SmartScope.Permission.READ)
				&& grant.allows(SmartScope.Context.SYSTEM, type, SmartScope.Permission.SEARCH);
	}
}
