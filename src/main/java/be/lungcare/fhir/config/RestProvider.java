package be.lungcare.fhir.config;

/**
 * Marks a HAPI provider bean of a feature (plain provider with {@code @Operation} methods).
 * {@link RestfulServerConfig} registers every such bean on the {@code RestfulServer}.
 */
public interface RestProvider {}
