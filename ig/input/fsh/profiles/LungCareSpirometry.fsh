Profile: LungCareSpirometry
Parent: Observation
Id: lungcare-spirometry
Title: "LungCare Spirometry"
Description: "A spirometry panel (LOINC 81459-0): FEV1 (unspecified, pre- or post-bronchodilator), FVC, FEV1/FVC ratio and % predicted values as components, plus the bronchodilator status of the session. One panel per session (pre or post)."
* insert LungCareMetadata
* insert LungCareObservationCommon
* code = $loinc#81459-0
* insert Doc(code, Spirometry panel (LOINC 81459-0\), Spirometry panel.)
* value[x] 0..0
* dataAbsentReason 0..0
* hasMember MS
* hasMember ^short = "Separate observations of the session, if any"
* method MS
* insert Doc(method, Method, Spirometry method or device type.)
* component 1..* MS
* insert Doc(component, Spirometry measures, The measures of the session: at least one.)
* component ^slicing.discriminator.type = #pattern
* component ^slicing.discriminator.path = "code"
* component ^slicing.rules = #open
* component ^slicing.ordered = false
* component contains
    bronchodilatorStatus 0..1 MS and
    fev1 0..1 MS and
    fev1PreBronchodilator 0..1 MS and
    fev1PostBronchodilator 0..1 MS and
    fvc 0..1 MS and
    fev1FvcRatio 0..1 MS and
    fev1PercentPredicted 0..1 MS and
    fvcPercentPredicted 0..1 MS
* component[bronchodilatorStatus].code = LungCareObservationCS#bronchodilator-status
* insert Doc(component[bronchodilatorStatus], Pre- or post-bronchodilator, Whether the values of this panel were measured before or after a bronchodilator.)
* component[bronchodilatorStatus].value[x] 1..1
* component[bronchodilatorStatus].value[x] only CodeableConcept
* component[bronchodilatorStatus].valueCodeableConcept from LungCareBronchodilatorStatusVS (required)
* insert SpirometryComponent(fev1, 20150-9, FEV1, L, FEV1 in litres)
* insert SpirometryComponent(fev1PreBronchodilator, 20157-4, FEV1 --pre bronchodilation, L, FEV1 pre-bronchodilator in litres)
* insert SpirometryComponent(fev1PostBronchodilator, 20155-8, FEV1 --post bronchodilation, L, FEV1 post-bronchodilator in litres)
* insert SpirometryComponent(fvc, 19870-5, Forced vital capacity [Volume] Respiratory system, L, FVC in litres)
* insert SpirometryComponent(fev1FvcRatio, 19926-5, FEV1/FVC, %, FEV1/FVC ratio in %)
* insert SpirometryComponent(fev1PercentPredicted, 20152-5, FEV1 measured/predicted, %, FEV1 in % of predicted)
* insert SpirometryComponent(fvcPercentPredicted, 19872-1, FVC measured/predicted, %, FVC in % of predicted)
