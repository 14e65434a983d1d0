CodeSystem: LungCareDiseaseGroupCS
Id: lungcare-disease-group
Title: "LungCare Disease Group"
Description: "Groups of chronic respiratory and related type-2 inflammatory diseases followed in the LungCare programme. Used as Condition.category and CarePlan.category to route and filter care."
* insert LocalCodeSystem
* #asthma "Asthma" "Asthma, any type and severity."
* #asthma insert Designations(Astma, Asthme, Asthma, Asthma)
* #copd "COPD" "Chronic obstructive pulmonary disease."
* #copd insert Designations(COPD, BPCO, COPD, COPD)
* #aco "Asthma-COPD overlap" "Asthma-COPD overlap (ACO)."
* #aco insert Designations(Astma-COPD-overlap, Chevauchement asthme-BPCO, Asthma-COPD-Overlap, Asthma-COPD overlap)
* #severe-type2-asthma "Severe type 2 asthma" "Severe asthma with type 2 (eosinophilic/allergic) inflammation, typically treated with a biologic."
* #severe-type2-asthma insert Designations(Ernstig type 2-astma, Asthme sévère de type 2, Schweres Typ-2-Asthma, Severe type 2 asthma)
* #crswnp "Chronic rhinosinusitis with nasal polyps" "Chronic rhinosinusitis with nasal polyps (CRSwNP)."
* #crswnp insert Designations(Chronische rhinosinusitis met neuspoliepen, Rhinosinusite chronique avec polypes nasaux, Chronische Rhinosinusitis mit Nasenpolypen, Chronic rhinosinusitis with nasal polyps)
* #atopic-dermatitis "Atopic dermatitis" "Atopic dermatitis (atopic eczema)."
* #atopic-dermatitis insert Designations(Atopische dermatitis, Dermatite atopique, Atopische Dermatitis, Atopic dermatitis)
* #allergic-rhinitis "Allergic rhinitis" "Allergic rhinitis."
* #allergic-rhinitis insert Designations(Allergische rinitis, Rhinite allergique, Allergische Rhinitis, Allergic rhinitis)
* #bronchiectasis "Bronchiectasis" "Bronchiectasis (non-cystic fibrosis)."
* #bronchiectasis insert Designations(Bronchiëctasieën, Bronchectasies, Bronchiektasen, Bronchiectasis)
