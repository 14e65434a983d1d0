Profile: LungCareMmrcDyspnoea
Parent: Observation
Id: lungcare-mmrc-dyspnoea
Title: "LungCare mMRC Dyspnoea Grade"
Description: "Modified Medical Research Council dyspnoea grade (SNOMED CT 870179002), 0-4 (invariant lungcare-mmrc-1)."
* insert LungCareMetadata
* obeys lungcare-mmrc-1
* insert ScoreObservation($sct#870179002, mMRC dyspnoea grade (SNOMED CT 870179002\))
* code ^definition = "mMRC dyspnoea grade (SNOMED CT 870179002)."
* value[x] ^definition = "The mMRC grade, an integer between 0 and 4."
