ValueSet: LungCareBiomarkerCodeVS
Id: lungcare-biomarker-code
Title: "LungCare Biomarker"
Description: "Type-2 inflammation biomarkers: blood eosinophils (LOINC), total IgE and FeNO (local codes, no verified LOINC code)."
* insert LungCareMetadata
* $loinc#26449-9 "Eosinophils [#/volume] in Blood"
* LungCareObservationCS#total-ige "Total IgE in serum"
* LungCareObservationCS#feno "Fractional exhaled nitric oxide (FeNO)"
