// Scenario 2: 24-year-old woman with severe eosinophilic asthma on a biologic, plus nasal polyps.
// Eosinophils, IgE, FeNO, ACT 14. Team: pulmonologist (coordinator), ENT, GP, hospital pharmacist.
// Goal: ACT >= 20. French-speaking (Namur).
Instance: LungCareExampleSevereAsthmaBundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 2 - severe eosinophilic asthma with CRSwNP (transaction)"
Description: "Camille Lambert (SSIN 02091408814), severe eosinophilic asthma on mepolizumab and chronic rhinosinusitis with nasal polyps."
* id = "lungcare-example-severe-asthma"
* insert TransactionBundle
* insert EntryPutConditional(a0000002-0000-4000-8000-000000000001, LungCareExAsthmaPatient, Patient, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|02091408814)
* insert EntryPostIfNoneExist(a0000002-0000-4000-8000-000000000002, LungCareExAsthmaHospital, Organization, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization|71000733000)
* insert EntryPostIfNoneExist(a0000002-0000-4000-8000-000000000003, LungCareExAsthmaPulmonologist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|15230186580)
* insert EntryPostIfNoneExist(a0000002-0000-4000-8000-000000000004, LungCareExAsthmaEnt, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|16177026510)
* insert EntryPostIfNoneExist(a0000002-0000-4000-8000-000000000005, LungCareExAsthmaGp, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|11724528003)
* insert EntryPostIfNoneExist(a0000002-0000-4000-8000-000000000006, LungCareExAsthmaPharmacist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|53117792000)
* insert EntryPost(a0000002-0000-4000-8000-000000000007, LungCareExAsthmaPharmacistRole, PractitionerRole)
* insert EntryPost(a0000002-0000-4000-8000-000000000008, LungCareExAsthmaEosinophils, Observation)
* insert EntryPost(a0000002-0000-4000-8000-000000000009, LungCareExAsthmaIge, Observation)
* insert EntryPost(a0000002-0000-4000-8000-000000000010, LungCareExAsthmaFeno, Observation)
* insert EntryPost(a0000002-0000-4000-8000-000000000011, LungCareExAsthmaAct, Observation)
* insert EntryPost(a0000002-0000-4000-8000-000000000012, LungCareExAsthmaCondition, Condition)
* insert EntryPost(a0000002-0000-4000-8000-000000000013, LungCareExAsthmaCrswnp, Condition)
* insert EntryPost(a0000002-0000-4000-8000-000000000014, LungCareExAsthmaCareTeam, CareTeam)
* insert EntryPost(a0000002-0000-4000-8000-000000000015, LungCareExAsthmaGoalAct, Goal)
* insert EntryPost(a0000002-0000-4000-8000-000000000016, LungCareExAsthmaBiologic, MedicationRequest)
* insert EntryPost(a0000002-0000-4000-8000-000000000017, LungCareExAsthmaEntFollowUp, ServiceRequest)
* insert EntryPost(a0000002-0000-4000-8000-000000000018, LungCareExAsthmaInhalerCheck, Task)
* insert EntryPost(a0000002-0000-4000-8000-000000000019, LungCareExAsthmaCarePlan, CarePlan)

Instance: LungCareExAsthmaPatient
InstanceOf: LungCarePatient
Usage: #inline
* identifier[ssin].value = "02091408814"
* active = true
* name[0].use = #official
* name[0].family = "Lambert"
* name[0].given[0] = "Camille"
* gender = #female
* birthDate = "2002-09-14"
* telecom[0].system = #email
* telecom[0].value = "camille.lambert@example.be"
* address[0].line[0] = "Rue de Fer 41"
* address[0].city = "Namur"
* address[0].postalCode = "5000"
* address[0].country = "BE"
* communication[0].language = $bcp47#fr-BE "French (Belgium)"
* communication[0].preferred = true
* communication[1].language = $bcp47#en "English"
* generalPractitioner[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000005"

Instance: LungCareExAsthmaHospital
InstanceOf: LungCareOrganization
Usage: #inline
* identifier[nihdi].value = "71000733000"
* identifier[cbe].value = "0203456708"
* active = true
* type[0] = $organization-type#prov "Healthcare Provider"
* name = "Clinique Saint-Hubert Namur"
* address[0].line[0] = "Avenue de la Citadelle 12"
* address[0].city = "Namur"
* address[0].postalCode = "5000"
* address[0].country = "BE"

Instance: LungCareExAsthmaPulmonologist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(15230186580, Dumont, Julie, Dr, fr)

Instance: LungCareExAsthmaEnt
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(16177026510, Lejeune, Olivier, Dr, fr)

Instance: LungCareExAsthmaGp
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(11724528003, Lambotte, Marie, Dr, fr)

Instance: LungCareExAsthmaPharmacist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(53117792000, Renard, Sarah, Pharm., fr)

Instance: LungCareExAsthmaPharmacistRole
InstanceOf: LungCarePractitionerRole
Usage: #inline
* insert ExPractitionerRole(a0000002-0000-4000-8000-000000000006, a0000002-0000-4000-8000-000000000002, perspharmacist, Pharmacist)
* specialty[0].text = "Pharmacien hospitalier"

Instance: LungCareExAsthmaEosinophils
InstanceOf: LungCareBiomarker
Usage: #inline
* status = #final
* category[0] = $observation-category#laboratory "Laboratory"
* code = $loinc#26449-9 "Eosinophils [#/volume] in Blood"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* effectiveDateTime = "2026-09-15T08:40:00+02:00"
* insert ExQuantity(valueQuantity, 0.62, 10*9/L)

Instance: LungCareExAsthmaIge
InstanceOf: LungCareBiomarker
Usage: #inline
* status = #final
* category[0] = $observation-category#laboratory "Laboratory"
* code = LungCareObservationCS#total-ige "Total IgE in serum"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* effectiveDateTime = "2026-09-15T08:40:00+02:00"
* insert ExQuantity(valueQuantity, 420, k[IU]/L)

Instance: LungCareExAsthmaFeno
InstanceOf: LungCareBiomarker
Usage: #inline
* status = #final
* category[0] = $observation-category#exam "Exam"
* code = LungCareObservationCS#feno "Fractional exhaled nitric oxide (FeNO)"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* effectiveDateTime = "2026-09-15T09:15:00+02:00"
* performer[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* insert ExQuantity(valueQuantity, 58, [ppb])

Instance: LungCareExAsthmaAct
InstanceOf: LungCareAsthmaControlTest
Usage: #inline
* insert ExScore(a0000002-0000-4000-8000-000000000001, 2026-09-15T09:00:00+02:00, 14)
* code = $loinc#82668-5 "Total score [ACT]"

Instance: LungCareExAsthmaCondition
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#severe-type2-asthma "Severe type 2 asthma"
* severity = $sct#24484000 "Severe"
* code = $sct#367542003 "Eosinophilic asthma"
* code.coding[1] = $icd10#J45.9 "Asthma, unspecified"
* code.text = "Asthme sévère à éosinophiles"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* onsetAge = 14 'a' "years"
* recordedDate = "2024-03-20"
* asserter.reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* stage[0].summary = LungCareGinaStepCS#step-5 "GINA step 5"
* evidence[0].detail[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000008"
* evidence[0].detail[1].reference = "urn:uuid:a0000002-0000-4000-8000-000000000010"

Instance: LungCareExAsthmaCrswnp
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#crswnp "Chronic rhinosinusitis with nasal polyps"
* code = LungCareConditionCS#crswnp "Chronic rhinosinusitis with nasal polyps"
* code.coding[1] = $icd10#J33.9 "Nasal polyp, unspecified"
* code.text = "Rhinosinusite chronique avec polypes nasaux"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* recordedDate = "2025-01-08"
* asserter.reference = "urn:uuid:a0000002-0000-4000-8000-000000000004"

Instance: LungCareExAsthmaCareTeam
InstanceOf: LungCareCareTeam
Usage: #inline
* status = #active
* name = "Équipe de soins asthme sévère - Camille Lambert"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* period.start = "2024-03-20"
* insert ExProfessional(perspneumologist, Pneumologist, a0000002-0000-4000-8000-000000000003, 15230186580)
* participant[=].extension[coordinator].valueBoolean = true
* participant[=].onBehalfOf.reference = "urn:uuid:a0000002-0000-4000-8000-000000000002"
* insert ExProfessional(persotolaryngologist, Otorhinolaryngologist, a0000002-0000-4000-8000-000000000004, 16177026510)
* participant[=].onBehalfOf.reference = "urn:uuid:a0000002-0000-4000-8000-000000000002"
* insert ExProfessional(persgeneralphysician, General practitioner, a0000002-0000-4000-8000-000000000005, 11724528003)
* insert ExProfessional(perspharmacist, Pharmacist, a0000002-0000-4000-8000-000000000006, 53117792000)
* participant[=].onBehalfOf.reference = "urn:uuid:a0000002-0000-4000-8000-000000000002"
* insert ExPatientMember(a0000002-0000-4000-8000-000000000001)
* managingOrganization[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000002"

Instance: LungCareExAsthmaGoalAct
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* achievementStatus = $goal-achievement#in-progress "In Progress"
* description = LungCareGoalCS#asthma-controlled "Asthma well controlled (ACT >= 20)"
* description.text = "Asthme contrôlé : ACT ≥ 20"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* startDate = "2026-09-15"
* target[0].measure = $loinc#82668-5 "Total score [ACT]"
* target[0].detailQuantity.value = 20
* target[0].detailQuantity.comparator = #>=
* target[0].detailQuantity.unit = "score"
* target[0].detailQuantity.system = $ucum
* target[0].detailQuantity.code = #{score}
* target[0].dueDate = "2027-03-15"
* addresses[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000012"

Instance: LungCareExAsthmaBiologic
InstanceOf: MedicationRequest
Usage: #inline
* status = #active
* intent = #order
* medicationCodeableConcept = $atc#R03DX09 "mepolizumab"
* medicationCodeableConcept.text = "Mépolizumab 100 mg, solution injectable en stylo prérempli"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* authoredOn = "2026-09-15"
* requester.reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* reasonReference[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000012"
* dosageInstruction[0].text = "100 mg en injection sous-cutanée toutes les 4 semaines"

Instance: LungCareExAsthmaEntFollowUp
InstanceOf: ServiceRequest
Usage: #inline
* status = #active
* intent = #order
* code.text = "Suivi ORL des polypes nasaux (endoscopie nasale tous les 6 mois)"
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* requester.reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* performer[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000004"
* reasonReference[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000013"

Instance: LungCareExAsthmaInhalerCheck
InstanceOf: Task
Usage: #inline
* status = #requested
* intent = #order
* description = "Vérifier la technique d'inhalation et l'adhésion au traitement de fond à chaque délivrance"
* for.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* authoredOn = "2026-09-15"
* requester.reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* owner.reference = "urn:uuid:a0000002-0000-4000-8000-000000000007"

Instance: LungCareExAsthmaCarePlan
InstanceOf: LungCareCarePlan
Usage: #inline
* status = #active
* intent = #plan
* category[carePlan] = $sct#734163000 "Care plan"
* category[diseaseGroup][0] = LungCareDiseaseGroupCS#severe-type2-asthma "Severe type 2 asthma"
* category[diseaseGroup][1] = LungCareDiseaseGroupCS#crswnp "Chronic rhinosinusitis with nasal polyps"
* title = "Plan de soins asthme sévère"
* description = "Traitement biologique (mépolizumab), suivi ORL des polypes, contrôle de la technique d'inhalation. Objectif : ACT ≥ 20."
* subject.reference = "urn:uuid:a0000002-0000-4000-8000-000000000001"
* period.start = "2026-09-15"
* created = "2026-09-15"
* author[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000003"
* careTeam[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000014"
* addresses[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000012"
* addresses[1].reference = "urn:uuid:a0000002-0000-4000-8000-000000000013"
* supportingInfo[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000011"
* goal[0].reference = "urn:uuid:a0000002-0000-4000-8000-000000000015"
* activity[0].reference.reference = "urn:uuid:a0000002-0000-4000-8000-000000000016"
* activity[1].reference.reference = "urn:uuid:a0000002-0000-4000-8000-000000000017"
* activity[2].reference.reference = "urn:uuid:a0000002-0000-4000-8000-000000000018"
