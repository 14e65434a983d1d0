ValueSet: LungCareSpirometryCodeVS
Id: lungcare-spirometry-code
Title: "LungCare Spirometry Measure"
Description: "LOINC codes of the spirometry measures recorded in a LungCare spirometry panel."
* insert LungCareMetadata
* $loinc#20150-9 "FEV1"
* $loinc#20157-4 "FEV1 --pre bronchodilation"
* $loinc#20155-8 "FEV1 --post bronchodilation"
* $loinc#19870-5 "Forced vital capacity [Volume] Respiratory system"
* $loinc#19926-5 "FEV1/FVC"
* $loinc#20152-5 "FEV1 measured/predicted"
* $loinc#19872-1 "FVC measured/predicted"
