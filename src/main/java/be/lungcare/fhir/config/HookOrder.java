package be.lungcare.fhir.config;

/**
 * The order of interceptors whose order matters, in one place ({@code @Interceptor(order = ...)}; lower runs
 * first, the default is 0). Error mapping: the specific mappers first, then the generic masking.
 */
public final class HookOrder {

	/** Database unreachable → 503, before any other mapping of the same error. */
	public static final int DATABASE_UNAVAILABLE = -100;
	/** Everything else that is not a deliberate status → 500 with an incident id; last. */
	public static final int INTERNAL_ERROR_MASKING = 100;

	private HookOrder() {}
}
