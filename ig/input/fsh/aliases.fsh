// ---------------------------------------------------------------------------
// Aliases for external code systems and identifier systems
// ---------------------------------------------------------------------------
Alias: $sct = http://snomed.info/sct
Alias: $loinc = http://loinc.org
Alias: $icd10 = http://hl7.org/fhir/sid/icd-10
Alias: $ucum = http://unitsofmeasure.org
Alias: $bcp47 = urn:ietf:bcp:47
Alias: $atc = http://www.whocc.no/atc

// Belgian (BeCore) systems - always the form with the /core/ segment
Alias: $hcparty = https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty
Alias: $ssin = https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin
Alias: $nihdi = https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi
Alias: $nihdi-org = https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi-organization
Alias: $cbe = https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/cbe

// HL7 terminology (part of FHIR R4 core)
Alias: $condition-clinical = http://terminology.hl7.org/CodeSystem/condition-clinical
Alias: $condition-ver-status = http://terminology.hl7.org/CodeSystem/condition-ver-status
Alias: $condition-category = http://terminology.hl7.org/CodeSystem/condition-category
Alias: $observation-category = http://terminology.hl7.org/CodeSystem/observation-category
Alias: $v3-RoleCode = http://terminology.hl7.org/CodeSystem/v3-RoleCode
Alias: $goal-achievement = http://terminology.hl7.org/CodeSystem/goal-achievement
Alias: $organization-type = http://terminology.hl7.org/CodeSystem/organization-type
