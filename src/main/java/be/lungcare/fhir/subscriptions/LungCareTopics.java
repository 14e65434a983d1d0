package be.lungcare.fhir.subscriptions;

import ca.uhn.fhir.jpa.topic.R4SubscriptionTopicBuilder;
import java.util.List;
import org.hl7.fhir.r4.model.Basic;
import org.hl7.fhir.r4.model.Enumerations.PublicationStatus;

/**
 * The subscription topics the server offers (R4 topic-based subscriptions, the Subscriptions R5 Backport; a topic is
 * a Basic resource with HAPI's cross-version extensions). Each can be filtered by patient.
 */
final class LungCareTopics {

	static final String BASE = "https://fhir.lungcare.be/SubscriptionTopic/";
	static final String CARE_PLAN_OR_TEAM = BASE + "care-plan-or-team-changed";
	static final String LUNG_CONDITION = BASE + "lung-condition-changed";
	static final String LUNG_RESULT = BASE + "lung-result-recorded";

	private static final String SCT = "http://snomed.info/sct|";
	/** The lung conditions (value set lungcare-lung-disease). */
	static final String LUNG_CONDITION_CODES = String.join(",", SCT + "195967001", SCT + "389145006", SCT + "266361008",
			SCT + "195977004", SCT + "367542003", SCT + "370221004", SCT + "426656000", SCT + "233678006",
			SCT + "10692761000119107", SCT + "13645005", SCT + "12295008", SCT + "24079001", SCT + "61582004",
			"https://fhir.lungcare.be/CodeSystem/lungcare-condition|crswnp");
	/** ACT total score, CAT total score, spirometry panel. */
	static final String LUNG_RESULT_CODES = "http://loinc.org|82668-5,https://fhir.lungcare.be/CodeSystem/lungcare-observation|cat-total,"
			+ "http://loinc.org|81459-0";
	/** A stage (GOLD grade or group, GINA step) added, removed or changed. */
	static final String STAGE_CHANGED = "(%previous.stage.summary.coding.code.exists() != %current.stage.summary.coding.code.exists())"
			+ " or (%previous.stage.summary.coding.code.exists() and %current.stage.summary.coding.code.exists()"
			+ " and %previous.stage.summary.coding.code != %current.stage.summary.coding.code)";

	private LungCareTopics() {}

	static List<Basic> all() {
		return List.of(carePlanOrTeam(), lungCondition(), lungResult());
	}

	private static R4SubscriptionTopicBuilder topic(String url, String name, String title, String description) {
		return new R4SubscriptionTopicBuilder()
				.setId("lungcare-topic-" + url.substring(BASE.length()))
				.setUrl(url)
				.setVersion("1.0.0")
				.setName(name)
				.setTitle(title)
				.setStatus(PublicationStatus.ACTIVE)
				.setDescription(description);
	}

	static Basic carePlanOrTeam() {
		return topic(CARE_PLAN_OR_TEAM, "LungCareCarePlanOrTeamChanged", "A patient's care plan or care team created or changed",
				"A CarePlan or CareTeam is created or updated.")
				.addResourceTrigger().setResourceTriggerDescription("A CarePlan created or updated")
				.setResourceTriggerResource("CarePlan")
				.addResourceTriggerSupportedInteraction("create").addResourceTriggerSupportedInteraction("update")
				.addResourceTrigger().setResourceTriggerDescription("A CareTeam created or updated")
				.setResourceTriggerResource("CareTeam")
				.addResourceTriggerSupportedInteraction("create").addResourceTriggerSupportedInteraction("update")
				.addCanFilterBy().setCanFilterByDescription("The patient of the care plan").setCanFilterByResource("CarePlan")
				.setCanFilterByParameter("patient")
				.addCanFilterBy().setCanFilterByDescription("The patient of the care team").setCanFilterByResource("CareTeam")
				.setCanFilterByParameter("patient")
				.build();
	}

	static Basic lungCondition() {
		return topic(LUNG_CONDITION, "LungCareLungConditionChanged", "A lung condition recorded or its stage changed",
				"A Condition with a code of the LungCare lung disease value set is created, or its stage (GOLD grade or group,"
						+ " GINA step) is added, removed or changed.")
				.addResourceTrigger().setResourceTriggerDescription("A lung condition created")
				.setResourceTriggerResource("Condition")
				.addResourceTriggerSupportedInteraction("create")
				.addResourceTriggerQueryCriteria().setResourceTriggerQueryCriteriaCurrent("Condition?code=" + LUNG_CONDITION_CODES)
				.addResourceTrigger().setResourceTriggerDescription("A lung condition's stage changed")
				.setResourceTriggerResource("Condition")
				.addResourceTriggerSupportedInteraction("update")
				.addResourceTriggerQueryCriteria().setResourceTriggerQueryCriteriaCurrent("Condition?code=" + LUNG_CONDITION_CODES)
				.setResourceTriggerFhirPathCriteria(STAGE_CHANGED)
				.addCanFilterBy().setCanFilterByDescription("The patient of the condition").setCanFilterByResource("Condition")
				.setCanFilterByParameter("patient")
				.build();
	}

	static Basic lungResult() {
		return topic(LUNG_RESULT, "LungCareLungResultRecorded", "A new ACT, CAT or spirometry result",
				"An Observation with the Asthma Control Test total score, the COPD Assessment Test total score or a spirometry"
						+ " panel is created.")
				.addResourceTrigger().setResourceTriggerDescription("An ACT, CAT or spirometry result created")
				.setResourceTriggerResource("Observation")
				.addResourceTriggerSupportedInteraction("create")
				.addResourceTriggerQueryCriteria().setResourceTriggerQueryCriteriaCurrent("Observation?code=" + LUNG_RESULT_CODES)
				.addCanFilterBy().setCanFilterByDescription("The patient of the result").setCanFilterByResource("Observation")
				.setCanFilterByParameter("patient")
				.addCanFilterBy().setCanFilterByDescription("The result's code").setCanFilterByResource("Observation")
				.setCanFilterByParameter("code")
				.build();
	}
}
