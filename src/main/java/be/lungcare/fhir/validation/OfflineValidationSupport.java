package be.lungcare.fhir.validation;

import ca.uhn.fhir.context.support.IValidationSupport;

/**
 * The offline validation support chain of the server (the installed IG package on R4 core, in-memory
 * terminology), built once and shared: validation on write uses it, and so does the terminology feature. A
 * holder rather than an {@link IValidationSupport} bean, so that it never competes with HAPI's own chain.
 *
 * @param chain the chain, with its caches
 */
public record OfflineValidationSupport(IValidationSupport chain) {}
