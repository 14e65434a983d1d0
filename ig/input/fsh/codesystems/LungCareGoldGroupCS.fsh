CodeSystem: LungCareGoldGroupCS
Id: lungcare-gold-group
Title: "LungCare GOLD Group"
Description: "GOLD ABE assessment group of COPD (GOLD 2023 and later), from symptoms (mMRC/CAT) and exacerbation history. No standard code exists."
* insert LocalCodeSystem
* #A "GOLD group A" "0-1 moderate exacerbations (not leading to hospital admission) and mMRC 0-1 / CAT < 10."
* #A insert Designations(GOLD-groep A, Groupe GOLD A, GOLD-Gruppe A, GOLD group A)
* #B "GOLD group B" "0-1 moderate exacerbations (not leading to hospital admission) and mMRC >= 2 / CAT >= 10."
* #B insert Designations(GOLD-groep B, Groupe GOLD B, GOLD-Gruppe B, GOLD group B)
* #E "GOLD group E" ">= 2 moderate exacerbations or >= 1 leading to hospitalisation."
* #E insert Designations(GOLD-groep E, Groupe GOLD E, GOLD-Gruppe E, GOLD group E)
