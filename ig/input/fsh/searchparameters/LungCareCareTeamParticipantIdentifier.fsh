Instance: LungCareCareTeamParticipantIdentifier
InstanceOf: SearchParameter
Usage: #definition
Title: "CareTeam: participant identifier (e.g. NIHDI)"
Description: "Search care teams by the logical identifier (e.g. NIHDI number) that the sender puts on participant.member beside the literal reference."
* id = "lungcare-careteam-participant-identifier"
* name = "LungCareCareTeamParticipantIdentifier"
* status = #active
* experimental = false
* publisher = "LungCare FHIR project"
* description = "Search care teams by the identifier carried on participant.member (Reference.identifier), e.g. CareTeam?participant-identifier=https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi|13456769003. Senders must fill participant.member.identifier (the NIHDI number of a practitioner) for this to find the team: FHIRPath cannot follow the reference to the Practitioner's own identifier."
* code = #participant-identifier
* base[0] = #CareTeam
* type = #token
* expression = "CareTeam.participant.member.identifier"
* xpath = "f:CareTeam/f:participant/f:member/f:identifier"
* xpathUsage = #normal
