Profile: LungCarePractitionerRole
Parent: PractitionerRole
Id: lungcare-practitioner-role
Title: "LungCare Practitioner Role"
Description: "The profession (cd-hcparty) in which a practitioner acts for an organization in the LungCare programme."
* insert LungCareMetadata
* active MS
* insert Doc(active, Whether this role is active, Whether this practitioner role record is in active use.)
* practitioner 1..1 MS
* practitioner only Reference(LungCarePractitioner)
* insert Doc(practitioner, The practitioner, The practitioner who acts in this role.)
* organization MS
* organization only Reference(LungCareOrganization)
* insert Doc(organization, Organization, The hospital\, practice or pharmacy where the role is performed.)
* code 1..* MS
* code from LungCareHcPartyRoleVS (required)
* insert Doc(code, Profession (cd-hcparty\), The profession of the practitioner in this role\, from the cd-hcparty code system.)
* specialty MS
* insert Doc(specialty, Specialty, Further specialty of the practitioner in this role.)
* telecom MS
* insert Doc(telecom, Contact details in this role, Phone or e-mail for this role.)