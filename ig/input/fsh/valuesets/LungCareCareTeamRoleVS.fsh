ValueSet: LungCareCareTeamRoleVS
Id: lungcare-care-team-role
Title: "LungCare Care Team Role"
Description: "Role of a participant in a LungCare care team: a cd-hcparty profession (see LungCare Care Professional Role), the patient (SNOMED CT 116154003) or an informal caregiver (SNOMED CT 133932002)."
* insert LungCareMetadata
* $sct#116154003 "Patient"
* $sct#116154003 insert Designations(Patiënt, Patient, Patient, Patient)
* $sct#133932002 "Caregiver"
* $sct#133932002 insert Designations(Mantelzorger, Aidant proche, Pflegende Angehörige, Informal caregiver)
// NOTE: listed after the SNOMED CT concepts (SUSHI matches concept caret rules to the first include)
* include codes from valueset LungCareHcPartyRoleVS
