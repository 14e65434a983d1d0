package be.lungcare.fhir.config;

/**
 * The order of interceptors whose order matters, in one place ({@code @Interceptor(order = ...)}; lower runs
 * first, the default is 0).
 * <ul>
 * <li>Error mapping: the specific mappers first, then the generic masking.</li>
 * <li>Access: the scope check, then search narrowing (after the checks of the client's own search parameters),
 * then HAPI's authorization rules.</li>
 * <li>Storage: the cheap refusals (operation allow list, bundle structure, searches in bundles, read-only types)
 * before validation, which may take seconds and whose 422 would hide the real 400 or 403.</li>
 * </ul>
 */
public final class HookOrder {

	/** Audit of a refused or failed request: before every error mapper (they end HAPI's exception handling). */
	public static final int AUDIT_FAILURE = -200;
	/** Database unreachable → 503, before any other mapping of the same error. */
	public static final int DATABASE_UNAVAILABLE = -100;
	/** Storage checks that refuse a write or bundle at once, before any validation. */
	public static final int STORAGE_CHECKS = -50;
	/** A posted bundle's type and searches, checked as sent, before the access interceptors read and narrow it. */
	public static final int BUNDLE_TYPE_CHECK = -30;
	/** Access: the interaction a request asks for must be named by a scope; refused before any other work. */
	public static final int ACCESS_INTERACTIONS = -20;
	/**
	 * Access: search narrowing, after the checks of what the client sent (order 0; the narrowing adds its own
	 * patient list) and before the authorization rules, which expect the narrowed search.
	 */
	public static final int ACCESS_NARROWING = 10;
	/** Access: HAPI's authorization rules. */
	public static final int ACCESS_RULES = 20;
	/** Validation on write: after the cheap checks. */
	public static final int VALIDATION = 50;
	/** Audit: after the authorization rules (a resource refused to the client is not recorded as read). */
	public static final int AUDIT = 90;
	/** Everything else that is not a deliberate status → 500 with an incident id; last. */
	public static final int INTERNAL_ERROR_MASKING = 100;

	private HookOrder() {}
}
