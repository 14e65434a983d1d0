CodeSystem: LungCareConditionCS
Id: lungcare-condition
Title: "LungCare Condition"
Description: "Conditions of the LungCare programme for which no verified SNOMED CT concept was available. A code is retired here as soon as a verified SNOMED CT concept is adopted."
* insert LocalCodeSystem
* #crswnp "Chronic rhinosinusitis with nasal polyps" "Chronic rhinosinusitis with nasal polyps (CRSwNP); ICD-10 J33."
* #crswnp insert Designations(Chronische rhinosinusitis met neuspoliepen, Rhinosinusite chronique avec polypes nasaux, Chronische Rhinosinusitis mit Nasenpolypen, Chronic rhinosinusitis with nasal polyps)
