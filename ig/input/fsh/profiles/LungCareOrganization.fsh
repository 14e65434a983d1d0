Profile: LungCareOrganization
Parent: Organization
Id: lungcare-organization
Title: "LungCare Organization"
Description: "A care organization in the LungCare programme (hospital, GP practice, pharmacy, home-care organization), identified by its NIHDI organization number and/or its CBE (KBO/BCE) enterprise number."
* insert LungCareMetadata
* insert IdentifierSlicing
* identifier 1..* MS
* insert Doc(identifier, Identifiers of the organization, NIHDI organization number and/or CBE enterprise number; at least one identifier is required.)
* insert IdentifierSlice(nihdi, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization, 0..1, NIHDI organization number, The NIHDI (RIZIV/INAMI\) number of the care organization.)
* identifier[nihdi] obeys lungcare-nihdi-org-1
* insert IdentifierSlice(cbe, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe, 0..1, CBE (KBO/BCE\) enterprise number, The 10-digit enterprise number of the Crossroads Bank for Enterprises.)
* identifier[cbe] obeys lungcare-cbe-1
* active MS
* insert Doc(active, Whether the organization is active, Whether the organization record is in active use.)
* type MS
* insert Doc(type, Kind of organization, Kind of organization (e.g. prov = healthcare provider\).)
* name 1..1 MS
* insert Doc(name, Name of the organization, Name of the organization as used in the relevant language.)
* telecom MS
* insert Doc(telecom, Contact details, Phone or e-mail of the organization.)
* address MS
* insert Doc(address, Address, Address of the organization.)