// Scenario 4: multimorbid 60-year-old man: COPD (lung profile) with heart failure and type 2
// diabetes (plain Condition resources: only the lung condition uses LungCareCondition).
// Team: GP (coordinator, same NIHDI number as in scenario 1: loaded once thanks to
// ifNoneExist), pulmonologist, home nurse, dietician. Bilingual patient (nl/fr), Brussels.
Instance: LungCareExampleMultimorbidBundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 4 - COPD with heart failure and type 2 diabetes (transaction)"
Description: "Luc Mertens (SSIN 66030112390): COPD GOLD 2 group B; heart failure and type 2 diabetes as plain Conditions."
* id = "lungcare-example-multimorbid"
* insert TransactionBundle
* insert EntryPutConditional(a0000004-0000-4000-8000-000000000001, LungCareExMultiPatient, Patient, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|66030112390)
* insert EntryPostIfNoneExist(a0000004-0000-4000-8000-000000000002, LungCareExMultiGp, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|13456769003)
* insert EntryPostIfNoneExist(a0000004-0000-4000-8000-000000000003, LungCareExMultiPulmonologist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|14660163580)
* insert EntryPostIfNoneExist(a0000004-0000-4000-8000-000000000004, LungCareExMultiNurse, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|42135513000)
* insert EntryPostIfNoneExist(a0000004-0000-4000-8000-000000000005, LungCareExMultiDietician, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|60341225000)
* insert EntryPostIfNoneExist(a0000004-0000-4000-8000-000000000006, LungCareExMultiHomeCare, Organization, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe|0456789133)
* insert EntryPost(a0000004-0000-4000-8000-000000000007, LungCareExMultiCopd, Condition)
* insert EntryPost(a0000004-0000-4000-8000-000000000008, LungCareExMultiHeartFailure, Condition)
* insert EntryPost(a0000004-0000-4000-8000-000000000009, LungCareExMultiDiabetes, Condition)
* insert EntryPost(a0000004-0000-4000-8000-000000000010, LungCareExMultiSpirometry, Observation)
* insert EntryPost(a0000004-0000-4000-8000-000000000011, LungCareExMultiCat, Observation)
* insert EntryPost(a0000004-0000-4000-8000-000000000012, LungCareExMultiMmrc, Observation)
* insert EntryPost(a0000004-0000-4000-8000-000000000013, LungCareExMultiCareTeam, CareTeam)
* insert EntryPost(a0000004-0000-4000-8000-000000000014, LungCareExMultiGoalCat, Goal)
* insert EntryPost(a0000004-0000-4000-8000-000000000015, LungCareExMultiGoalActivity, Goal)
* insert EntryPost(a0000004-0000-4000-8000-000000000016, LungCareExMultiInhaler, MedicationRequest)
* insert EntryPost(a0000004-0000-4000-8000-000000000017, LungCareExMultiDietConsult, ServiceRequest)
* insert EntryPost(a0000004-0000-4000-8000-000000000018, LungCareExMultiHomeNursing, ServiceRequest)
* insert EntryPost(a0000004-0000-4000-8000-000000000019, LungCareExMultiCarePlan, CarePlan)

Instance: LungCareExMultiPatient
InstanceOf: LungCarePatient
Usage: #inline
* identifier[ssin].value = "66030112390"
* active = true
* name[0].use = #official
* name[0].family = "Mertens"
* name[0].given[0] = "Luc"
* gender = #male
* birthDate = "1966-03-01"
* telecom[0].system = #phone
* telecom[0].value = "+32 2 555 12 34"
* address[0].line[0] = "Chaussée de Louvain 350"
* address[0].city = "Schaerbeek"
* address[0].postalCode = "1030"
* address[0].country = "BE"
* communication[0].language = $bcp47#nl-BE "Dutch (Belgium)"
* communication[0].preferred = true
* communication[1].language = $bcp47#fr-BE "French (Belgium)"
* generalPractitioner[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000002"

Instance: LungCareExMultiGp
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(13456769003, Peeters, Sofie, Dr., nl)
* communication[1] = $bcp47#fr "French"

Instance: LungCareExMultiPulmonologist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(14660163580, Janssens, Hilde, Dr., nl)

Instance: LungCareExMultiNurse
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(42135513000, Van den Broeck, Ilse, Mevr., nl)

Instance: LungCareExMultiDietician
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(60341225000, Goossens, Nathalie, Mme, fr)

Instance: LungCareExMultiHomeCare
InstanceOf: LungCareOrganization
Usage: #inline
* identifier[cbe].value = "0456789133"
* active = true
* type[0] = $organization-type#prov "Healthcare Provider"
* name = "Thuisverpleging Brussel-Noord / Soins à domicile Bruxelles-Nord"
* address[0].city = "Schaerbeek"
* address[0].postalCode = "1030"
* address[0].country = "BE"

Instance: LungCareExMultiCopd
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#copd "COPD"
* severity = $sct#6736007 "Moderate"
* code = $sct#13645005 "Chronic obstructive lung disease"
* code.coding[1] = $icd10#J44.9 "Chronic obstructive pulmonary disease, unspecified"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* onsetDateTime = "2021-06-15"
* recordedDate = "2021-06-15"
* asserter.reference = "urn:uuid:a0000004-0000-4000-8000-000000000003"
* stage[0].summary = LungCareGoldGradeCS#gold-2 "GOLD 2 (moderate)"
* stage[0].assessment[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000010"
* stage[1].summary = LungCareGoldGroupCS#B "GOLD group B"
* stage[1].assessment[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000011"
* evidence[0].detail[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000010"

// Not a lung condition: plain R4 Condition, no LungCare profile.
Instance: LungCareExMultiHeartFailure
InstanceOf: Condition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[0] = $condition-category#problem-list-item "Problem List Item"
* code = $sct#84114007 "Heart failure"
* code.coding[1] = $icd10#I50.9 "Heart failure, unspecified"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* recordedDate = "2023-02-02"

// Not a lung condition: plain R4 Condition, no LungCare profile.
Instance: LungCareExMultiDiabetes
InstanceOf: Condition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[0] = $condition-category#problem-list-item "Problem List Item"
* code = $sct#44054006 "Diabetes mellitus type 2"
* code.coding[1] = $icd10#E11.9 "Type 2 diabetes mellitus without complications"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* recordedDate = "2016-09-20"

Instance: LungCareExMultiSpirometry
InstanceOf: LungCareSpirometry
Usage: #inline
* status = #final
* category[0] = $observation-category#exam "Exam"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* effectiveDateTime = "2026-11-04T14:00:00+01:00"
* performer[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000003"
* component[bronchodilatorStatus].valueCodeableConcept = LungCareBronchodilatorStatusCS#post "Post-bronchodilator"
* component[fev1PostBronchodilator].code = $loinc#20155-8 "FEV1 --post bronchodilation"
* insert ExQuantity(component[fev1PostBronchodilator].valueQuantity, 2.05, L)
* component[fvc].code = $loinc#19870-5 "Forced vital capacity [Volume] Respiratory system"
* insert ExQuantity(component[fvc].valueQuantity, 3.48, L)
* component[fev1FvcRatio].code = $loinc#19926-5 "FEV1/FVC"
* insert ExQuantity(component[fev1FvcRatio].valueQuantity, 59, %)
* component[fev1PercentPredicted].code = $loinc#20152-5 "FEV1 measured/predicted"
* insert ExQuantity(component[fev1PercentPredicted].valueQuantity, 62, %)

Instance: LungCareExMultiCat
InstanceOf: LungCareCopdAssessmentTest
Usage: #inline
* insert ExScore(a0000004-0000-4000-8000-000000000001, 2026-11-04T13:30:00+01:00, 15)
* code = LungCareObservationCS#cat-total "COPD Assessment Test total score"

Instance: LungCareExMultiMmrc
InstanceOf: LungCareMmrcDyspnoea
Usage: #inline
* insert ExScore(a0000004-0000-4000-8000-000000000001, 2026-11-04T13:30:00+01:00, 2)
* code = $sct#870179002 "Modified Medical Research Council dyspnea scale grade"

Instance: LungCareExMultiCareTeam
InstanceOf: LungCareCareTeam
Usage: #inline
* status = #active
* name = "Zorgteam COPD - Luc Mertens"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* period.start = "2026-11-04"
* insert ExProfessional(persgeneralphysician, General practitioner, a0000004-0000-4000-8000-000000000002, 13456769003)
* participant[=].extension[coordinator].valueBoolean = true
* insert ExProfessional(perspneumologist, Pneumologist, a0000004-0000-4000-8000-000000000003, 14660163580)
* insert ExProfessional(persnurse, Nurse, a0000004-0000-4000-8000-000000000004, 42135513000)
* participant[=].onBehalfOf.reference = "urn:uuid:a0000004-0000-4000-8000-000000000006"
* insert ExProfessional(persdietician, Dietician, a0000004-0000-4000-8000-000000000005, 60341225000)
* insert ExPatientMember(a0000004-0000-4000-8000-000000000001)

Instance: LungCareExMultiGoalCat
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* description = LungCareGoalCS#copd-low-impact "Low COPD impact (CAT < 10)"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* startDate = "2026-11-04"
* target[0].measure = LungCareObservationCS#cat-total "COPD Assessment Test total score"
* target[0].detailQuantity.value = 10
* target[0].detailQuantity.comparator = #<
* target[0].detailQuantity.unit = "score"
* target[0].detailQuantity.system = $ucum
* target[0].detailQuantity.code = #{score}
* target[0].dueDate = "2027-05-31"
* addresses[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"

Instance: LungCareExMultiGoalActivity
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* description = LungCareGoalCS#physical-activity "Improved physical activity"
* description.text = "Dagelijks 30 minuten wandelen"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* startDate = "2026-11-04"
* addresses[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"

Instance: LungCareExMultiInhaler
InstanceOf: MedicationRequest
Usage: #inline
* status = #active
* intent = #order
* medicationCodeableConcept = $atc#R03AL "Adrenergics in combination with anticholinergics incl. triple combinations with corticosteroids"
* medicationCodeableConcept.text = "Tiotropium/olodaterol 2,5/2,5 microgram inhalatievloeistof"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* authoredOn = "2026-11-04"
* requester.reference = "urn:uuid:a0000004-0000-4000-8000-000000000003"
* reasonReference[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"
* dosageInstruction[0].text = "2 pufjes eenmaal per dag"

Instance: LungCareExMultiDietConsult
InstanceOf: ServiceRequest
Usage: #inline
* status = #active
* intent = #order
* code.text = "Dieetadvies: voeding bij COPD, hartfalen en diabetes (zoutbeperking, eiwitrijk)"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* requester.reference = "urn:uuid:a0000004-0000-4000-8000-000000000002"
* performer[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000005"
* reasonReference[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"
* reasonReference[1].reference = "urn:uuid:a0000004-0000-4000-8000-000000000008"
* reasonReference[2].reference = "urn:uuid:a0000004-0000-4000-8000-000000000009"

Instance: LungCareExMultiHomeNursing
InstanceOf: ServiceRequest
Usage: #inline
* status = #active
* intent = #order
* code.text = "Thuisverpleging: inhalatietechniek, gewicht en glycemie opvolgen (2x per week)"
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* requester.reference = "urn:uuid:a0000004-0000-4000-8000-000000000002"
* performer[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000004"
* reasonReference[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"

Instance: LungCareExMultiCarePlan
InstanceOf: LungCareCarePlan
Usage: #inline
* status = #active
* intent = #plan
* category[carePlan] = $sct#734163000 "Care plan"
* category[diseaseGroup] = LungCareDiseaseGroupCS#copd "COPD"
* title = "Zorgplan COPD bij multimorbiditeit"
* description = "COPD-zorgplan; hartfalen en diabetes worden opgevolgd in hun eigen zorgtrajecten en staan hier als ondersteunende informatie."
* subject.reference = "urn:uuid:a0000004-0000-4000-8000-000000000001"
* period.start = "2026-11-04"
* author[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000002"
* careTeam[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000013"
* addresses[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000007"
* supportingInfo[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000008"
* supportingInfo[1].reference = "urn:uuid:a0000004-0000-4000-8000-000000000009"
* goal[0].reference = "urn:uuid:a0000004-0000-4000-8000-000000000014"
* goal[1].reference = "urn:uuid:a0000004-0000-4000-8000-000000000015"
* activity[0].reference.reference = "urn:uuid:a0000004-0000-4000-8000-000000000016"
* activity[1].reference.reference = "urn:uuid:a0000004-0000-4000-8000-000000000017"
* activity[2].reference.reference = "urn:uuid:a0000004-0000-4000-8000-000000000018"
