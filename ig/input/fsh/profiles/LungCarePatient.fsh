Profile: LungCarePatient
Parent: Patient
Id: lungcare-patient
Title: "LungCare Patient"
Description: "A patient followed in the LungCare programme. Identified by the Belgian SSIN (INSZ/NISS) or BIS number, or both (one of each at most: invariant lungcare-ssin-3), each with a full format and check-digit validation (lungcare-ssin-1) and in agreement with the birth date, with the check-digit rule of the birth century (lungcare-ssin-2)."
* insert LungCareMetadata
* obeys lungcare-ssin-2 and lungcare-ssin-3
// --- identifiers -----------------------------------------------------------
* insert IdentifierSlicing
* identifier 1..* MS
* insert Doc(identifier, Patient identifiers, Identifiers of the patient. The SSIN (INSZ/NISS\) or BIS number is mandatory\, and a BIS number may be given beside the SSIN; other identifiers (e.g. hospital patient numbers\) may be added.)
* insert IdentifierSlice(ssin, https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin, 1..2, SSIN (INSZ/NISS\) and/or BIS number, The Belgian social security identification number (national register number\) or BIS number of the patient\, or both: at most one national register number (month 00-12\) and at most one BIS number (month + 20 or + 40\) (lungcare-ssin-3\). Each has valid check digits (lungcare-ssin-1\) and agrees with birthDate\, with the check-digit rule of the birth century (lungcare-ssin-2\). Required because the eHealth consent and therapeutic relationships are keyed on it.)
* identifier[ssin] obeys lungcare-ssin-1
// --- demographics ----------------------------------------------------------
* name 1..* MS
* insert Doc(name, Name of the patient, The official name of the patient as in the national register.)
* name.family 1..1 MS
* name.family ^short = "Family name"
* name.given 1..* MS
* name.given ^short = "Given name(s)"
* gender 1..1 MS
* insert Doc(gender, Administrative gender, Administrative gender of the patient (male | female | other | unknown\).)
* birthDate 1..1 MS
* insert Doc(birthDate, Date of birth, Date of birth of the patient (a year or year-month is allowed when the rest is unknown\). Every SSIN and BIS number agrees with it (lungcare-ssin-2\): YYMMDD (BIS month + 20 or + 40; 00 = unknown month or day\) and the check-digit rule of the birth century (before 2000 or from 2000\).)
* telecom MS
* insert Doc(telecom, Phone/e-mail, Contact details of the patient.)
* address MS
* insert Doc(address, Address, Home address of the patient.)
* communication MS
* insert Doc(communication, Preferred languages, Languages in which the patient wants to be addressed.)
* communication.language MS
* communication.language from LungCareLanguageVS (required)
* insert Doc(communication.language, nl | fr | de | en, Language of the patient: Dutch\, French\, German or English (BCP-47\, optionally with -BE\).)
* communication.preferred MS
* insert Doc(communication.preferred, Preferred language, True for the language the patient prefers.)
* generalPractitioner MS
* generalPractitioner only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCareOrganization)
* insert Doc(generalPractitioner, General practitioner (GMD/DMG holder\), The general practitioner managing the global medical file (GMD/DMG\) of the patient\, or the GP practice.)