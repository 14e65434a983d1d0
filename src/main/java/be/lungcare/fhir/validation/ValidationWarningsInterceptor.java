package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.rest.server.interceptor.ValidationResultEnrichingInterceptor;

/**
 * Puts the warnings of validation on write into the response's OperationOutcome (HAPI's
 * enricher; the response carries an OperationOutcome with {@code Prefer: return=OperationOutcome},
 * and in every transaction / batch response entry's {@code outcome}).
 */
@Interceptor
final class ValidationWarningsInterceptor extends ValidationResultEnrichingInterceptor implements RestInterceptor {}
