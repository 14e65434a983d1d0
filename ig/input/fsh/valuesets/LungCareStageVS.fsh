ValueSet: LungCareStageVS
Id: lungcare-stage
Title: "LungCare Stage"
Description: "Staging/severity classifications used in Condition.stage.summary: GOLD grade, GOLD group and GINA step."
* insert LungCareMetadata
* include codes from system LungCareGoldGradeCS
* include codes from system LungCareGoldGroupCS
* include codes from system LungCareGinaStepCS
