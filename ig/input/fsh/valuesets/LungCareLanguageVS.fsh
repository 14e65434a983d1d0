ValueSet: LungCareLanguageVS
Id: lungcare-language
Title: "LungCare Language"
Description: "Languages in which patients are addressed in Belgium: Dutch, French, German and English (BCP-47), with or without the Belgian region subtag."
* insert LungCareMetadata
* $bcp47#nl "Dutch"
* $bcp47#fr "French"
* $bcp47#de "German"
* $bcp47#en "English"
* $bcp47#nl-BE "Dutch (Belgium)"
* $bcp47#fr-BE "French (Belgium)"
* $bcp47#de-BE "German (Belgium)"
