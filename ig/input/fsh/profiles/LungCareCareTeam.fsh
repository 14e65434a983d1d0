Profile: LungCareCareTeam
Parent: CareTeam
Id: lungcare-care-team
Title: "LungCare Care Team"
Description: "The multidisciplinary team caring for a LungCare patient: professionals (cd-hcparty roles), the patient and informal caregivers. The coordinator (usually the GP) is the participant flagged with the extension lungcare-care-team-coordinator; at most one participant is the coordinator (lungcare-careteam-1). managingOrganization is the organization that hosts the team, not the coordinator."
* insert LungCareMetadata
* obeys lungcare-careteam-1
* identifier MS
* insert Doc(identifier, Business identifier, Identifier of the care team in the sending system.)
* status 1..1 MS
* insert Doc(status, proposed | active | suspended | inactive | entered-in-error, Status of the care team.)
* category MS
* insert Doc(category, Kind of team, Kind of care team (e.g. the LungCare disease group\).)
* name MS
* insert Doc(name, Name of the team, Human-readable name of the team.)
* subject 1..1 MS
* subject only Reference(LungCarePatient)
* insert Doc(subject, The patient, The patient the team cares for.)
* period MS
* insert Doc(period, Period, Period the team is (or was\) active.)
* participant 1..* MS
* insert Doc(participant, Team members, Members of the team. Each has exactly one role and one member.)
* participant.extension contains LungCareCareTeamCoordinator named coordinator 0..1 MS
* insert Doc(participant.extension[coordinator], Coordinator of the team, true for the participant who coordinates the care (usually the general practitioner\). A receiver shows this participant as the contact point of the team.)
* participant.role 1..1 MS
* participant.role from LungCareCareTeamRoleVS (required)
* insert Doc(participant.role, Role in the team (cd-hcparty | patient | caregiver\), Profession (cd-hcparty\) of a professional member\, SNOMED CT 116154003 for the patient or 133932002 for an informal caregiver.)
* participant.member 1..1 MS
* participant.member only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCareOrganization or LungCareRelatedPerson or LungCarePatient)
* insert Doc(participant.member, The member, The member. A reference may carry a logical identifier (e.g. the NIHDI number\) beside the literal reference: it makes the team searchable with participant-identifier.)
* participant.onBehalfOf MS
* participant.onBehalfOf only Reference(LungCareOrganization)
* insert Doc(participant.onBehalfOf, Organization of the member, Organization the practitioner acts for.)
* participant.period MS
* insert Doc(participant.period, Period of membership, Period the participant is a member of the team.)
* managingOrganization MS
* managingOrganization only Reference(LungCareOrganization)
* insert Doc(managingOrganization, Hosting organization, Organization responsible for the team record (e.g. the hospital or GP practice\).)
* telecom MS
* insert Doc(telecom, Contact details of the team, Central phone number or e-mail of the team.)
