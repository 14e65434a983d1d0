CodeSystem: LungCareGoldGradeCS
Id: lungcare-gold-grade
Title: "LungCare GOLD Grade"
Description: "GOLD spirometric grade of airflow limitation in COPD (post-bronchodilator FEV1/FVC < 0.70), by FEV1 % predicted. No standard code exists."
* insert LocalCodeSystem
* #gold-1 "GOLD 1 (mild)" "FEV1 >= 80 % predicted."
* #gold-1 insert Designations(GOLD 1 (licht\), GOLD 1 (léger\), GOLD 1 (leicht\), GOLD 1 (mild\))
* #gold-2 "GOLD 2 (moderate)" "50 % <= FEV1 < 80 % predicted."
* #gold-2 insert Designations(GOLD 2 (matig\), GOLD 2 (modéré\), GOLD 2 (mittelgradig\), GOLD 2 (moderate\))
* #gold-3 "GOLD 3 (severe)" "30 % <= FEV1 < 50 % predicted."
* #gold-3 insert Designations(GOLD 3 (ernstig\), GOLD 3 (sévère\), GOLD 3 (schwer\), GOLD 3 (severe\))
* #gold-4 "GOLD 4 (very severe)" "FEV1 < 30 % predicted."
* #gold-4 insert Designations(GOLD 4 (zeer ernstig\), GOLD 4 (très sévère\), GOLD 4 (sehr schwer\), GOLD 4 (very severe\))
