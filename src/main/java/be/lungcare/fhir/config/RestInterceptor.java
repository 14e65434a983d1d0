package be.lungcare.fhir.config;

/**
 * Marks a HAPI interceptor bean that hooks into the REST layer. {@link RestfulServerConfig}
 * registers every such bean on the {@code RestfulServer}; features only declare the bean.
 * Ordering follows HAPI's {@code @Interceptor(order = ...)}.
 */
public interface RestInterceptor {}
