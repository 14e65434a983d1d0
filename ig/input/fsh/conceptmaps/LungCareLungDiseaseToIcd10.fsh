// ConceptMap from the LungCare lung-disease codes (SNOMED CT + local) to ICD-10 (WHO).
// Equivalence is read from source to target: "wider" = the ICD-10 code is broader.
RuleSet: Map(code, display, target, targetDisplay, equivalence)
* group[=].element[+].code = #{code}
* group[=].element[=].display = "{display}"
* group[=].element[=].target[0].code = #{target}
* group[=].element[=].target[0].display = "{targetDisplay}"
* group[=].element[=].target[0].equivalence = #{equivalence}

Instance: LungCareLungDiseaseToIcd10
InstanceOf: ConceptMap
Usage: #definition
Title: "LungCare Lung Disease to ICD-10"
Description: "Maps the LungCare lung-disease codes (SNOMED CT, and the local code for CRSwNP) to ICD-10 (WHO), e.g. to add the ICD-10 coding beside the SNOMED CT code of a LungCareCondition."
* id = "lungcare-lung-disease-to-icd10"
* name = "LungCareLungDiseaseToIcd10"
* title = "LungCare Lung Disease to ICD-10"
* status = #active
* experimental = false
* publisher = "LungCare FHIR project"
* sourceCanonical = Canonical(LungCareLungDiseaseVS)
* targetCanonical = Canonical(LungCareLungDiseaseIcd10VS)
* group[+].source = $sct
* group[=].target = $icd10
* insert Map(195967001, Asthma, J45.9, Asthma\, unspecified, equivalent)
* insert Map(389145006, Allergic asthma, J45.0, Predominantly allergic asthma, equivalent)
* insert Map(266361008, Non-allergic asthma, J45.1, Nonallergic asthma, equivalent)
* insert Map(195977004, Mixed asthma, J45.8, Mixed asthma, equivalent)
* insert Map(367542003, Eosinophilic asthma, J45.9, Asthma\, unspecified, wider)
* insert Map(370221004, Severe asthma, J45.9, Asthma\, unspecified, wider)
* insert Map(426656000, Severe persistent asthma, J45.9, Asthma\, unspecified, wider)
* insert Map(233678006, Childhood asthma, J45.9, Asthma\, unspecified, wider)
* insert Map(10692761000119107, Asthma-chronic obstructive pulmonary disease overlap syndrome, J44.8, Other specified chronic obstructive pulmonary disease, wider)
* group[=].element[=].target[0].comment = "ICD-10 has no code for asthma-COPD overlap: code J44.8 and add J45.x for the asthma component."
* insert Map(13645005, Chronic obstructive lung disease, J44.9, Chronic obstructive pulmonary disease\, unspecified, equivalent)
* insert Map(12295008, Bronchiectasis, J47, Bronchiectasis, equivalent)
* insert Map(24079001, Atopic dermatitis, L20.9, Atopic dermatitis\, unspecified, equivalent)
* insert Map(61582004, Allergic rhinitis, J30.4, Allergic rhinitis\, unspecified, equivalent)
* group[+].source = Canonical(LungCareConditionCS)
* group[=].target = $icd10
* insert Map(crswnp, Chronic rhinosinusitis with nasal polyps, J33.9, Nasal polyp\, unspecified, wider)
