ValueSet: LungCareGoalMeasureVS
Id: lungcare-goal-measure
Title: "LungCare Goal Measure"
Description: "Measures used as Goal.target.measure: ACT, CAT, mMRC and exacerbation count."
* insert LungCareMetadata
* $loinc#82668-5 "Total score [ACT]"
* LungCareObservationCS#cat-total "COPD Assessment Test total score"
* $sct#870179002 "Modified Medical Research Council dyspnea scale grade"
* LungCareObservationCS#exacerbations-12m "Number of exacerbations in the past 12 months"
* $loinc#20150-9 "FEV1"
