package be.lungcare.fhir.config;

/**
 * The order of interceptors whose order matters, in one place ({@code @Interceptor(order = ...)}; lower runs
 * first, the default is 0).
 * <ul>
 * <li>Error mapping: the specific mappers first, then the generic masking.</li>
 * <li>Storage: the cheap refusals (operation allow list, bundle structure, searches in bundles, read-only types)
 * before validation, which may take seconds and whose 422 would hide the real 400 or 403.</li>
 * </ul>
 */
public final class HookOrder {

	/** Database unreachable → 503, before any other mapping of the same error. */
	public static final int DATABASE_UNAVAILABLE = -100;
	/** Storage checks that refuse a write or bundle at once, before any validation. */
	public static final int STORAGE_CHECKS = -50;
	/** Validation on write: after the cheap checks. */
	public static final int VALIDATION = 50;
	/** Everything else that is not a deliberate status → 500 with an incident id; last. */
	public static final int INTERNAL_ERROR_MASKING = 100;

	private HookOrder() {}
}
