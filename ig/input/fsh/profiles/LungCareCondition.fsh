Profile: LungCareCondition
Parent: Condition
Id: lungcare-condition
Title: "LungCare Condition"
Description: "A chronic respiratory (or related type-2 inflammatory) condition followed in the LungCare programme: asthma, COPD, asthma-COPD overlap, bronchiectasis, CRSwNP, atopic dermatitis, allergic rhinitis. Other conditions of the patient (e.g. heart failure, diabetes) use plain Condition resources. Aligned with BeProblem (be.core-clinical) where that makes sense."
* insert LungCareMetadata
* obeys lungcare-condition-1
* identifier MS
* insert Doc(identifier, Business identifier, Identifier of the condition in the sending system (recommended for updates\).)
* clinicalStatus 1..1 MS
* insert Doc(clinicalStatus, active | recurrence | relapse | inactive | remission | resolved, Clinical status of the condition. Mandatory for the chronic conditions of this programme.)
* verificationStatus 1..1 MS
* insert Doc(verificationStatus, unconfirmed | provisional | differential | confirmed | refuted | entered-in-error, Verification status of the diagnosis.)
// --- category: disease group ----------------------------------------------
* category 1..* MS
* insert Doc(category, Category incl. the LungCare disease group, Categories of the condition. One category carries the LungCare disease group; others (e.g. problem-list-item\) may be added.)
* insert CodeableConceptPatternSlicing(category)
* category contains diseaseGroup 1..1 MS
* category[diseaseGroup] from LungCareDiseaseGroupVS (required)
* insert Doc(category[diseaseGroup], LungCare disease group, The disease group of the LungCare programme the condition belongs to (asthma | copd | aco | severe-type2-asthma | crswnp | atopic-dermatitis | allergic-rhinitis | bronchiectasis\).)
// --- code -------------------------------------------------------------------
* code 1..1 MS
* code from LungCareLungDiseaseVS (required)
* insert Doc(code, Lung disease (SNOMED CT; ICD-10 allowed beside it\), The condition: a SNOMED CT concept from the LungCare lung disease value set (a local code where no verified SNOMED CT concept exists\). An ICD-10 coding (see value set lungcare-lung-disease-icd10 and concept map lungcare-lung-disease-to-icd10\) may be added as an extra coding.)
* severity MS
* insert Doc(severity, Severity (mild | moderate | severe\), Clinical severity of the condition (SNOMED CT 255604002 | 6736007 | 24484000\).)
* subject 1..1 MS
* subject only Reference(LungCarePatient)
* insert Doc(subject, The patient, The patient who has the condition.)
* onset[x] MS
* onset[x] only dateTime or Age or Period or string
* insert Doc(onset[x], Onset, When the condition started (date\, age or period\).)
* recordedDate MS
* insert Doc(recordedDate, Date recorded, Date the condition was first recorded.)
* recorder MS
* recorder only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCarePatient or LungCareRelatedPerson)
* insert Doc(recorder, Recorder, Who recorded the condition.)
* asserter MS
* asserter only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCarePatient or LungCareRelatedPerson)
* insert Doc(asserter, Asserter (diagnosing professional\), Who made the diagnosis.)
// --- stage: GOLD grade / GOLD group / GINA step --------------------------
* stage MS
* insert Doc(stage, Stage / classification, One stage per classification: GOLD grade (COPD spirometric grade 1-4\)\, GOLD group (A | B | E\) or GINA step (1-5\). Each classification at most once (lungcare-condition-1\).)
* stage.summary 1..1 MS
* stage.summary from LungCareStageVS (required)
* insert Doc(stage.summary, GOLD grade | GOLD group | GINA step, The classification value.)
* stage.assessment MS
* stage.assessment ^short = "Observations the classification is based on (spirometry, CAT, mMRC...)"
// --- evidence -----------------------------------------------------------------
* evidence MS
* insert Doc(evidence, Supporting evidence, Observations supporting the diagnosis (spirometry\, biomarkers\, scores\).)
* evidence.detail MS
* evidence.detail ^short = "Reference to the supporting observations"
* note MS
* insert Doc(note, Notes, Free-text notes about the condition.)
