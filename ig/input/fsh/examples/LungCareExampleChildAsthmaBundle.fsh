// Scenario 3: 7-year-old boy with childhood asthma and atopic dermatitis.
// Team: paediatrician (coordinator), dermatologist, GP, mother (RelatedPerson), school nurse.
// Goals: no exacerbations, eczema control.
Instance: LungCareExampleChildAsthmaBundle
InstanceOf: Bundle
Usage: #example
Title: "Scenario 3 - childhood asthma and atopic dermatitis (transaction)"
Description: "Noah Claes (SSIN 19030815158), 7 years old, childhood asthma (GINA step 2) and atopic dermatitis."
* id = "lungcare-example-child-asthma"
* insert TransactionBundle
* insert EntryPutConditional(a0000003-0000-4000-8000-000000000001, LungCareExChildPatient, Patient, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin|19030815158)
* insert EntryPostIfNoneExist(a0000003-0000-4000-8000-000000000002, LungCareExChildPaediatrician, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|12390858690)
* insert EntryPostIfNoneExist(a0000003-0000-4000-8000-000000000003, LungCareExChildDermatologist, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|17223537550)
* insert EntryPostIfNoneExist(a0000003-0000-4000-8000-000000000004, LungCareExChildGp, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|15889093003)
* insert EntryPostIfNoneExist(a0000003-0000-4000-8000-000000000005, LungCareExChildSchoolNurse, Practitioner, identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|41278646000)
* insert EntryPost(a0000003-0000-4000-8000-000000000006, LungCareExChildMother, RelatedPerson)
* insert EntryPost(a0000003-0000-4000-8000-000000000007, LungCareExChildAsthma, Condition)
* insert EntryPost(a0000003-0000-4000-8000-000000000008, LungCareExChildEczema, Condition)
* insert EntryPost(a0000003-0000-4000-8000-000000000009, LungCareExChildCareTeam, CareTeam)
* insert EntryPost(a0000003-0000-4000-8000-000000000010, LungCareExChildGoalNoExacerbations, Goal)
* insert EntryPost(a0000003-0000-4000-8000-000000000011, LungCareExChildGoalEczema, Goal)
* insert EntryPost(a0000003-0000-4000-8000-000000000012, LungCareExChildInhaler, MedicationRequest)
* insert EntryPost(a0000003-0000-4000-8000-000000000013, LungCareExChildSchoolActionPlan, Task)
* insert EntryPost(a0000003-0000-4000-8000-000000000014, LungCareExChildCarePlan, CarePlan)

Instance: LungCareExChildPatient
InstanceOf: LungCarePatient
Usage: #inline
* identifier[ssin].value = "19030815158"
* active = true
* name[0].use = #official
* name[0].family = "Claes"
* name[0].given[0] = "Noah"
* gender = #male
* birthDate = "2019-03-08"
* address[0].line[0] = "Naamsestraat 96"
* address[0].city = "Leuven"
* address[0].postalCode = "3000"
* address[0].country = "BE"
* communication[0].language = $bcp47#nl-BE "Dutch (Belgium)"
* communication[0].preferred = true
* generalPractitioner[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000004"

Instance: LungCareExChildPaediatrician
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(12390858690, Jacobs, Eva, Dr., nl)

Instance: LungCareExChildDermatologist
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(17223537550, Maes, Koen, Dr., nl)

Instance: LungCareExChildGp
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(15889093003, Willems, Bart, Dr., nl)

Instance: LungCareExChildSchoolNurse
InstanceOf: LungCarePractitioner
Usage: #inline
* insert ExPractitioner(41278646000, Hermans, Lotte, Mevr., nl)

Instance: LungCareExChildMother
InstanceOf: LungCareRelatedPerson
Usage: #inline
* identifier[ssin].value = "89062120410"
* active = true
* patient.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* relationship[caregiver] = $sct#133932002 "Caregiver"
* relationship[+] = $v3-RoleCode#MTH "mother"
* name[0].family = "Wouters"
* name[0].given[0] = "Elke"
* telecom[0].system = #phone
* telecom[0].value = "+32 486 77 88 99"
* communication[0].language = $bcp47#nl-BE "Dutch (Belgium)"

Instance: LungCareExChildAsthma
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#asthma "Asthma"
* severity = $sct#6736007 "Moderate"
* code = $sct#233678006 "Childhood asthma"
* code.coding[1] = $icd10#J45.9 "Asthma, unspecified"
* code.text = "Kinderastma"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* onsetAge = 4 'a' "years"
* recordedDate = "2023-11-14"
* asserter.reference = "urn:uuid:a0000003-0000-4000-8000-000000000002"
* stage[0].summary = LungCareGinaStepCS#step-2 "GINA step 2"

Instance: LungCareExChildEczema
InstanceOf: LungCareCondition
Usage: #inline
* clinicalStatus = $condition-clinical#active "Active"
* verificationStatus = $condition-ver-status#confirmed "Confirmed"
* category[diseaseGroup] = LungCareDiseaseGroupCS#atopic-dermatitis "Atopic dermatitis"
* severity = $sct#255604002 "Mild"
* code = $sct#24079001 "Atopic dermatitis"
* code.coding[1] = $icd10#L20.9 "Atopic dermatitis, unspecified"
* code.text = "Atopisch eczeem"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* onsetAge = 1 'a' "years"
* recordedDate = "2020-05-04"
* asserter.reference = "urn:uuid:a0000003-0000-4000-8000-000000000003"

Instance: LungCareExChildCareTeam
InstanceOf: LungCareCareTeam
Usage: #inline
* status = #active
* name = "Zorgteam astma en eczeem - Noah Claes"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* period.start = "2026-09-01"
* insert ExProfessional(perspediatrician, Paediatrician, a0000003-0000-4000-8000-000000000002, 12390858690)
* participant[=].extension[coordinator].valueBoolean = true
* insert ExProfessional(persdermatovenereologist, Dermato-venereologist, a0000003-0000-4000-8000-000000000003, 17223537550)
* insert ExProfessional(persgeneralphysician, General practitioner, a0000003-0000-4000-8000-000000000004, 15889093003)
* insert ExProfessional(persnurse, Nurse, a0000003-0000-4000-8000-000000000005, 41278646000)
* participant[=].period.start = "2026-09-01"
* participant[=].period.end = "2027-06-30"
* insert ExCaregiverMember(a0000003-0000-4000-8000-000000000006)

Instance: LungCareExChildGoalNoExacerbations
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* description = LungCareGoalCS#no-exacerbations "No exacerbations"
* description.text = "Geen astma-aanvallen die een spoedbezoek of orale corticosteroïden vereisen"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* startDate = "2026-09-01"
* target[0].measure = LungCareObservationCS#exacerbations-12m "Number of exacerbations in the past 12 months"
* target[0].detailInteger = 0
* target[0].dueDate = "2027-09-01"
* addresses[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000007"

Instance: LungCareExChildGoalEczema
InstanceOf: LungCareGoal
Usage: #inline
* lifecycleStatus = #active
* description = LungCareGoalCS#eczema-controlled "Eczema under control"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* startDate = "2026-09-01"
* addresses[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000008"

Instance: LungCareExChildInhaler
InstanceOf: MedicationRequest
Usage: #inline
* status = #active
* intent = #order
* medicationCodeableConcept = $atc#R03BA02 "budesonide"
* medicationCodeableConcept.text = "Budesonide 200 microgram dosisaerosol met voorzetkamer"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* authoredOn = "2026-09-01"
* requester.reference = "urn:uuid:a0000003-0000-4000-8000-000000000002"
* reasonReference[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000007"
* dosageInstruction[0].text = "1 puff 's morgens en 's avonds via voorzetkamer"

Instance: LungCareExChildSchoolActionPlan
InstanceOf: Task
Usage: #inline
* status = #requested
* intent = #order
* description = "Astma-actieplan op school opvolgen en noodmedicatie (salbutamol) beschikbaar houden"
* for.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* authoredOn = "2026-09-01"
* requester.reference = "urn:uuid:a0000003-0000-4000-8000-000000000002"
* owner.reference = "urn:uuid:a0000003-0000-4000-8000-000000000005"

Instance: LungCareExChildCarePlan
InstanceOf: LungCareCarePlan
Usage: #inline
* status = #active
* intent = #plan
* category[carePlan] = $sct#734163000 "Care plan"
* category[diseaseGroup][0] = LungCareDiseaseGroupCS#asthma "Asthma"
* category[diseaseGroup][1] = LungCareDiseaseGroupCS#atopic-dermatitis "Atopic dermatitis"
* title = "Zorgplan astma en eczeem"
* subject.reference = "urn:uuid:a0000003-0000-4000-8000-000000000001"
* period.start = "2026-09-01"
* author[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000002"
* careTeam[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000009"
* addresses[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000007"
* addresses[1].reference = "urn:uuid:a0000003-0000-4000-8000-000000000008"
* goal[0].reference = "urn:uuid:a0000003-0000-4000-8000-000000000010"
* goal[1].reference = "urn:uuid:a0000003-0000-4000-8000-000000000011"
* activity[0].reference.reference = "urn:uuid:a0000003-0000-4000-8000-000000000012"
* activity[1].reference.reference = "urn:uuid:a0000003-0000-4000-8000-000000000013"
