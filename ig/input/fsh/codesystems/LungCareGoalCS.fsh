CodeSystem: LungCareGoalCS
Id: lungcare-goal
Title: "LungCare Goal"
Description: "Typical treatment goals in the care plans of the LungCare programme."
* insert LocalCodeSystem
* #asthma-controlled "Asthma well controlled (ACT >= 20)" "Asthma is well controlled: Asthma Control Test total score of 20 or more."
* #asthma-controlled insert Designations(Astma onder controle (ACT >= 20\), Asthme contrôlé (ACT >= 20\), Asthma kontrolliert (ACT >= 20\), Asthma well controlled (ACT >= 20\))
* #copd-low-impact "Low COPD impact (CAT < 10)" "Low impact of COPD on daily life: COPD Assessment Test total score below 10."
* #copd-low-impact insert Designations(Lage impact van COPD (CAT < 10\), Faible impact de la BPCO (CAT < 10\), Geringe COPD-Belastung (CAT < 10\), Low COPD impact (CAT < 10\))
* #no-exacerbations "No exacerbations" "No moderate or severe exacerbation during the goal period."
* #no-exacerbations insert Designations(Geen exacerbaties, Aucune exacerbation, Keine Exazerbationen, No exacerbations)
* #eczema-controlled "Eczema under control" "Atopic dermatitis under control (no flares requiring escalation of therapy)."
* #eczema-controlled insert Designations(Eczeem onder controle, Eczéma contrôlé, Ekzem unter Kontrolle, Eczema under control)
* #smoking-cessation "Smoking cessation" "The patient stops smoking."
* #smoking-cessation insert Designations(Rookstop, Arrêt tabagique, Rauchstopp, Smoking cessation)
* #physical-activity "Improved physical activity" "The patient reaches an agreed level of daily physical activity."
* #physical-activity insert Designations(Meer fysieke activiteit, Activité physique accrue, Mehr körperliche Aktivität, Improved physical activity)
