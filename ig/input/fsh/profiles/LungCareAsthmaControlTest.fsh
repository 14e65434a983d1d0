Profile: LungCareAsthmaControlTest
Parent: Observation
Id: lungcare-asthma-control-test
Title: "LungCare Asthma Control Test (ACT)"
Description: "Total score of the Asthma Control Test (LOINC 82668-5), 5-25 (invariant lungcare-act-1). 20-25: well controlled; 16-19: not well controlled; 5-15: very poorly controlled."
* insert LungCareMetadata
* obeys lungcare-act-1
* insert ScoreObservation($loinc#82668-5, ACT total score (LOINC 82668-5\))
* code ^definition = "Asthma Control Test total score (LOINC 82668-5, member of panel 82674-3)."
* value[x] ^definition = "The ACT total score, an integer between 5 and 25."
