Instance: LungCareCareTeamParticipantRole
InstanceOf: SearchParameter
Usage: #definition
Title: "CareTeam: participant role"
Description: "Search care teams by the role of a participant (cd-hcparty profession, SNOMED CT patient/caregiver), e.g. CareTeam?participant-role=https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty|perspneumologist"
* id = "lungcare-careteam-participant-role"
* name = "LungCareCareTeamParticipantRole"
* status = #active
* experimental = false
* publisher = "LungCare FHIR project"
* description = "Search care teams by the role of a participant (cd-hcparty profession, or SNOMED CT 116154003 patient / 133932002 caregiver)."
* code = #participant-role
* base[0] = #CareTeam
* type = #token
* expression = "CareTeam.participant.role"
* xpath = "f:CareTeam/f:participant/f:role"
* xpathUsage = #normal
