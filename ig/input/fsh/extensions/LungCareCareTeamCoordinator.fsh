Extension: LungCareCareTeamCoordinator
Id: lungcare-care-team-coordinator
Title: "LungCare Care Team Coordinator"
Description: "Flags the participant of a care team who coordinates the care (usually the general practitioner). At most one participant of a LungCare care team carries the value true (invariant lungcare-careteam-1)."
* insert LungCareMetadata
* ^context[+].type = #element
* ^context[=].expression = "CareTeam.participant"
* value[x] only boolean
* value[x] 1..1
* value[x] ^short = "true if this participant is the coordinator of the care team"
* value[x] ^definition = "true if this participant is the coordinator of the care team; false or absent otherwise."
