Profile: LungCareCopdAssessmentTest
Parent: Observation
Id: lungcare-copd-assessment-test
Title: "LungCare COPD Assessment Test (CAT)"
Description: "Total score of the COPD Assessment Test, 0-40 (invariant lungcare-cat-1). A local code is used because no verified LOINC/SNOMED CT code was available; a SNOMED CT coding may be added beside it."
* insert LungCareMetadata
* obeys lungcare-cat-1
* insert ScoreObservation(LungCareObservationCS#cat-total, CAT total score)
* code ^definition = "COPD Assessment Test total score (local code cat-total)."
* value[x] ^definition = "The CAT total score, an integer between 0 and 40. >= 10 means a high symptom burden."
