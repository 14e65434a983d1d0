package be.lungcare.fhir.subscriptions;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.messaging.BaseResourceMessage.OperationTypeEnum;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a subscription is about (the change filter, the access check) and the notifications' event ids. */
class SubscriptionRulesTest {

	@Test
	void theTypesOfACriteria() {
		assertThat(RelevantChangeFilter.criteriaTypes("Observation?code=http://loinc.org|82668-5")).containsExactly("Observation");
		assertThat(RelevantChangeFilter.criteriaTypes("CarePlan")).containsExactly("CarePlan");
		assertThat(RelevantChangeFilter.criteriaTypes("[Condition,CarePlan]?patient=Patient/1")).isEqualTo(Set.of("Condition", "CarePlan"));
		assertThat(RelevantChangeFilter.criteriaTypes("[*]")).containsExactly("*");
		assertThat(RelevantChangeFilter.criteriaTypes(null)).containsExactly("*");
		assertThat(RelevantChangeFilter.criteriaTypes("?x=1")).containsExactly("*");
		assertThat(RelevantChangeFilter.typeName("http://hl7.org/fhir/StructureDefinition/CareTeam")).isEqualTo("CareTeam");
		assertThat(RelevantChangeFilter.typeName("Condition")).isEqualTo("Condition");
	}

	@Test
	void anEventIdIsStableForAChangeAndNewForATrigger() {
		String first = MatchRecorder.eventId("Subscription/1", "Observation/5/_history/1", OperationTypeEnum.CREATE);
		assertThat(MatchRecorder.eventId("Subscription/1", "Observation/5/_history/1", OperationTypeEnum.CREATE)).isEqualTo(first);
		assertThat(MatchRecorder.eventId("Subscription/2", "Observation/5/_history/1", OperationTypeEnum.CREATE)).isNotEqualTo(first);
		assertThat(MatchRecorder.eventId("Subscription/1", "Observation/5/_history/2", OperationTypeEnum.UPDATE)).isNotEqualTo(first);
		assertThat(MatchRecorder.eventId("Subscription/1", "Observation/5/_history/1", OperationTypeEnum.MANUALLY_TRIGGERED))
				.isNotEqualTo(MatchRecorder.eventId("Subscription/1", "Observation/5/_history/1", OperationTypeEnum.MANUALLY_TRIGGERED));
	}

	@Test
	void theTopicsAreWellFormed() {
		assertThat(LungCareTopics.all()).hasSize(3);
		assertThat(LungCareTopics.all()).allSatisfy(topic -> {
			assertThat(SubscriptionCheckInterceptor.isTopic(topic)).isTrue();
			assertThat(topic.getIdElement().getIdPart()).startsWith("lungcare-topic-");
		});
	}
}
