package be.lungcare.fhir.ig;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.core.io.Resource;

/**
 * @param packageLocation the LungCare implementation guide as a FHIR NPM package (built from {@code ig/} into the jar)
 */
@ConfigurationProperties("lungcare.ig")
record IgProperties(@DefaultValue("classpath:ig/lungcare-ig.tgz") Resource packageLocation) {}
