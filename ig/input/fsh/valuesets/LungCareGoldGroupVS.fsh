ValueSet: LungCareGoldGroupVS
Id: lungcare-gold-group
Title: "LungCare GOLD Group"
Description: "GOLD assessment groups A, B and E."
* insert LungCareMetadata
* include codes from system LungCareGoldGroupCS
