ValueSet: LungCareLungDiseaseVS
Id: lungcare-lung-disease
Title: "LungCare Lung Disease"
Description: "Chronic respiratory and related type-2 inflammatory conditions followed in the LungCare programme (SNOMED CT; a local code where no verified SNOMED CT concept exists). An ICD-10 coding may be sent beside the code from this value set."
* insert LungCareMetadata
* $sct#195967001 "Asthma"
* $sct#389145006 "Allergic asthma"
* $sct#266361008 "Non-allergic asthma"
* $sct#195977004 "Mixed asthma"
* $sct#367542003 "Eosinophilic asthma"
* $sct#370221004 "Severe asthma"
* $sct#426656000 "Severe persistent asthma"
* $sct#233678006 "Childhood asthma"
* $sct#10692761000119107 "Asthma-chronic obstructive pulmonary disease overlap syndrome"
* $sct#13645005 "Chronic obstructive lung disease"
* $sct#12295008 "Bronchiectasis"
* $sct#24079001 "Atopic dermatitis"
* $sct#61582004 "Allergic rhinitis"
* LungCareConditionCS#crswnp "Chronic rhinosinusitis with nasal polyps"
