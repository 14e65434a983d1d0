Profile: LungCarePractitioner
Parent: Practitioner
Id: lungcare-practitioner
Title: "LungCare Practitioner"
Description: "A care professional taking part in a LungCare care team, identified by the NIHDI (RIZIV/INAMI) number when the profession has one."
* insert LungCareMetadata
* insert IdentifierSlicing
* identifier MS
* insert Doc(identifier, Identifiers of the practitioner, NIHDI number and/or SSIN of the practitioner.)
* insert IdentifierSlice(nihdi, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi, 0..1, NIHDI (RIZIV/INAMI\) number, The 11-digit NIHDI number of the care professional (8 digits + 3-digit qualification code\). Used for conditional creates and to match practitioners across systems.)
* identifier[nihdi] obeys lungcare-nihdi-1
* insert IdentifierSlice(ssin, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin, 0..1, SSIN of the practitioner, The SSIN (INSZ/NISS\) of the practitioner\, e.g. for professions without an NIHDI number.)
* identifier[ssin] obeys lungcare-ssin-1
* name 1..* MS
* insert Doc(name, Name of the practitioner, Name of the practitioner.)
* name.family 1..1 MS
* name.given MS
* telecom MS
* insert Doc(telecom, Professional contact details, Professional phone or e-mail address.)
* communication MS
* communication from LungCareLanguageVS (required)
* insert Doc(communication, Languages spoken, Languages the practitioner can use with patients.)