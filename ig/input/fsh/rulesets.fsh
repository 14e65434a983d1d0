// ---------------------------------------------------------------------------
// Reusable rule sets
// ---------------------------------------------------------------------------

// Common metadata of every LungCare conformance artefact
RuleSet: LungCareMetadata
* ^status = #active
* ^experimental = false
* ^publisher = "LungCare FHIR project"
* ^jurisdiction = urn:iso:std:iso:3166#BE "Belgium"

// Documents an element: short label + definition
RuleSet: Doc(path, short, definition)
* {path} ^short = "{short}"
* {path} ^definition = "{definition}"

// Open slicing of an identifier array on the system
RuleSet: IdentifierSlicing
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "Slice based on the identifier system (BeCore NamingSystems)"
* identifier ^slicing.ordered = false

// One identifier slice with a fixed system and a mandatory value
RuleSet: IdentifierSlice(slice, system, card, short, definition)
* identifier contains {slice} {card} MS
* identifier[{slice}] ^short = "{short}"
* identifier[{slice}] ^definition = "{definition}"
* identifier[{slice}].system 1..1 MS
* identifier[{slice}].system = "{system}" (exactly)
* identifier[{slice}].value 1..1 MS
* identifier[{slice}].value ^short = "The identifier value, digits only (no dots, dashes or spaces)"

// Open slicing of a CodeableConcept array on the whole concept (pattern on $this)
RuleSet: CodeableConceptPatternSlicing(path)
* {path} ^slicing.discriminator.type = #pattern
* {path} ^slicing.discriminator.path = "$this"
* {path} ^slicing.rules = #open
* {path} ^slicing.ordered = false

// Designations of a code (nl-BE, fr-BE, de, en). Use as a path insert on a concept of a
// CodeSystem or ValueSet:  * #code insert Designations(nl, fr, de, en)
RuleSet: Designations(nl, fr, de, en)
* ^designation[0].language = #nl-BE
* ^designation[0].value = "{nl}"
* ^designation[1].language = #fr-BE
* ^designation[1].value = "{fr}"
* ^designation[2].language = #de
* ^designation[2].value = "{de}"
* ^designation[3].language = #en
* ^designation[3].value = "{en}"

// Metadata of a complete local code system
RuleSet: LocalCodeSystem
* insert LungCareMetadata
* ^caseSensitive = true
* ^content = #complete
* ^language = #en

// Common elements of every LungCare Observation profile
RuleSet: LungCareObservationCommon
* status MS
* status ^short = "registered | preliminary | final | amended (final for a validated result)"
* category 1..* MS
* category ^short = "Observation category (laboratory, exam, survey...)"
* code MS
* subject 1..1 MS
* subject only Reference(LungCarePatient)
* subject ^short = "The patient the observation is about"
* effective[x] 1..1 MS
* effective[x] only dateTime or Period
* effective[x] ^short = "When the measurement/assessment was done"
* performer MS
* performer only Reference(LungCarePractitioner or LungCarePractitionerRole or LungCareOrganization or LungCarePatient or LungCareRelatedPerson)
* performer ^short = "Who performed or is responsible for the result"

// Score observation: integer score as Quantity with unit {score}
RuleSet: ScoreObservation(code, short)
* insert LungCareObservationCommon
* category ^short = "Use survey (observation-category) for questionnaire scores"
* code = {code}
* code ^short = "{short}"
* value[x] 1..1 MS
* value[x] only Quantity
* valueQuantity.value 1..1 MS
* valueQuantity.value ^short = "The total score (an integer)"
* valueQuantity.system 1..1
* valueQuantity.system = $ucum (exactly)
* valueQuantity.code 1..1
* valueQuantity.code = #{score} (exactly)
* valueQuantity.unit ^short = "score"
* interpretation MS
* derivedFrom MS
* derivedFrom ^short = "The QuestionnaireResponse with the item answers, if available"
* component 0..0
* hasMember 0..0

// Spirometry component slice: fixed LOINC code, Quantity value with a fixed UCUM unit
RuleSet: SpirometryComponent(slice, loinc, display, unit, short)
* component[{slice}] 0..1 MS
* component[{slice}] ^short = "{short}"
* component[{slice}] ^definition = "{short} (LOINC {loinc})."
* component[{slice}].code = $loinc#{loinc} "{display}"
* component[{slice}].value[x] 1..1
* component[{slice}].value[x] only Quantity
* component[{slice}].valueQuantity.system = $ucum (exactly)
* component[{slice}].valueQuantity.code = #{unit} (exactly)

// ---------------------------------------------------------------------------
// Rule sets for the example transaction bundles
// ---------------------------------------------------------------------------

// Transaction bundle header
RuleSet: TransactionBundle
* type = #transaction

// Entry created unconditionally (POST)
RuleSet: EntryPost(uuid, resource, type)
* entry[+].fullUrl = "urn:uuid:{uuid}"
* entry[=].resource = {resource}
* entry[=].request.method = #POST
* entry[=].request.url = "{type}"

// Entry created only if no resource matches the query (conditional create, POST + ifNoneExist)
RuleSet: EntryPostIfNoneExist(uuid, resource, type, query)
* entry[+].fullUrl = "urn:uuid:{uuid}"
* entry[=].resource = {resource}
* entry[=].request.method = #POST
* entry[=].request.url = "{type}"
* entry[=].request.ifNoneExist = "{query}"

// Entry created or updated through a conditional URL (conditional update, PUT)
RuleSet: EntryPutConditional(uuid, resource, type, query)
* entry[+].fullUrl = "urn:uuid:{uuid}"
* entry[=].resource = {resource}
* entry[=].request.method = #PUT
* entry[=].request.url = "{type}?{query}"

// A Belgian practitioner with an NIHDI number
RuleSet: ExPractitioner(nihdi, family, given, prefix, language)
* identifier[nihdi].value = "{nihdi}"
* active = true
* name[0].use = #official
* name[0].family = "{family}"
* name[0].given[0] = "{given}"
* name[0].prefix[0] = "{prefix}"
* communication[0] = $bcp47#{language}

// A practitioner role (cd-hcparty) for an organization
RuleSet: ExPractitionerRole(practitionerUuid, organizationUuid, hcparty, display)
* active = true
* practitioner.reference = "urn:uuid:{practitionerUuid}"
* organization.reference = "urn:uuid:{organizationUuid}"
* code[0] = $hcparty#{hcparty} "{display}"

// A care team participant: professional (cd-hcparty role)
RuleSet: ExProfessional(hcparty, display, memberUuid, nihdi)
* participant[+].role = $hcparty#{hcparty} "{display}"
* participant[=].member.reference = "urn:uuid:{memberUuid}"
* participant[=].member.identifier.system = $nihdi
* participant[=].member.identifier.value = "{nihdi}"

// A care team participant: the patient
RuleSet: ExPatientMember(memberUuid)
* participant[+].role = $sct#116154003 "Patient"
* participant[=].member.reference = "urn:uuid:{memberUuid}"

// A care team participant: an informal caregiver
RuleSet: ExCaregiverMember(memberUuid)
* participant[+].role = $sct#133932002 "Caregiver"
* participant[=].member.reference = "urn:uuid:{memberUuid}"

// Score observation values
RuleSet: ExScore(patientUuid, date, score)
* status = #final
* category[0] = $observation-category#survey "Survey"
* subject.reference = "urn:uuid:{patientUuid}"
* effectiveDateTime = "{date}"
* valueQuantity.value = {score}
* valueQuantity.unit = "score"

// Quantity with UCUM unit
RuleSet: ExQuantity(path, value, unit)
* {path}.value = {value}
* {path}.unit = "{unit}"
* {path}.system = $ucum
* {path}.code = #{unit}
