Profile: LungCareGoal
Parent: Goal
Id: lungcare-goal
Title: "LungCare Goal"
Description: "A treatment goal in a LungCare care plan, e.g. asthma control (ACT >= 20), low COPD impact (CAT < 10) or no exacerbations."
* insert LungCareMetadata
* lifecycleStatus MS
* insert Doc(lifecycleStatus, proposed | planned | accepted | active | on-hold | completed | cancelled | entered-in-error | rejected, Lifecycle status of the goal.)
* achievementStatus MS
* insert Doc(achievementStatus, in-progress | improving | worsening | no-change | achieved..., Progress towards the goal.)
* category MS
* insert Doc(category, Category, Category of the goal (e.g. LungCare disease group\).)
* description MS
* description from LungCareGoalVS (extensible)
* insert Doc(description, The goal, The goal: a code from the LungCare goal value set when one fits (extensible\)\, with text as needed.)
* subject 1..1 MS
* subject only Reference(LungCarePatient)
* insert Doc(subject, The patient, The patient the goal is for.)
* start[x] MS
* insert Doc(start[x], Start, When pursuit of the goal begins.)
* target MS
* insert Doc(target, Target, Measurable target of the goal.)
* target.measure MS
* target.measure from LungCareGoalMeasureVS (extensible)
* insert Doc(target.measure, Measure (ACT | CAT | mMRC | exacerbations...\), The parameter whose value is targeted.)
* target.detail[x] MS
* insert Doc(target.detail[x], Target value, The target value: a Quantity with a comparator (e.g. >= 20 {score}\) or a Range.)
* target.due[x] MS
* insert Doc(target.due[x], Due date, When the target should be reached.)
* expressedBy MS
* expressedBy only Reference(LungCarePatient or LungCarePractitioner or LungCarePractitionerRole or LungCareRelatedPerson)
* insert Doc(expressedBy, Expressed by, Who set the goal.)
* addresses MS
* addresses only Reference(LungCareCondition or Observation)
* insert Doc(addresses, Conditions addressed, The conditions the goal addresses.)
