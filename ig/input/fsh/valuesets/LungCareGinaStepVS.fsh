ValueSet: LungCareGinaStepVS
Id: lungcare-gina-step
Title: "LungCare GINA Step"
Description: "GINA treatment steps 1-5."
* insert LungCareMetadata
* include codes from system LungCareGinaStepCS
