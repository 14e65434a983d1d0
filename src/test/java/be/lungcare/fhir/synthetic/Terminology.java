package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.IgPackage.Concept;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;

/**
 * Everything the generator writes that the IG defines: profile and extension URLs, identifier systems, and the
 * codes it chose, each resolved in the IG's value sets, code systems and profiles (with the IG's display and
 * designations). Built once; any code the IG no longer allows fails here, so the generator test breaks instead
 * of the data drifting from the profiles. Codes of FHIR core and external systems the IG does not list
 * (condition status, observation category, severity, ATC...) are written as in the IG examples.
 */
final class Terminology {

	static final String SNOMED = "http://snomed.info/sct";
	static final String LOINC = "http://loinc.org";
	static final String UCUM = "http://unitsofmeasure.org";
	static final String BCP47 = "urn:ietf:bcp:47";
	static final String ATC = "http://www.whocc.no/atc";
	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
	static final String CONDITION_VER_STATUS = "http://terminology.hl7.org/CodeSystem/condition-ver-status";
	static final String CONDITION_CATEGORY = "http://terminology.hl7.org/CodeSystem/condition-category";
	static final String OBSERVATION_CATEGORY = "http://terminology.hl7.org/CodeSystem/observation-category";
	static final String GOAL_ACHIEVEMENT = "http://terminology.hl7.org/CodeSystem/goal-achievement";
	static final String ORGANIZATION_TYPE = "http://terminology.hl7.org/CodeSystem/organization-type";
	static final String V3_ROLE_CODE = "http://terminology.hl7.org/CodeSystem/v3-RoleCode";

	/** Goals of the IG's goal code system that the generator uses. */
	enum GoalKind {
		ASTHMA_CONTROLLED("asthma-controlled"),
		COPD_LOW_IMPACT("copd-low-impact"),
		NO_EXACERBATIONS("no-exacerbations"),
		ECZEMA_CONTROLLED("eczema-controlled"),
		SMOKING_CESSATION("smoking-cessation"),
		PHYSICAL_ACTIVITY("physical-activity");

		final String code;

		GoalKind(String code) {
			this.code = code;
		}
	}

	private static final class Holder {
		static final Terminology INSTANCE = new Terminology(IgPackage.fromClasspath());
	}

	// Profiles and extension
	final String patientProfile;
	final String practitionerProfile;
	final String practitionerRoleProfile;
	final String organizationProfile;
	final String relatedPersonProfile;
	final String conditionProfile;
	final String careTeamProfile;
	final String carePlanProfile;
	final String goalProfile;
	final String spirometryProfile;
	final String biomarkerProfile;
	final String actProfile;
	final String catProfile;
	final String mmrcProfile;
	final String coordinatorExtension;

	// Identifier systems, as the profiles fix them on their identifier slices
	final String ssinSystem;
	final String nihdiSystem;
	final String nihdiOrganizationSystem;
	final String cbeSystem;

	// Codes
	private final Map<Disease, Concept> diseases = new EnumMap<>(Disease.class);
	private final Map<Disease, Concept> diseaseGroups = new EnumMap<>(Disease.class);
	private final Map<Disease, Concept> icd10 = new EnumMap<>(Disease.class);
	private final Map<Role, Concept> roles = new EnumMap<>(Role.class);
	private final Map<GoalKind, Concept> goals = new EnumMap<>(GoalKind.class);
	private final Map<String, Concept> stages = new LinkedHashMap<>();
	private final Map<String, Concept> languages = new LinkedHashMap<>();
	final Concept patientRole;
	final Concept caregiverRole;
	final Coding caregiverRelationship;
	final Concept actMeasure;
	final Concept catMeasure;
	final Concept exacerbationsMeasure;
	final Concept eosinophils;
	final Concept totalIge;
	final Concept feno;
	final Concept preBronchodilator;
	final Concept postBronchodilator;
	final Coding spirometryPanel;
	final Coding bronchodilatorStatus;
	final Coding fev1;
	final Coding fev1Pre;
	final Coding fev1Post;
	final Coding fvc;
	final Coding fev1FvcRatio;
	final Coding fev1PercentPredicted;
	final Coding fvcPercentPredicted;
	final Coding actCode;
	final Coding catCode;
	final Coding mmrcCode;
	final Coding carePlanCategory;

	private Terminology(IgPackage ig) {
		patientProfile = ig.profile("lungcare-patient", "Patient");
		practitionerProfile = ig.profile("lungcare-practitioner", "Practitioner");
		practitionerRoleProfile = ig.profile("lungcare-practitioner-role", "PractitionerRole");
		organizationProfile = ig.profile("lungcare-organization", "Organization");
		relatedPersonProfile = ig.profile("lungcare-related-person", "RelatedPerson");
		conditionProfile = ig.profile("lungcare-condition", "Condition");
		careTeamProfile = ig.profile("lungcare-care-team", "CareTeam");
		carePlanProfile = ig.profile("lungcare-care-plan", "CarePlan");
		goalProfile = ig.profile("lungcare-goal", "Goal");
		spirometryProfile = ig.profile("lungcare-spirometry", "Observation");
		biomarkerProfile = ig.profile("lungcare-biomarker", "Observation");
		actProfile = ig.profile("lungcare-asthma-control-test", "Observation");
		catProfile = ig.profile("lungcare-copd-assessment-test", "Observation");
		mmrcProfile = ig.profile("lungcare-mmrc-dyspnoea", "Observation");
		coordinatorExtension = ig.profile("lungcare-care-team-coordinator", "Extension");

		ssinSystem = ig.fixedUri("lungcare-patient", "Patient.identifier:ssin.system");
		nihdiSystem = ig.fixedUri("lungcare-practitioner", "Practitioner.identifier:nihdi.system");
		nihdiOrganizationSystem = ig.fixedUri("lungcare-organization", "Organization.identifier:nihdi.system");
		cbeSystem = ig.fixedUri("lungcare-organization", "Organization.identifier:cbe.system");

		String groupSystem = ig.url("CodeSystem", "lungcare-disease-group");
		for (Disease disease : Disease.values()) {
			String system = disease.system.startsWith("http") ? disease.system : ig.url("CodeSystem", disease.system);
			Concept concept = ig.concept("lungcare-lung-disease", system, disease.code);
			diseases.put(disease, concept);
			diseaseGroups.put(disease, ig.concept("lungcare-disease-group", groupSystem, disease.group));
			Concept translation = ig.translate("lungcare-lung-disease-to-icd10", concept.coding());
			icd10.put(disease, ig.concept("lungcare-lung-disease-icd10", translation.system(), translation.code()));
		}
		for (Role role : Role.values()) {
			roles.put(role, ig.concept("lungcare-care-team-role", hcpartySystem(ig), role.hcparty));
		}
		patientRole = ig.concept("lungcare-care-team-role", SNOMED, "116154003");
		caregiverRole = ig.concept("lungcare-care-team-role", SNOMED, "133932002");
		caregiverRelationship = ig.fixedCoding("lungcare-related-person", "RelatedPerson.relationship:caregiver");
		if (!caregiverRelationship.getCode().equals(caregiverRole.code())) {
			throw new IllegalStateException("LungCare IG: the caregiver relationship and care-team role differ");
		}

		String goalSystem = ig.url("CodeSystem", "lungcare-goal");
		for (GoalKind goal : GoalKind.values()) {
			goals.put(goal, ig.concept("lungcare-goal", goalSystem, goal.code));
		}
		String observationSystem = ig.url("CodeSystem", "lungcare-observation");
		actMeasure = ig.concept("lungcare-goal-measure", LOINC, "82668-5");
		catMeasure = ig.concept("lungcare-goal-measure", observationSystem, "cat-total");
		exacerbationsMeasure = ig.concept("lungcare-goal-measure", observationSystem, "exacerbations-12m");

		for (int step = 1; step <= 5; step++) {
			stage(ig, "lungcare-gina-step", "step-" + step);
		}
		for (int grade = 1; grade <= 4; grade++) {
			stage(ig, "lungcare-gold-grade", "gold-" + grade);
		}
		for (String group : new String[] {"A", "B", "E"}) {
			stage(ig, "lungcare-gold-group", group);
		}
		for (String language : new String[] {"nl-BE", "fr-BE", "de-BE", "nl", "fr", "de", "en"}) {
			languages.put(language, ig.concept("lungcare-language", BCP47, language));
		}

		eosinophils = ig.concept("lungcare-biomarker-code", LOINC, "26449-9");
		totalIge = ig.concept("lungcare-biomarker-code", observationSystem, "total-ige");
		feno = ig.concept("lungcare-biomarker-code", observationSystem, "feno");

		String bronchodilatorSystem = ig.url("CodeSystem", "lungcare-bronchodilator-status");
		preBronchodilator = ig.concept("lungcare-bronchodilator-status", bronchodilatorSystem, "pre");
		postBronchodilator = ig.concept("lungcare-bronchodilator-status", bronchodilatorSystem, "post");
		spirometryPanel = ig.fixedCoding("lungcare-spirometry", "Observation.code");
		bronchodilatorStatus = ig.fixedCoding("lungcare-spirometry", "Observation.component:bronchodilatorStatus.code");
		fev1 = ig.fixedCoding("lungcare-spirometry", "Observation.component:fev1.code");
		fev1Pre = ig.fixedCoding("lungcare-spirometry", "Observation.component:fev1PreBronchodilator.code");
		fev1Post = ig.fixedCoding("lungcare-spirometry", "Observation.component:fev1PostBronchodilator.code");
		fvc = ig.fixedCoding("lungcare-spirometry", "Observation.component:fvc.code");
		fev1FvcRatio = ig.fixedCoding("lungcare-spirometry", "Observation.component:fev1FvcRatio.code");
		fev1PercentPredicted = ig.fixedCoding("lungcare-spirometry", "Observation.component:fev1PercentPredicted.code");
		fvcPercentPredicted = ig.fixedCoding("lungcare-spirometry", "Observation.component:fvcPercentPredicted.code");
		actCode = ig.fixedCoding("lungcare-asthma-control-test", "Observation.code");
		catCode = ig.fixedCoding("lungcare-copd-assessment-test", "Observation.code");
		mmrcCode = ig.fixedCoding("lungcare-mmrc-dyspnoea", "Observation.code");
		carePlanCategory = ig.fixedCoding("lungcare-care-plan", "CarePlan.category:carePlan");
	}

	/** The terminology of the IG package on the classpath, read once per JVM. */
	static Terminology get() {
		return Holder.INSTANCE;
	}

	private static String hcpartySystem(IgPackage ig) {
		// The cd-hcparty code system (BeCore, not part of the IG) is the one the IG's hcparty value set lists.
		return ig.includedSystem("lungcare-hcparty-role");
	}

	private void stage(IgPackage ig, String codeSystemId, String code) {
		stages.put(code, ig.concept("lungcare-stage", ig.url("CodeSystem", codeSystemId), code));
	}

	Concept disease(Disease disease) {
		return diseases.get(disease);
	}

	Concept diseaseGroup(Disease disease) {
		return diseaseGroups.get(disease);
	}

	Concept icd10(Disease disease) {
		return icd10.get(disease);
	}

	Concept role(Role role) {
		return roles.get(role);
	}

	Concept goal(GoalKind goal) {
		return goals.get(goal);
	}

	Concept ginaStep(int step) {
		return stages.get("step-" + step);
	}

	Concept goldGrade(int grade) {
		return stages.get("gold-" + grade);
	}

	Concept goldGroup(String group) {
		return stages.get(group);
	}

	/** A language of the IG's language value set, by BCP-47 code. */
	Concept language(String code) {
		return languages.get(code);
	}

	/** A CodeableConcept of one coding of the IG (a fresh copy each time). */
	static CodeableConcept cc(Concept concept) {
		return new CodeableConcept(concept.coding());
	}

	/** A CodeableConcept of one coding (a fresh copy each time). */
	static CodeableConcept cc(Coding coding) {
		return new CodeableConcept(coding.copy());
	}

	/** A CodeableConcept of a code outside the IG (FHIR core, SNOMED CT severity, ATC...), as in the examples. */
	static CodeableConcept cc(String system, String code, String display) {
		return new CodeableConcept(new Coding(system, code, display));
	}
}
