Profile: LungCareBiomarker
Parent: Observation
Id: lungcare-biomarker
Title: "LungCare Biomarker"
Description: "A type-2 inflammation biomarker: blood eosinophil count (LOINC 26449-9, 10*9/L), total IgE (kU/L) or FeNO (ppb). IgE and FeNO use local codes (no verified LOINC code)."
* insert LungCareMetadata
* insert LungCareObservationCommon
* code from LungCareBiomarkerCodeVS (required)
* insert Doc(code, Eosinophils | total IgE | FeNO, The biomarker measured.)
* value[x] MS
* value[x] only Quantity
* insert Doc(value[x], Result, The result as a UCUM quantity: 10*9/L (eosinophils\)\, k[IU]/L (IgE\)\, [ppb] (FeNO\).)
* valueQuantity.system 1..1
* valueQuantity.system = $ucum (exactly)
* valueQuantity.code 1..1
* dataAbsentReason MS
* insert Doc(dataAbsentReason, Why the result is missing, Reason the result is missing.)
* interpretation MS
* insert Doc(interpretation, Interpretation, High | normal | low.)
* referenceRange MS
* insert Doc(referenceRange, Reference range, Reference range of the laboratory.)
* specimen MS
* specimen ^short = "Specimen (blood/serum), for laboratory results"
