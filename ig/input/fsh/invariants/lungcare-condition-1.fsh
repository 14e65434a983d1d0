// A stage summary is a GOLD grade, GOLD group or GINA step: each classification at most once.
Invariant: lungcare-condition-1
Description: "Each staging classification (GOLD grade, GOLD group, GINA step) is used at most once."
Severity: #error
Expression: "stage.summary.coding.where(system = 'https://fhir.lungcare.be/CodeSystem/lungcare-gold-grade').count() <= 1 and stage.summary.coding.where(system = 'https://fhir.lungcare.be/CodeSystem/lungcare-gold-group').count() <= 1 and stage.summary.coding.where(system = 'https://fhir.lungcare.be/CodeSystem/lungcare-gina-step').count() <= 1"
