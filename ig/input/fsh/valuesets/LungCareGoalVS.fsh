ValueSet: LungCareGoalVS
Id: lungcare-goal
Title: "LungCare Goal"
Description: "Typical goals of LungCare care plans."
* insert LungCareMetadata
* include codes from system LungCareGoalCS
