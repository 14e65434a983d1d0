ValueSet: LungCareGoldGradeVS
Id: lungcare-gold-grade
Title: "LungCare GOLD Grade"
Description: "GOLD spirometric grades 1-4."
* insert LungCareMetadata
* include codes from system LungCareGoldGradeCS
