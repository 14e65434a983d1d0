ValueSet: LungCareLanguageVS
Id: lungcare-language
Title: "LungCare Language"
Description: "Languages in which patients are addressed in Belgium: Dutch, French, German and English (BCP-47). Dutch and French may carry the Belgian region subtag (nl-BE, fr-BE); German is coded de, because the base FHIR R4 binding (http://hl7.org/fhir/ValueSet/languages), which validators also check, has no de-BE."
* insert LungCareMetadata
* $bcp47#nl "Dutch"
* $bcp47#fr "French"
* $bcp47#de "German"
* $bcp47#en "English"
* $bcp47#nl-BE "Dutch (Belgium)"
* $bcp47#fr-BE "French (Belgium)"
