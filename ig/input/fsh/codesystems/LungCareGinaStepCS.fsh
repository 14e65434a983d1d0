CodeSystem: LungCareGinaStepCS
Id: lungcare-gina-step
Title: "LungCare GINA Step"
Description: "GINA treatment step of asthma (1 to 5). No standard code exists."
* insert LocalCodeSystem
* #step-1 "GINA step 1" "GINA treatment step 1."
* #step-1 insert Designations(GINA-stap 1, GINA palier 1, GINA-Stufe 1, GINA step 1)
* #step-2 "GINA step 2" "GINA treatment step 2."
* #step-2 insert Designations(GINA-stap 2, GINA palier 2, GINA-Stufe 2, GINA step 2)
* #step-3 "GINA step 3" "GINA treatment step 3."
* #step-3 insert Designations(GINA-stap 3, GINA palier 3, GINA-Stufe 3, GINA step 3)
* #step-4 "GINA step 4" "GINA treatment step 4."
* #step-4 insert Designations(GINA-stap 4, GINA palier 4, GINA-Stufe 4, GINA step 4)
* #step-5 "GINA step 5" "GINA treatment step 5 (add-on treatment, e.g. biologics; refer for phenotypic assessment)."
* #step-5 insert Designations(GINA-stap 5, GINA palier 5, GINA-Stufe 5, GINA step 5)
