// At most one participant is flagged as the coordinator of the care team.
Invariant: lungcare-careteam-1
Description: "At most one participant of the care team is the coordinator."
Severity: #error
Expression: "participant.where(extension('https://fhir.lungcare.be/StructureDefinition/lungcare-care-team-coordinator').value = true).count() <= 1"
