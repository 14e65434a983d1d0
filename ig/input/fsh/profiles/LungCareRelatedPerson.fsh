Profile: LungCareRelatedPerson
Parent: RelatedPerson
Id: lungcare-related-person
Title: "LungCare Related Person (informal caregiver)"
Description: "An informal caregiver (mantelzorger / aidant proche) of a LungCare patient: a relative or friend who takes part in the care. Always carries the SNOMED CT caregiver role 133932002, and optionally the family relationship (v3 RoleCode)."
* insert LungCareMetadata
* insert IdentifierSlicing
* identifier MS
* insert Doc(identifier, Identifiers of the caregiver, Identifiers of the caregiver\, e.g. the SSIN.)
* insert IdentifierSlice(ssin, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin, 0..1, SSIN of the caregiver, The SSIN (INSZ/NISS\) of the caregiver.)
* identifier[ssin] obeys lungcare-ssin-1
* active MS
* insert Doc(active, Whether the caregiver is active, Whether this caregiver record is in active use.)
* patient MS
* patient only Reference(LungCarePatient)
* insert Doc(patient, The patient cared for, The LungCare patient this person cares for.)
* relationship 1..* MS
* insert Doc(relationship, Caregiver role and relationship, The informal caregiver role (mandatory\) and optionally the family relationship to the patient (v3 RoleCode\, e.g. SPS spouse\, MTH mother\).)
* insert CodeableConceptPatternSlicing(relationship)
* relationship contains caregiver 1..1 MS
* relationship[caregiver] = $sct#133932002
* insert Doc(relationship[caregiver], Informal caregiver, The role of informal caregiver (SNOMED CT 133932002 Caregiver\).)
* name 1..* MS
* insert Doc(name, Name of the caregiver, Name of the caregiver.)
* telecom MS
* insert Doc(telecom, Contact details, Phone or e-mail of the caregiver.)
* communication MS
* communication.language from LungCareLanguageVS (required)
* insert Doc(communication, Languages, Languages the caregiver can use.)