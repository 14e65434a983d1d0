package be.lungcare.fhir.config;

import ca.uhn.fhir.batch2.jobs.config.Batch2JobsConfig;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.config.ThreadPoolFactoryConfig;
import ca.uhn.fhir.jpa.batch2.JpaBatch2Config;
import ca.uhn.fhir.jpa.config.HapiJpaConfig;
import ca.uhn.fhir.jpa.config.r4.JpaR4Config;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import ca.uhn.fhir.jpa.subscription.channel.config.SubscriptionChannelConfig;
import java.util.List;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.annotation.EnableTransactionManagement;

/**
 * HAPI FHIR JPA server, R4 only. Only the storage settings we change are set here; everything
 * else is HAPI's default.
 */
@Configuration(proxyBeanMethods = false)
@EnableTransactionManagement
@Import({
	JpaR4Config.class,
	HapiJpaConfig.class,
	ThreadPoolFactoryConfig.class,
	SubscriptionChannelConfig.class, // the in-memory message broker batch jobs and subscription matching run on
	JpaBatch2Config.class,
	Batch2JobsConfig.class
})
class FhirJpaConfig {

	@Bean
	JpaStorageSettings jpaStorageSettings() {
		JpaStorageSettings settings = new JpaStorageSettings();
		// Dangerous operations stay off.
		settings.setExpungeEnabled(false);
		settings.setDeleteExpungeEnabled(false);
		settings.setAllowMultipleDelete(false);
		// References must resolve: no silent placeholders, no dangling links.
		settings.setAutoCreatePlaceholderReferenceTargets(false);
		settings.setEnforceReferentialIntegrityOnWrite(true);
		settings.setEnforceReferentialIntegrityOnDelete(true);
		// Value set pre-expansion needs Hibernate Search (off): our value sets are small and expanded in memory.
		settings.setPreExpandValueSets(false);
		settings.setEnableTaskPreExpandValueSets(false);
		// Batch entries run one after the other on the request's own thread (HAPI's default is a pool of up to 100
		// threads sharing the request's state): a batch cannot take more than its one core, and its turn means it.
		settings.setBundleBatchPoolSize(1);
		settings.setBundleBatchMaxPoolSize(1);
		return settings;
	}

	/**
	 * The parser no longer walks every resource it encodes for referenced resources without an id, to contain them
	 * (HAPI's default): the walk took 8 % of the query threads' CPU samples (docs/performance.md, "Encoding without
	 * the containment walk"). The contained resources a resource lists are written as before. The trade-off: a
	 * {@code Reference} set in code to an object without id ({@code setResource}) is now written without its target;
	 * nothing here builds such references (resources from clients and from the database reference by text).
	 */
	@Bean
	static BeanPostProcessor parserOptions() {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessAfterInitialization(Object bean, String name) {
				if (bean instanceof FhirContext context) {
					context.getParserOptions().setAutoContainReferenceTargetsWithNoId(false);
				}
				return bean;
			}
		};
	}

	/** Registers every storage-level interceptor bean of the features on HAPI's interceptor service. */
	@Bean
	SmartInitializingSingleton storageInterceptorRegistrar(IInterceptorService interceptors, List<StorageInterceptor> features) {
		return () -> features.forEach(interceptors::registerInterceptor);
	}

	@Bean
	PartitionSettings partitionSettings() {
		return new PartitionSettings();
	}
}
