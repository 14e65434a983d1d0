package be.lungcare.fhir.config;

/**
 * Marks a HAPI interceptor bean that hooks into storage (pre-storage, transactions).
 * {@link FhirJpaConfig} registers every such bean on HAPI's {@code IInterceptorService}.
 */
public interface StorageInterceptor {}
