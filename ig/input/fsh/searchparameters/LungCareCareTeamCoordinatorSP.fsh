Instance: LungCareCareTeamCoordinatorSP
InstanceOf: SearchParameter
Usage: #definition
Title: "CareTeam: coordinator"
Description: "Search care teams by their coordinator (the participant flagged with the lungcare-care-team-coordinator extension)."
* id = "lungcare-careteam-coordinator"
* name = "LungCareCareTeamCoordinator"
* status = #active
* experimental = false
* publisher = "LungCare FHIR project"
* description = "Search care teams by the member that coordinates the team, e.g. CareTeam?coordinator=Practitioner/123."
* code = #coordinator
* base[0] = #CareTeam
* type = #reference
* expression = "CareTeam.participant.where(extension('https://fhir.lungcare.be/StructureDefinition/lungcare-care-team-coordinator').value = true).member"
* xpathUsage = #normal
* target[0] = #Practitioner
* target[+] = #PractitionerRole
* target[+] = #Organization
* target[+] = #RelatedPerson
* target[+] = #Patient
