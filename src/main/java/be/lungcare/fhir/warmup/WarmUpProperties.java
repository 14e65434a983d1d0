package be.lungcare.fhir.warmup;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The warm-up of the storage and search paths before the server reports ready.
 *
 * @param duration how long the implementation guide's example bundles are written (and read back) in transactions
 *                 that are rolled back, so that the JIT has compiled the write and read paths before the first
 *                 client's request (at least one pass, which also shows at start-up that the write path works)
 */
@ConfigurationProperties("lungcare.warm-up")
record WarmUpProperties(@DefaultValue("45s") Duration duration) {}
