package be.lungcare.fhir.research;

import be.lungcare.fhir.access.PatientCompartment;
import be.lungcare.fhir.access.ResearchConsent;
import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.api.IJobPersistence;
import ca.uhn.fhir.batch2.channel.BatchJobSender;
import ca.uhn.fhir.batch2.maintenance.JobMaintenanceServiceImpl;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.IInterceptorService;
import ca.uhn.fhir.jpa.api.config.JpaStorageSettings;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.binary.api.IBinaryStorageSvc;
import ca.uhn.fhir.jpa.binstore.DatabaseBinaryContentStorageSvcImpl;
import ca.uhn.fhir.jpa.model.config.PartitionSettings;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Researchers' access: FHIR Bulk Data export on HAPI's batch2 jobs (persisted in the database, resumed after a
 * restart), its files kept in the database as Binary content, owned by the client that asked; research clients get
 * pseudonymised exports only.
 */
@Configuration(proxyBeanMethods = false)
class ResearchConfig {

	private static final Logger log = LoggerFactory.getLogger(ResearchConfig.class);

	/** Export files (and other large Binary content) in the database's binary storage table, not in resource rows. */
	@Bean
	IBinaryStorageSvc binaryStorageSvc() {
		return new DatabaseBinaryContentStorageSvcImpl();
	}

	/** HAPI's binary storage for Binary resources (the export files), set up as HAPI sets up its own. */
	@Bean
	BinaryOnlyStorageInterceptor binaryOnlyStorage(FhirContext fhirContext, JpaStorageSettings settings) {
		BinaryOnlyStorageInterceptor interceptor = new BinaryOnlyStorageInterceptor(fhirContext);
		interceptor.setAllowAutoInflateBinaries(settings.isAllowAutoInflateBinaries());
		interceptor.setAutoInflateBinariesMaximumSize(settings.getAutoInflateBinariesMaximumBytes());
		return interceptor;
	}

	/**
	 * Registers the binary storage on the storage interceptor service, where the export jobs write their files; for
	 * every resource type if the database holds other resources' content from before.
	 */
	@Bean
	SmartInitializingSingleton binaryStorageRegistrar(IInterceptorService interceptors, BinaryOnlyStorageInterceptor binaryStorage,
			JpaStorageSettings settings, ResearchProperties properties, JdbcTemplate jdbc) {
		return () -> {
			if (BinaryOnlyStorageInterceptor.otherTypesStored(jdbc)) {
				log.warn("The binary storage holds content of resources other than Binary (stored before): it stays in use for every type");
				binaryStorage.storeEveryType();
			}
			interceptors.registerInterceptor(binaryStorage);
			settings.setBulkExportFileRetentionPeriodHours((int) Math.max(1, properties.exportRetention().toHours()));
			settings.setBulkExportFileMaximumCapacity(properties.resourcesPerFile());
			// a finished job is not handed to another request with the same URL: it may belong to another client,
			// or be plain where a pseudonymised one is asked
			settings.setEnableBulkExportJobReuse(false);
		};
	}

	/** HAPI's batch job maintenance, which moves jobs to their next step, every few seconds rather than every minute. */
	@Bean
	static BeanPostProcessor jobMaintenanceInterval(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof JobMaintenanceServiceImpl maintenance) {
					ResearchProperties properties = Binder.get(environment).bindOrCreate("lungcare.research", ResearchProperties.class);
					maintenance.setScheduledJobFrequencyMillis(properties.jobMaintenanceInterval().toMillis());
				}
				return bean;
			}
		};
	}

	/** Batch work a stopped process held: failed when it was running, sent again when it was waiting. */
	@Bean
	InterruptedJobRecovery interruptedJobRecovery(IJobPersistence jobs, BatchJobSender sender) {
		return new InterruptedJobRecovery(jobs, sender::sendWorkChannelMessage);
	}

	@Bean
	ExportProvider exportProvider() {
		return new ExportProvider();
	}

	@Bean
	ExportJobInterceptor exportJobInterceptor(ResearchProperties properties, ResearchConsent consent, PatientCompartment compartment) {
		byte[] key = properties.key();
		Pseudonymiser pseudonymiser = key == null ? null : new Pseudonymiser(key, properties.datePolicy(), properties.maxShiftDays());
		return new ExportJobInterceptor(pseudonymiser, consent, compartment);
	}

	@Bean
	IndicatorOperations indicatorOperations(DataSource dataSource, PartitionSettings partitions, DaoRegistry daos) {
		IndicatorQueries queries = new IndicatorQueries(new JdbcTemplate(dataSource), partitions);
		return new IndicatorOperations(new Indicators(queries), queries, daos);
	}

	@Bean
	ExportAccessInterceptor exportAccessInterceptor(IJobCoordinator jobs) {
		return new ExportAccessInterceptor(jobs);
	}

	@Bean
	ExportFileAccessInterceptor exportFileAccessInterceptor(FhirContext fhirContext) {
		return new ExportFileAccessInterceptor(fhirContext);
	}
}
