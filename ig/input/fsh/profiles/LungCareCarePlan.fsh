Profile: LungCareCarePlan
Parent: CarePlan
Id: lungcare-care-plan
Title: "LungCare Care Plan"
Description: "The integrated care plan of a LungCare patient: the conditions it addresses, the care team, goals and the planned activities. Activities are always separate resources (ServiceRequest, MedicationRequest, Task) referenced from activity.reference; activity.detail is not used (as in the MCC eCare Plan and HL7 Europe care plan profiles)."
* insert LungCareMetadata
* identifier MS
* insert Doc(identifier, Business identifier, Identifier of the care plan in the sending system.)
* status MS
* insert Doc(status, draft | active | on-hold | revoked | completed | entered-in-error | unknown, Status of the care plan.)
* intent MS
* insert Doc(intent, proposal | plan | order | option, Intent of the care plan (usually plan\).)
* category 1..* MS
* insert Doc(category, Type of plan and disease groups, The care plan category (SNOMED CT 734163000\) and the LungCare disease groups it covers.)
* insert CodeableConceptPatternSlicing(category)
* category contains carePlan 1..1 MS and diseaseGroup 0..* MS
* category[carePlan] = $sct#734163000
* insert Doc(category[carePlan], Care plan (SNOMED CT 734163000\), Marks the resource as a care plan (SNOMED CT 734163000 Care plan\).)
* category[diseaseGroup] from LungCareDiseaseGroupVS (required)
* insert Doc(category[diseaseGroup], LungCare disease group, Disease groups covered by the plan.)
* title MS
* insert Doc(title, Title, Human-readable title of the plan.)
* description MS
* insert Doc(description, Summary, Summary of the plan.)
* subject 1..1 MS
* subject only Reference(LungCarePatient)
* insert Doc(subject, The patient, The patient whose care is planned.)
* period 1..1 MS
* insert Doc(period, Period of the plan, Time period the plan covers; the start is mandatory.)
* period.start 1..1 MS
* period.start ^short = "Start of the plan (mandatory)"
* created MS
* insert Doc(created, Date created, Date the plan was first created.)
* author MS
* author only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCareOrganization or LungCarePatient or LungCareRelatedPerson or LungCareCareTeam)
* insert Doc(author, Author, Who is responsible for the plan (usually the coordinator\).)
* careTeam MS
* careTeam only Reference(LungCareCareTeam)
* insert Doc(careTeam, Care team, The team that carries out the plan.)
* addresses 1..* MS
* addresses only Reference(LungCareCondition)
* insert Doc(addresses, Conditions addressed, The LungCare conditions the plan addresses (at least one\).)
* supportingInfo MS
* insert Doc(supportingInfo, Supporting information, Observations and other information the plan is based on.)
* goal MS
* goal only Reference(LungCareGoal)
* insert Doc(goal, Goals, The goals of the plan.)
* activity MS
* insert Doc(activity, Activities, Planned activities\, each a separate resource referenced from activity.reference.)
* activity.reference 1..1 MS
* activity.reference only Reference(ServiceRequest or MedicationRequest or Task)
* insert Doc(activity.reference, The activity, The ServiceRequest (e.g. pulmonary rehabilitation\)\, MedicationRequest (e.g. inhaler therapy\) or Task.)
* activity.outcomeReference MS
* activity.outcomeReference ^short = "Results of the activity (e.g. an Observation or Encounter)"
* activity.progress MS
* activity.progress ^short = "Comments about the activity status/progress"
* activity.detail 0..0
* insert Doc(activity.detail, Not used, Not used: describe the activity in the referenced resource instead.)
* note MS
* insert Doc(note, Notes, Free-text notes about the plan.)
