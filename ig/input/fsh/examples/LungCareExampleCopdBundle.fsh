// Scenario 1: 58-year-old man with COPD GOLD 3 / group E.
// Post-bronchodilator FEV1 40 % predicted, CAT 22, mMRC 3.
// Team: GP (coordinator), pulmonologist, respiratory physiotherapist, pharmacist,
// spouse as informal caregiver, the patient himself.
// Plan: pulmonary rehabilitation, inhaler therapy, smoking cessation.
Instance: LungCareExampleCopdBundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 1 - COPD GOLD 3 / group E (transaction)"
Description: "Marc Vermeulen (SSIN 68051704535), COPD GOLD 3 group E, with his care team and care plan."
* id = "lungcare-example-copd"
* insert TransactionBundle
* insert EntryPutConditional(a0000001-0000-4000-8000-000000000001, LungCareExCopdPatient, Patient, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|68051704535)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000002, LungCareExCopdOrgGpPractice, Organization, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe|0412345614)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000003, LungCareExCopdOrgHospital, Organization, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization|71000436000)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000004, LungCareExCopdGp, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|13456769003)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000005, LungCareExCopdPulmonologist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|14528818580)
* insert EntryPost(a0000001-0000-4000-8000-000000000006, LungCareExCopdPulmonologistRole, PractitionerRole)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000007, LungCareExCopdPhysio, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|51234509000)
* insert EntryPostIfNoneExist(a0000001-0000-4000-8000-000000000008, LungCareExCopdPharmacist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|53842126000)
* insert EntryPost(a0000001-0000-4000-8000-000000000009, LungCareExCopdSpouse, RelatedPerson)
* insert EntryPost(a0000001-0000-4000-8000-000000000010, LungCareExCopdSpirometry, Observation)
* insert EntryPost(a0000001-0000-4000-8000-000000000011, LungCareExCopdCat, Observation)
* insert EntryPost(a0000001-0000-4000-8000-000000000012, LungCareExCopdMmrc, Observation)
* insert EntryPost(a0000001-0000-4000-8000-000000000013, LungCareExCopdCondition, Condition)
* insert EntryPost(a0000001-0000-4000-8000-000000000014, LungCareExCopdCareTeam, CareTeam)
* insert EntryPost(a0000001-0000-4000-8000-000000000015, LungCareExCopdGoalCat, Goal)
* insert EntryPost(a0000001-0000-4000-8000-000000000016, LungCareExCopdGoalSmoking, Goal)
* insert EntryPost(a0000001-0000-4000-8000-000000000017, LungCareExCopdRehab, ServiceRequest)
* insert EntryPost(a0000001-0000-4000-8000-000000000018, LungCareExCopdInhaler, MedicationRequest)
* insert EntryPost(a0000001-0000-4000-8000-000000000019, LungCareExCopdSmokingCessation, ServiceRequest)
* insert EntryPost(a0000001-0000-4000-8000-000000000020, LungCareExCopdCarePlan, CarePlan)

Instance: LungCareExCopdPatient
InstanceOf: LungCarePatient
Usage: #inline
* identifier[ssin].value = "68051704535"
* active = true
* name[0].use = #official
* name[0].family = "Vermeulen"
* name[0].given[0] = "Marc"
* gender = #male
* birthDate = "1968-05-17"
* telecom[0].system = #phone
* telecom[0].value = "+32 9 123 45 67"
* address[0].line[0] = "Kortrijksesteenweg 212"
* address[0].city = "Gent"
* address[0].postalCode = "9000"
* address[0].country = "BE"
* communication[0].language = $bcp47#nl-BE "Dutch (Belgium)"
* communication[0].preferred = true
* generalPractitioner[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000004"

Instance: LungCareExCopdOrgGpPractice
InstanceOf: LungCareOrganization
Usage: #inline
* identifier[cbe].value = "0412345614"
* active = true
* type[0] = $organization-type#prov "Healthcare Provider"
* name = "Huisartsenpraktijk De Linde"
* address[0].line[0] = "Lindenlei 14"
* address[0].city = "Gent"
* address[0].postalCode = "9000"
* address[0].country = "BE"

Instance: LungCareExCopdOrgHospital
InstanceOf: LungCareOrganization
Usage: #inline
* identifier[nihdi].value = "71000436000"
* identifier[cbe].value = "0876543270"
* active = true
* type[0] = $organization-type#prov "Healthcare Provider"
* name = "AZ Lieveheer Gent"
* address[0].line[0] = "Ziekenhuislaan 1"
* address[0].city = "Gent"
* address[0].postalCode = "9000"
* address[0].country = "BE"

Instance: LungCareExCopdGp
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(13456769003, Peeters, Sofie, Dr., nl)

Instance: LungCareExCopdPulmonologist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(14528818580, De Vos, Pieter, Dr., nl)

Instance: LungCareExCopdPulmonologistRole
InstanceOf: LungCarePractitionerRole
Usage: #inline
* insert ExPractitionerRole(a0000001-0000-4000-8000-000000000005, a0000001-0000-4000-8000-000000000003, perspneumologist, Pneumologist)

Instance: LungCareExCopdPhysio
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(51234509000, Claes, Tom, Dhr., nl)

Instance: LungCareExCopdPharmacist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(53842126000, Wouters, An, Apr., nl)

Instance: LungCareExCopdSpouse
InstanceOf: LungCareRelatedPerson
Usage: #inline
* identifier[ssin].value = "70110208643"
* active = true
* patient.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* relationship[caregiver] = $sct#133932002 "Caregiver"
* relationship[+] = $v3-RoleCode#WIFE "wife"
* name[0].family = "De Smet"
* name[0].given[0] = "Annick"
* telecom[0].system = #phone
* telecom[0].value = "+32 475 12 34 56"
* communication[0].language = $bcp47#nl-BE "Dutch (Belgium)"

Instance: LungCareExCopdSpirometry
InstanceOf: LungCareSpirometry
Usage: #inline
* status = #final
* category[0] = $observation-category#exam "Exam"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* effectiveDateTime = "2026-10-06T10:30:00+02:00"
* performer[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000006"
* component[bronchodilatorStatus].valueCodeableConcept = LungCareBronchodilatorStatusCS#post "Post-bronchodilator"
* component[fev1PostBronchodilator].code = $loinc#20155-8 "FEV1 --post bronchodilation"
* insert ExQuantity(component[fev1PostBronchodilator].valueQuantity, 1.32, L)
* component[fvc].code = $loinc#19870-5 "Forced vital capacity [Volume] Respiratory system"
* insert ExQuantity(component[fvc].valueQuantity, 3.14, L)
* component[fev1FvcRatio].code = $loinc#19926-5 "FEV1/FVC"
* insert ExQuantity(component[fev1FvcRatio].valueQuantity, 42, %)
* component[fev1PercentPredicted].code = $loinc#20152-5 "FEV1 measured/predicted"
* insert ExQuantity(component[fev1PercentPredicted].valueQuantity, 40, %)

Instance: LungCareExCopdCat
InstanceOf: LungCareCopdAssessmentTest
Usage: #inline
* insert ExScore(a0000001-0000-4000-8000-000000000001, 2026-10-06T10:00:00+02:00, 22)
* code = LungCareObservationCS#cat-total "COPD Assessment Test total score"

Instance: LungCareExCopdMmrc
InstanceOf: LungCareMmrcDyspnoea
Usage: #inline
* insert ExScore(a0000001-0000-4000-8000-000000000001, 2026-10-06T10:00:00+02:00, 3)
* code = $sct#870179002 "Modified Medical Research Council dyspnea scale grade"

Instance: LungCareExCopdCondition
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#copd "COPD"
* category[+] = $condition-category#problem-list-item "Problem List Item"
* severity = $sct#24484000 "Severe"
* code = $sct#13645005 "Chronic obstructive lung disease"
* code.coding[1] = $icd10#J44.9 "Chronic obstructive pulmonary disease, unspecified"
* code.text = "COPD GOLD 3, groep E"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* onsetDateTime = "2019-02-11"
* recordedDate = "2019-02-11"
* asserter.reference = "urn:uuid:a0000001-0000-4000-8000-000000000006"
* stage[0].summary = LungCareGoldGradeCS#gold-3 "GOLD 3 (severe)"
* stage[0].assessment[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000010"
* stage[1].summary = LungCareGoldGroupCS#E "GOLD group E"
* stage[1].assessment[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000011"
* stage[1].assessment[1].reference = "urn:uuid:a0000001-0000-4000-8000-000000000012"
* evidence[0].detail[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000010"
* note[0].text = "Twee ziekenhuisopnames voor exacerbatie in 2026. Actieve roker (40 pakjaren)."

Instance: LungCareExCopdCareTeam
InstanceOf: LungCareCareTeam
Usage: #inline
* status = #active
* name = "Zorgteam COPD - Marc Vermeulen"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* period.start = "2026-10-06"
* insert ExProfessional(persgeneralphysician, General practitioner, a0000001-0000-4000-8000-000000000004, 13456769003)
* participant[=].extension[coordinator].valueBoolean = true
* insert ExProfessional(perspneumologist, Pneumologist, a0000001-0000-4000-8000-000000000005, 14528818580)
* participant[=].onBehalfOf.reference = "urn:uuid:a0000001-0000-4000-8000-000000000003"
* insert ExProfessional(persrespiratoryphysiotherapist, Respiratory physiotherapist, a0000001-0000-4000-8000-000000000007, 51234509000)
* insert ExProfessional(perspharmacist, Pharmacist, a0000001-0000-4000-8000-000000000008, 53842126000)
* insert ExCaregiverMember(a0000001-0000-4000-8000-000000000009)
* insert ExPatientMember(a0000001-0000-4000-8000-000000000001)
* managingOrganization[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000002"

Instance: LungCareExCopdGoalCat
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* achievementStatus = $goal-achievement#in-progress "In Progress"
* description = LungCareGoalCS#copd-low-impact "Low COPD impact (CAT < 10)"
* description.text = "CAT-score onder 10"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* startDate = "2026-10-06"
* target[0].measure = LungCareObservationCS#cat-total "COPD Assessment Test total score"
* target[0].detailQuantity.value = 10
* target[0].detailQuantity.comparator = #<
* target[0].detailQuantity.unit = "score"
* target[0].detailQuantity.system = $ucum
* target[0].detailQuantity.code = #{score}
* target[0].dueDate = "2027-04-30"
* addresses[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"

Instance: LungCareExCopdGoalSmoking
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* description = LungCareGoalCS#smoking-cessation "Smoking cessation"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* startDate = "2026-10-06"
* target[0].dueDate = "2027-01-31"
* addresses[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"

Instance: LungCareExCopdRehab
InstanceOf: ServiceRequest
Usage: #inline
* status = #active
* intent = #order
* code.text = "Pulmonale revalidatie (12 weken, 3x per week)"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* requester.reference = "urn:uuid:a0000001-0000-4000-8000-000000000006"
* performer[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000007"
* occurrencePeriod.start = "2026-10-20"
* occurrencePeriod.end = "2027-01-12"
* reasonReference[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"

Instance: LungCareExCopdInhaler
InstanceOf: MedicationRequest
Usage: #inline
* status = #active
* intent = #order
* medicationCodeableConcept = $atc#R03AL "Adrenergics in combination with anticholinergics incl. triple combinations with corticosteroids"
* medicationCodeableConcept.text = "Beclometason/formoterol/glycopyrronium 87/5/9 microgram dosisaerosol"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* authoredOn = "2026-10-06"
* requester.reference = "urn:uuid:a0000001-0000-4000-8000-000000000006"
* reasonReference[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"
* dosageInstruction[0].text = "2 inhalaties 's morgens en 2 inhalaties 's avonds"

Instance: LungCareExCopdSmokingCessation
InstanceOf: ServiceRequest
Usage: #inline
* status = #active
* intent = #order
* code.text = "Rookstopbegeleiding door tabacoloog"
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* requester.reference = "urn:uuid:a0000001-0000-4000-8000-000000000004"
* reasonReference[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"

Instance: LungCareExCopdCarePlan
InstanceOf: LungCareCarePlan
Usage: #inline
* status = #active
* intent = #plan
* category[carePlan] = $sct#734163000 "Care plan"
* category[diseaseGroup] = LungCareDiseaseGroupCS#copd "COPD"
* title = "Zorgplan COPD"
* description = "Geïntegreerd zorgplan voor COPD GOLD 3 groep E: pulmonale revalidatie, inhalatietherapie en rookstop."
* subject.reference = "urn:uuid:a0000001-0000-4000-8000-000000000001"
* period.start = "2026-10-06"
* created = "2026-10-06"
* author[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000004"
* careTeam[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000014"
* addresses[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000013"
* supportingInfo[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000010"
* goal[0].reference = "urn:uuid:a0000001-0000-4000-8000-000000000015"
* goal[1].reference = "urn:uuid:a0000001-0000-4000-8000-000000000016"
* activity[0].reference.reference = "urn:uuid:a0000001-0000-4000-8000-000000000017"
* activity[1].reference.reference = "urn:uuid:a0000001-0000-4000-8000-000000000018"
* activity[2].reference.reference = "urn:uuid:a0000001-0000-4000-8000-000000000019"
