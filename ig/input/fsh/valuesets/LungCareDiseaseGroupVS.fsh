ValueSet: LungCareDiseaseGroupVS
Id: lungcare-disease-group
Title: "LungCare Disease Group"
Description: "All disease groups of the LungCare programme."
* insert LungCareMetadata
* include codes from system LungCareDiseaseGroupCS
