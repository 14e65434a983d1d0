package be.lungcare.fhir.config;

/**
 * Marks a HAPI provider bean of a feature (plain provider with {@code @Operation} methods, or a resource provider).
 * {@link RestfulServerConfig} registers every such bean on the {@code RestfulServer}.
 */
public interface RestProvider {

	/**
	 * Whether this resource provider serves its type instead of HAPI's JPA provider (e.g. AuditEvent, from the audit
	 * trail); false for one that adds operations beside it. Plain providers serve no type.
	 */
	default boolean replacesJpaProvider() {
		return this instanceof ca.uhn.fhir.rest.server.IResourceProvider;
	}
}
