CodeSystem: LungCareObservationCS
Id: lungcare-observation
Title: "LungCare Observation"
Description: "Observation codes of the LungCare programme for measures without a verified LOINC or SNOMED CT code."
* insert LocalCodeSystem
* #feno "Fractional exhaled nitric oxide (FeNO)" "Fractional exhaled nitric oxide at 50 mL/s, in parts per billion."
* #feno insert Designations(Fractie uitgeademd stikstofmonoxide (FeNO\), Fraction expirée du monoxyde d'azote (FeNO\), Fraktioniertes exhaliertes Stickstoffmonoxid (FeNO\), Fractional exhaled nitric oxide (FeNO\))
* #total-ige "Total IgE in serum" "Total immunoglobulin E in serum or plasma, in kU/L."
* #total-ige insert Designations(Totaal IgE in serum, IgE totales sériques, Gesamt-IgE im Serum, Total IgE in serum)
* #cat-total "COPD Assessment Test total score" "Total score of the COPD Assessment Test (CAT), 0-40."
* #cat-total insert Designations(COPD Assessment Test totaalscore, Score total du COPD Assessment Test, COPD Assessment Test Gesamtpunktzahl, COPD Assessment Test total score)
* #exacerbations-12m "Number of exacerbations in the past 12 months" "Number of moderate or severe exacerbations of asthma or COPD in the past 12 months."
* #exacerbations-12m insert Designations(Aantal exacerbaties in de voorbije 12 maanden, Nombre d'exacerbations au cours des 12 derniers mois, Anzahl der Exazerbationen in den letzten 12 Monaten, Number of exacerbations in the past 12 months)
* #bronchodilator-status "Bronchodilator status of the measurement" "Whether the spirometry values were measured before or after a bronchodilator."
* #bronchodilator-status insert Designations(Status bronchodilatatie, Statut bronchodilatateur, Bronchodilatator-Status, Bronchodilator status)
