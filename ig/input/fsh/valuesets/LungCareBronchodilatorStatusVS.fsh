ValueSet: LungCareBronchodilatorStatusVS
Id: lungcare-bronchodilator-status
Title: "LungCare Bronchodilator Status"
Description: "Pre- or post-bronchodilator."
* insert LungCareMetadata
* include codes from system LungCareBronchodilatorStatusCS
