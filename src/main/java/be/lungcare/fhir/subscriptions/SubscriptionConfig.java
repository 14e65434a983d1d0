package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.broker.api.IChannelNamer;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.model.config.SubscriptionSettings;
import ca.uhn.fhir.jpa.subscription.async.AsyncResourceModifiedProcessingSchedulerSvc;
import ca.uhn.fhir.jpa.subscription.async.AsyncResourceModifiedSubmitterSvc;
import ca.uhn.fhir.subscription.api.IResourceModifiedMessagePersistenceSvc;
import ca.uhn.fhir.subscription.api.IResourceModifiedConsumerWithRetries;
import ca.uhn.fhir.jpa.subscription.channel.impl.LinkedBlockingChannelFactory;
import ca.uhn.fhir.jpa.subscription.channel.impl.RetryPolicyProvider;
import ca.uhn.fhir.jpa.subscription.match.config.SubscriptionProcessorConfig;
import ca.uhn.fhir.jpa.subscription.match.deliver.email.IEmailSender;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionCanonicalizer;
import ca.uhn.fhir.jpa.subscription.match.registry.SubscriptionRegistry;
import ca.uhn.fhir.jpa.subscription.submit.config.SubscriptionSubmitterConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicConfig;
import ca.uhn.fhir.jpa.topic.SubscriptionTopicRegistry;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import javax.sql.DataSource;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Subscription;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;

/**
 * Subscriptions: HAPI's subscription modules (registration, criteria and topic matching, {@code $trigger-subscription})
 * for R4 rest-hook subscriptions and the R4 topic backport, with delivery through the server's own log in the
 * database ({@link DeliveryLog}, {@link Deliverer}) instead of HAPI's in-memory delivery queues.
 */
@Configuration(proxyBeanMethods = false)
@Import({SubscriptionSubmitterConfig.class, SubscriptionProcessorConfig.class, SubscriptionTopicConfig.class})
class SubscriptionConfig {

	private static final Logger logger = LoggerFactory.getLogger(SubscriptionConfig.class);

	@Bean
	SubscriptionSettings subscriptionSettings() {
		SubscriptionSettings settings = new SubscriptionSettings();
		settings.addSupportedSubscriptionType(org.hl7.fhir.dstu2.model.Subscription.SubscriptionChannelType.RESTHOOK);
		return settings;
	}

	/**
	 * HAPI's delivery listeners need an e-mail sender; the e-mail channel is not among the supported types, so a
	 * Subscription asking for it is refused when written and this is never called.
	 */
	@Bean
	IEmailSender emailSender() {
		return details -> {
			throw new IllegalStateException("The e-mail channel is not offered by this server");
		};
	}

	/** The matching channel runs on the thread of HAPI's pass over its queue of changes (see the class). */
	@Bean
	@Primary
	LinkedBlockingChannelFactory synchronousMatchingChannelFactory(IChannelNamer channelNamer, RetryPolicyProvider retryPolicyProvider) {
		return new SynchronousMatchingChannelFactory(channelNamer, retryPolicyProvider);
	}

	@Bean
	@Primary
	AsyncResourceModifiedSubmitterSvc onePassAtATime(IResourceModifiedMessagePersistenceSvc persistence,
			IResourceModifiedConsumerWithRetries consumer) {
		return new OnePassAtATime(persistence, consumer);
	}

	/** HAPI's pass over its queue of changes every {@code matching-interval} (HAPI's default: 5 s). */
	@Bean
	static BeanPostProcessor matchingInterval(Environment environment) {
		return new BeanPostProcessor() {
			@Override
			public Object postProcessBeforeInitialization(Object bean, String name) {
				if (bean instanceof AsyncResourceModifiedProcessingSchedulerSvc scheduler) {
					SubscriptionProperties properties = Binder.get(environment)
							.bindOrCreate("lungcare.subscriptions", SubscriptionProperties.class);
					scheduler.mySubmissionIntervalInMilliSeconds = properties.matchingInterval().toMillis();
				}
				return bean;
			}
		};
	}

	@Bean
	DeliveryLog deliveryLog(DataSource dataSource) {
		DeliveryLog log = new DeliveryLog(dataSource);
		log.createTables();
		return log;
	}

	@Bean(destroyMethod = "stop")
	Deliverer deliverer(DeliveryLog log, SubscriptionRegistry registry, DaoRegistry daos, SubscriptionCanonicalizer canonicalizer,
			SubscriptionProperties properties, MeterRegistry meters) {
		Deliverer.Subscriptions subscriptions = new Deliverer.Subscriptions(registry, daos.getResourceDao(Subscription.class), canonicalizer);
		return new Deliverer(log, subscriptions, properties, Clock.systemUTC(), meters);
	}

	/** Deliveries start once the context is up: the active subscriptions are loaded by then. */
	@Bean
	ApplicationListener<ApplicationReadyEvent> delivererStart(Deliverer deliverer) {
		return event -> deliverer.start();
	}

	@Bean
	MatchRecorder matchRecorder(FhirContext fhirContext, DeliveryLog log, Deliverer deliverer) {
		return new MatchRecorder(fhirContext, log, deliverer, Clock.systemUTC());
	}

	/** Registered by HAPI's loader instead of its own matcher interceptor. */
	@Bean
	@Primary
	RelevantChangeFilter relevantChangeFilter(SubscriptionRegistry subscriptions, SubscriptionTopicRegistry topics) {
		return new RelevantChangeFilter(subscriptions, topics);
	}

	@Bean
	SubscriptionCheckInterceptor subscriptionCheckInterceptor(SubscriptionProperties properties, SubscriptionTopicRegistry topics) {
		return new SubscriptionCheckInterceptor(properties.endpointPolicy(), topics);
	}

	@Bean
	SubscriptionOwnershipInterceptor subscriptionOwnershipInterceptor() {
		return new SubscriptionOwnershipInterceptor();
	}

	@Bean
	TriggerAccessInterceptor triggerAccessInterceptor(DaoRegistry daos) {
		return new TriggerAccessInterceptor(daos.getResourceDao(Subscription.class));
	}

	@Bean
	ChangeFeedInterceptor changeFeedInterceptor() {
		return new ChangeFeedInterceptor(Clock.systemUTC());
	}

	@Bean
	TriggerProvider triggerProvider() {
		return new TriggerProvider();
	}

	/** The server's topics, stored (or brought up to date) at start-up; an unchanged topic is not written again. */
	@Bean
	SmartInitializingSingleton installTopics(DaoRegistry daos) {
		return () -> {
			List<Basic> topics = LungCareTopics.all();
			for (Basic topic : topics) {
				daos.getResourceDao(Basic.class).update(topic, new SystemRequestDetails());
			}
			logger.info("Subscription topics offered: {}", topics.size());
		};
	}
}
