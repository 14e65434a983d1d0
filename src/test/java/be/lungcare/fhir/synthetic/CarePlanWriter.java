package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.ClinicalCase.Diagnosis;
import be.lungcare.fhir.synthetic.Phrases.Activity;
import be.lungcare.fhir.synthetic.Terminology.GoalKind;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Goal;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.ServiceRequest;
import org.hl7.fhir.r4.model.Task;

/**
 * The care plan of a patient (LungCareCarePlan): 1-2 goals (LungCareGoal) and 1-4 activities, each a
 * MedicationRequest, ServiceRequest or Task referenced from activity.reference, as in the IG examples.
 */
final class CarePlanWriter {

	private static final int MAX_ACTIVITIES = 4;

	private final PatientRecord.Context context;
	private final PatientRecord record;
	private final Terminology t;
	private final ClinicalCase clinical;

	CarePlanWriter(PatientRecord.Context context, PatientRecord record) {
		this.context = context;
		this.record = record;
		this.t = context.t();
		this.clinical = context.clinical();
	}

	void write(String careTeamUrl) {
		List<String> goals = goals();
		List<String> activities = activities();

		CarePlan plan = new CarePlan();
		plan.getMeta().addProfile(t.carePlanProfile);
		plan.setStatus(CarePlan.CarePlanStatus.ACTIVE);
		plan.setIntent(CarePlan.CarePlanIntent.PLAN);
		plan.addCategory(Terminology.cc(t.carePlanCategory));
		Set<String> groups = new LinkedHashSet<>();
		for (Diagnosis diagnosis : clinical.diagnoses) {
			if (groups.add(diagnosis.disease().group)) {
				plan.addCategory(Terminology.cc(t.diseaseGroup(diagnosis.disease())));
			}
		}
		plan.setTitle(Phrases.carePlanTitle(context.lang(), record.groupNames()));
		plan.getSubject().setReference(context.patientUrl());
		plan.getPeriod().setStartElement(new DateTimeType(clinical.followUpStart.toString()));
		plan.setCreatedElement(new DateTimeType(clinical.followUpStart.toString()));
		plan.getAuthor().setReference(record.coordinatorUrl());
		plan.addCareTeam().setReference(careTeamUrl);
		clinical.diagnoses.forEach(d -> plan.addAddresses().setReference(record.conditionUrl(d)));
		ObservationWriter.Latest latest = record.latest();
		for (String observation : new String[] {latest.spirometry, latest.act, latest.cat}) {
			if (observation != null) {
				plan.addSupportingInfo().setReference(observation);
			}
		}
		goals.forEach(goal -> plan.addGoal().setReference(goal));
		activities.forEach(activity -> plan.addActivity().getReference().setReference(activity));
		context.post(plan);
	}

	// --- goals -------------------------------------------------------------------------------------------------

	private List<String> goals() {
		List<String> goals = new ArrayList<>();
		Diagnosis primary = clinical.primary();
		Diagnosis asthma = clinical.find(Disease::isAsthma);
		GoalKind first;
		Diagnosis addressed = primary;
		if (primary.disease().isCopd()) {
			first = GoalKind.COPD_LOW_IMPACT;
		} else if (primary.disease().isAsthma()) {
			first = context.child() ? GoalKind.NO_EXACERBATIONS : GoalKind.ASTHMA_CONTROLLED;
		} else if (primary.disease() == Disease.ATOPIC_DERMATITIS) {
			first = GoalKind.ECZEMA_CONTROLLED;
		} else if (primary.disease() == Disease.BRONCHIECTASIS) {
			first = GoalKind.NO_EXACERBATIONS;
		} else if (asthma != null) {
			first = GoalKind.ASTHMA_CONTROLLED;
			addressed = asthma;
		} else {
			first = null; // rhinitis or nasal polyps only: no goal code of the IG fits
		}
		goals.add(goal(first, addressed));

		if (context.rnd().nextInt(100) < 60) {
			Diagnosis eczema = clinical.find(d -> d == Disease.ATOPIC_DERMATITIS);
			if (clinical.smoker) {
				goals.add(goal(GoalKind.SMOKING_CESSATION, primary));
			} else if (eczema != null && first != GoalKind.ECZEMA_CONTROLLED) {
				goals.add(goal(GoalKind.ECZEMA_CONTROLLED, eczema));
			} else if (primary.disease().isCopd()) {
				goals.add(goal(GoalKind.PHYSICAL_ACTIVITY, primary));
			} else if (asthma != null && first != GoalKind.NO_EXACERBATIONS) {
				goals.add(goal(GoalKind.NO_EXACERBATIONS, asthma));
			}
		}
		return goals;
	}

	private String goal(GoalKind kind, Diagnosis addresses) {
		ObservationWriter.Latest latest = record.latest();
		Goal goal = new Goal();
		goal.getMeta().addProfile(t.goalProfile);
		goal.setLifecycleStatus(Goal.GoalLifecycleStatus.ACTIVE);
		goal.setDescription(kind == null ? new CodeableConcept().setText(Phrases.sinonasalGoal(context.lang()))
				: Terminology.cc(t.goal(kind)));
		goal.getSubject().setReference(context.patientUrl());
		goal.setStart(new DateType(clinical.followUpStart.toString()));
		LocalDate due = context.referenceDate().plusMonths(3 + context.rnd().nextInt(7));
		boolean achieved = false;
		if (kind == GoalKind.ASTHMA_CONTROLLED) {
			goal.addTarget().setMeasure(Terminology.cc(t.actMeasure)).setDetail(score(20, Quantity.QuantityComparator.GREATER_OR_EQUAL));
			achieved = latest.act != null && latest.actScore >= 20;
		} else if (kind == GoalKind.COPD_LOW_IMPACT) {
			goal.addTarget().setMeasure(Terminology.cc(t.catMeasure)).setDetail(score(10, Quantity.QuantityComparator.LESS_THAN));
			achieved = latest.cat != null && latest.catScore < 10;
		} else if (kind == GoalKind.NO_EXACERBATIONS) {
			goal.addTarget().setMeasure(Terminology.cc(t.exacerbationsMeasure)).setDetail(new IntegerType(0));
		} else {
			goal.addTarget();
		}
		goal.getTargetFirstRep().setDue(new DateType(due.toString()));
		if (kind == GoalKind.ASTHMA_CONTROLLED || kind == GoalKind.COPD_LOW_IMPACT) {
			goal.setAchievementStatus(achieved ? Terminology.cc(Terminology.GOAL_ACHIEVEMENT, "achieved", "Achieved")
					: Terminology.cc(Terminology.GOAL_ACHIEVEMENT, "in-progress", "In Progress"));
		}
		goal.addAddresses().setReference(record.conditionUrl(addresses));
		return context.post(goal);
	}

	private static Quantity score(int value, Quantity.QuantityComparator comparator) {
		return new Quantity().setValue(value).setComparator(comparator).setUnit("score").setSystem(Terminology.UCUM)
				.setCode("{score}");
	}

	// --- activities --------------------------------------------------------------------------------------------

	/** Medication of the main condition first, then referrals and tasks, then medication of the others. */
	private List<String> activities() {
		List<String> activities = new ArrayList<>();
		Set<Medication> prescribed = new LinkedHashSet<>();
		Diagnosis primary = clinical.primary();
		medication(primary, prescribed, activities);

		Diagnosis copd = clinical.find(Disease::isCopd);
		Diagnosis asthma = clinical.find(Disease::isAsthma);
		Diagnosis bronchiectasis = clinical.find(d -> d == Disease.BRONCHIECTASIS);
		Diagnosis polyps = clinical.find(d -> d == Disease.CRSWNP);
		Diagnosis eczema = clinical.find(d -> d == Disease.ATOPIC_DERMATITIS);
		if (copd != null && !copd.goldGroup().equals("A") && record.inTeam(Role.RESPIRATORY_PHYSIOTHERAPIST)) {
			referral(Activity.PULMONARY_REHABILITATION, copd, Role.RESPIRATORY_PHYSIOTHERAPIST, activities);
		}
		if (clinical.smoker) {
			referral(Activity.SMOKING_CESSATION, primary, null, activities);
		}
		if (bronchiectasis != null && record.inTeam(Role.RESPIRATORY_PHYSIOTHERAPIST)) {
			referral(Activity.AIRWAY_CLEARANCE, bronchiectasis, Role.RESPIRATORY_PHYSIOTHERAPIST, activities);
		}
		if (polyps != null && record.inTeam(Role.ENT)) {
			referral(Activity.ENT_FOLLOW_UP, polyps, Role.ENT, activities);
		}
		if (eczema != null && record.inTeam(Role.DERMATOLOGIST) && eczema != primary) {
			referral(Activity.DERMATOLOGY_FOLLOW_UP, eczema, Role.DERMATOLOGIST, activities);
		}
		if (record.inTeam(Role.DIETICIAN)) {
			referral(Activity.DIET_ADVICE, primary, Role.DIETICIAN, activities);
		}
		if (record.inTeam(Role.NURSE)) {
			if (context.child()) {
				task(Activity.SCHOOL_ACTION_PLAN, Role.NURSE, activities);
			} else {
				referral(Activity.HOME_NURSING, primary, Role.NURSE, activities);
			}
		}
		if (record.inTeam(Role.PHARMACIST) && (asthma != null || copd != null)) {
			task(Activity.INHALER_CHECK, Role.PHARMACIST, activities);
		}
		for (Diagnosis other : clinical.diagnoses.subList(1, clinical.diagnoses.size())) {
			medication(other, prescribed, activities);
		}
		return activities;
	}

	private void medication(Diagnosis diagnosis, Set<Medication> prescribed, List<String> activities) {
		Medication medication = medicationFor(diagnosis);
		if (medication == null || activities.size() >= MAX_ACTIVITIES || !prescribed.add(medication)) {
			return;
		}
		MedicationRequest request = new MedicationRequest();
		request.setStatus(MedicationRequest.MedicationRequestStatus.ACTIVE);
		request.setIntent(MedicationRequest.MedicationRequestIntent.ORDER);
		request.setMedication(Terminology.cc(Terminology.ATC, medication.atc, medication.display));
		request.getSubject().setReference(context.patientUrl());
		request.setAuthoredOnElement(new DateTimeType(start(diagnosis).toString()));
		request.getRequester().setReference(record.specialistUrl(diagnosis.disease()));
		request.addReasonReference().setReference(record.conditionUrl(diagnosis));
		request.addDosageInstruction().setText(medication.dosage.text(context.lang()));
		activities.add(context.post(request));
	}

	private Medication medicationFor(Diagnosis diagnosis) {
		Disease disease = diagnosis.disease();
		int age = context.who().ageOn(context.referenceDate());
		if (disease.isSevereType2Asthma() && clinical.biologic != null) {
			return clinical.biologic;
		}
		return switch (disease) {
			case ACO -> Medication.TRIPLE_THERAPY;
			case COPD -> switch (diagnosis.goldGroup()) {
				case "A" -> Medication.TIOTROPIUM;
				case "B" -> Medication.OLODATEROL_TIOTROPIUM;
				default -> Medication.TRIPLE_THERAPY;
			};
			case CHILDHOOD_ASTHMA -> diagnosis.ginaStep() >= 3 && age >= 12 ? Medication.FORMOTEROL_BUDESONIDE
					: Medication.BUDESONIDE;
			case SEVERE_PERSISTENT_ASTHMA, EOSINOPHILIC_ASTHMA, SEVERE_ASTHMA -> Medication.TRIPLE_THERAPY;
			case ASTHMA, ALLERGIC_ASTHMA, NON_ALLERGIC_ASTHMA, MIXED_ASTHMA -> diagnosis.ginaStep() >= 3
					&& context.rnd().nextBoolean() ? Medication.SALMETEROL_FLUTICASONE : Medication.FORMOTEROL_BUDESONIDE;
			case ATOPIC_DERMATITIS -> clinical.biologic == Medication.DUPILUMAB ? Medication.DUPILUMAB
					: Medication.MOMETASONE_CREAM;
			case ALLERGIC_RHINITIS -> context.rnd().nextBoolean() ? Medication.CETIRIZINE : Medication.MOMETASONE_NASAL;
			case CRSWNP -> Medication.MOMETASONE_NASAL;
			case BRONCHIECTASIS -> null;
		};
	}

	private void referral(Activity activity, Diagnosis reason, Role performer, List<String> activities) {
		if (activities.size() >= MAX_ACTIVITIES) {
			return;
		}
		ServiceRequest request = new ServiceRequest();
		request.setStatus(ServiceRequest.ServiceRequestStatus.ACTIVE);
		request.setIntent(ServiceRequest.ServiceRequestIntent.ORDER);
		request.getCode().setText(activity.text(context.lang()));
		request.getSubject().setReference(context.patientUrl());
		request.getRequester().setReference(activity == Activity.SMOKING_CESSATION ? record.url(Role.GP)
				: record.specialistUrl(reason.disease()));
		if (performer != null) {
			request.addPerformer().setReference(record.url(performer));
		}
		if (activity == Activity.PULMONARY_REHABILITATION) {
			LocalDate start = start(reason).plusDays(14);
			request.getOccurrencePeriod().setStartElement(new DateTimeType(start.toString()))
					.setEndElement(new DateTimeType(start.plusWeeks(12).toString()));
		}
		request.addReasonReference().setReference(record.conditionUrl(reason));
		activities.add(context.post(request));
	}

	private void task(Activity activity, Role owner, List<String> activities) {
		if (activities.size() >= MAX_ACTIVITIES) {
			return;
		}
		Task task = new Task();
		task.setStatus(Task.TaskStatus.REQUESTED);
		task.setIntent(Task.TaskIntent.ORDER);
		task.setDescription(activity.text(context.lang()));
		task.getFor().setReference(context.patientUrl());
		task.setAuthoredOnElement(new DateTimeType(clinical.followUpStart.toString()));
		task.getRequester().setReference(record.coordinatorUrl());
		task.getOwner().setReference(record.url(owner));
		activities.add(context.post(task));
	}

	/** When treatment of a condition started: the later of its diagnosis and the start of follow-up. */
	private LocalDate start(Diagnosis diagnosis) {
		return diagnosis.diagnosed().isAfter(clinical.followUpStart) ? diagnosis.diagnosed() : clinical.followUpStart;
	}
}
