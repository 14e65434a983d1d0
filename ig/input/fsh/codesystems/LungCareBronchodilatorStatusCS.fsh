CodeSystem: LungCareBronchodilatorStatusCS
Id: lungcare-bronchodilator-status
Title: "LungCare Bronchodilator Status"
Description: "Whether a spirometry was done before or after administration of a bronchodilator."
* insert LocalCodeSystem
* #pre "Pre-bronchodilator" "Measured before administration of a bronchodilator."
* #pre insert Designations(Voor bronchodilatatie, Avant bronchodilatateur, Vor Bronchodilatation, Pre-bronchodilator)
* #post "Post-bronchodilator" "Measured after administration of a bronchodilator."
* #post insert Designations(Na bronchodilatatie, Après bronchodilatateur, Nach Bronchodilatation, Post-bronchodilator)
