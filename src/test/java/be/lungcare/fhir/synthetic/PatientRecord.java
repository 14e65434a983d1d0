package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.ClinicalCase.Diagnosis;
import be.lungcare.fhir.synthetic.Identity.Caregiver;
import be.lungcare.fhir.synthetic.PractitionerPool.Member;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.Age;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.Encounter;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;

/**
 * All entries of one patient in a bundle: the Patient (conditional PUT on the SSIN), the care team's
 * practitioners and organisations (shared pool, conditional create), the informal caregiver, observations,
 * conditions, the CareTeam, and the care plan with its goals and activities ({@link CarePlanWriter}).
 */
final class PatientRecord {

	/** What every writer of a patient's entries needs. */
	record Context(Terminology t, BundleAssembler bundle, UuidSource uuids, Random rnd, Identity who,
			ClinicalCase clinical, String patientUrl, LocalDate referenceDate) {

		Lang lang() {
			return who.language();
		}

		boolean child() {
			return who.ageOn(referenceDate) < 18;
		}

		String post(org.hl7.fhir.r4.model.Resource resource) {
			String fullUrl = uuids.next();
			bundle.post(fullUrl, resource);
			return fullUrl;
		}
	}

	/** A professional of the care team, with the fullUrl of their Practitioner entry in the bundle. */
	record TeamMember(Role role, Member member, String url) {
	}

	private final Context context;
	private final PractitionerPool pool;
	private final Map<Role, TeamMember> team = new LinkedHashMap<>();
	private final Map<Diagnosis, String> conditions = new LinkedHashMap<>();
	private Role coordinator;
	private ObservationWriter.Latest latest;

	private PatientRecord(Context context, PractitionerPool pool) {
		this.context = context;
		this.pool = pool;
	}

	/** Writes patient {@code who} into {@code bundle}, from the patient's own clinical stream. */
	static void write(BundleAssembler bundle, Identity who, PractitionerPool pool, long seed, LocalDate referenceDate,
			Terminology t) {
		Random rnd = Seeds.random(seed, who.index(), Seeds.CLINICAL);
		UuidSource uuids = new UuidSource(rnd, seed, who.index());
		ClinicalCase clinical = ClinicalCase.draw(rnd, who, referenceDate);
		Context context = new Context(t, bundle, uuids, rnd, who, clinical, uuids.next(), referenceDate);
		new PatientRecord(context, pool).write();
	}

	private void write() {
		Patient patient = patient();
		context.bundle().putPatient(context.patientUrl(), patient, context.who().person().ssin());
		chooseTeam();
		patient.addGeneralPractitioner().setReference(team.get(Role.GP).url());
		String caregiver = relatedPerson();
		latest = new ObservationWriter(context, this::clinicianUrl).write();
		for (Diagnosis diagnosis : context.clinical().diagnoses) {
			conditions.put(diagnosis, condition(diagnosis));
		}
		String careTeam = careTeam(caregiver);
		new CarePlanWriter(context, this).write(careTeam);
		exacerbations(new Random(context.rnd().nextLong()));
	}

	/**
	 * COPD exacerbations of the last 24 months, as emergency encounters whose reason is coded SNOMED CT and ICD-10
	 * J44.1: one to three for GOLD group E, at most one for B, rarely one for A. Last, from a stream of their own, so that
	 * the rest of the patient's data is the same as without them.
	 */
	private void exacerbations(Random rnd) {
		Diagnosis copd = context.clinical().diagnoses.stream().filter(d -> d.disease().isCopd()).findFirst().orElse(null);
		if (copd == null) {
			return;
		}
		int count = switch (copd.goldGroup()) {
			case "E" -> 1 + rnd.nextInt(3);
			case "B" -> rnd.nextInt(2);
			default -> rnd.nextInt(100) < 15 ? 1 : 0;
		};
		LocalDate earliest = context.referenceDate().minusMonths(24);
		if (earliest.isBefore(copd.diagnosed())) {
			earliest = copd.diagnosed();
		}
		long days = ChronoUnit.DAYS.between(earliest, context.referenceDate());
		for (int i = 0; i < count && days > 14; i++) {
			LocalDate start = earliest.plusDays(rnd.nextLong(days - 14));
			Encounter exacerbation = new Encounter().setStatus(Encounter.EncounterStatus.FINISHED)
					.setClass_(new Coding("http://terminology.hl7.org/CodeSystem/v3-ActCode", "EMER", "emergency"));
			CodeableConcept reason = Terminology.cc(Terminology.SNOMED, "195951007", "Acute exacerbation of chronic obstructive airways disease");
			reason.addCoding().setSystem(Terminology.ICD10).setCode("J44.1")
					.setDisplay("Chronic obstructive pulmonary disease with acute exacerbation, unspecified");
			exacerbation.addReasonCode(reason);
			exacerbation.getSubject().setReference(context.patientUrl());
			exacerbation.getPeriod().setStartElement(new DateTimeType(start.toString())).setEndElement(new DateTimeType(start.plusDays(1 + rnd.nextInt(7)).toString()));
			context.post(exacerbation);
		}
	}

	// --- accessors for the care plan ---------------------------------------------------------------------------

	/** The fullUrl of the team member of a profession (their role at the hospital for a pulmonologist), or null. */
	String url(Role role) {
		TeamMember member = team.get(role);
		if (member == null) {
			return null;
		}
		return role == Role.PULMONOLOGIST && member.member().affiliation() != null
				? context.bundle().practitionerRole(member.member(), context.uuids()) : member.url();
	}

	boolean inTeam(Role role) {
		return team.containsKey(role);
	}

	String coordinatorUrl() {
		return team.get(coordinator).url();
	}

	String conditionUrl(Diagnosis diagnosis) {
		return conditions.get(diagnosis);
	}

	ObservationWriter.Latest latest() {
		return latest;
	}

	/** The professional who diagnoses and treats a condition: the specialist if in the team, else the GP. */
	String specialistUrl(Disease disease) {
		Role specialist = switch (disease) {
			case ATOPIC_DERMATITIS -> Role.DERMATOLOGIST;
			case CRSWNP, ALLERGIC_RHINITIS -> Role.ENT;
			default -> context.child() ? Role.PAEDIATRICIAN : Role.PULMONOLOGIST;
		};
		if (inTeam(specialist)) {
			return url(specialist);
		}
		return url(inTeam(Role.PAEDIATRICIAN) ? Role.PAEDIATRICIAN : Role.GP);
	}

	/** Who performs spirometry and FeNO. */
	private String clinicianUrl() {
		return url(inTeam(Role.PULMONOLOGIST) ? Role.PULMONOLOGIST : inTeam(Role.PAEDIATRICIAN) ? Role.PAEDIATRICIAN : Role.GP);
	}

	// --- resources ---------------------------------------------------------------------------------------------

	private Patient patient() {
		Terminology t = context.t();
		Identity who = context.who();
		Identity.Person person = who.person();
		Patient patient = new Patient();
		patient.getMeta().addProfile(t.patientProfile);
		patient.addIdentifier().setSystem(t.ssinSystem).setValue(person.ssin());
		patient.setActive(true);
		patient.addName().setUse(HumanName.NameUse.OFFICIAL).setFamily(person.family()).addGiven(person.given());
		patient.setGender(person.male() ? Enumerations.AdministrativeGender.MALE : Enumerations.AdministrativeGender.FEMALE);
		patient.setBirthDateElement(new DateType(person.birthDate().toString()));
		if (who.ageOn(context.referenceDate()) >= 12) {
			boolean landline = context.rnd().nextInt(10) < 3;
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE)
					.setUse(landline ? ContactPoint.ContactPointUse.HOME : ContactPoint.ContactPointUse.MOBILE)
					.setValue(landline ? Region.landline(context.rnd(), who.city()) : person.phone());
		}
		if (who.email() != null) {
			patient.addTelecom().setSystem(ContactPoint.ContactPointSystem.EMAIL).setValue(who.email());
		}
		patient.addAddress().addLine(who.street()).setCity(who.city().name()).setPostalCode(who.city().postalCode())
				.setCountry("BE");
		patient.addCommunication().setLanguage(Terminology.cc(t.language(who.language().patientCode))).setPreferred(true);
		if (who.secondLanguage() != null) {
			patient.addCommunication().setLanguage(Terminology.cc(t.language(who.secondLanguage().patientCode)));
		}
		if (who.speaksEnglish()) {
			patient.addCommunication().setLanguage(Terminology.cc(t.language("en")));
		}
		return patient;
	}

	/** The professions of the team follow the conditions; practitioners come from the shared pool. */
	private void chooseTeam() {
		ClinicalCase clinical = context.clinical();
		Random rnd = context.rnd();
		int age = context.who().ageOn(context.referenceDate());
		boolean child = context.child();
		Diagnosis asthma = clinical.find(Disease::isAsthma);
		Diagnosis copd = clinical.find(Disease::isCopd);
		boolean severeAsthma = clinical.has(d -> d.isSevereType2Asthma() || d == Disease.SEVERE_PERSISTENT_ASTHMA);

		Set<Role> roles = new LinkedHashSet<>();
		roles.add(Role.GP);
		if (child) {
			roles.add(Role.PAEDIATRICIAN);
		}
		if (!child && asthma != null && (severeAsthma || rnd.nextInt(100) < 55)) {
			roles.add(Role.PULMONOLOGIST);
		}
		if (copd != null) {
			if (rnd.nextInt(100) < 85) {
				roles.add(Role.PULMONOLOGIST);
			}
			boolean groupA = copd.goldGroup().equals("A");
			if (!groupA && rnd.nextInt(100) < 70) {
				roles.add(Role.RESPIRATORY_PHYSIOTHERAPIST);
			}
			if (groupA && rnd.nextInt(100) < 20) {
				roles.add(Role.PHYSIOTHERAPIST);
			}
			if (rnd.nextInt(100) < (age >= 70 ? 40 : 15)) {
				roles.add(Role.NURSE);
			}
			if (rnd.nextInt(100) < 10) {
				roles.add(Role.DIETICIAN);
			}
		}
		if (clinical.has(d -> d == Disease.BRONCHIECTASIS)) {
			roles.add(Role.PULMONOLOGIST);
			roles.add(Role.RESPIRATORY_PHYSIOTHERAPIST);
		}
		if (clinical.has(d -> d == Disease.ATOPIC_DERMATITIS) && rnd.nextInt(100) < 70) {
			roles.add(Role.DERMATOLOGIST);
		}
		if (clinical.has(d -> d == Disease.CRSWNP) && rnd.nextInt(100) < 90
				|| clinical.has(d -> d == Disease.ALLERGIC_RHINITIS) && rnd.nextInt(100) < 15) {
			roles.add(Role.ENT);
		}
		if (severeAsthma || rnd.nextInt(100) < (asthma != null || copd != null ? 45 : 10)) {
			roles.add(Role.PHARMACIST);
		}
		if (child && asthma != null && rnd.nextInt(100) < 35) {
			roles.add(Role.NURSE); // school nurse
		}
		coordinator = child ? Role.PAEDIATRICIAN : clinical.has(Disease::isSevereType2Asthma) ? Role.PULMONOLOGIST : Role.GP;

		for (Role role : roles) {
			Member member = pool.pick(role, context.who().region(), context.lang(), rnd);
			team.put(role, new TeamMember(role, member, context.bundle().practitioner(member, context.uuids())));
		}
	}

	private String relatedPerson() {
		Caregiver caregiver = context.who().caregiver();
		if (caregiver == null) {
			return null;
		}
		Terminology t = context.t();
		RelatedPerson person = new RelatedPerson();
		person.getMeta().addProfile(t.relatedPersonProfile);
		person.addIdentifier().setSystem(t.ssinSystem).setValue(caregiver.person().ssin());
		person.setActive(true);
		person.getPatient().setReference(context.patientUrl());
		person.addRelationship(Terminology.cc(t.caregiverRelationship));
		person.addRelationship(Terminology.cc(Terminology.V3_ROLE_CODE, caregiver.relationship(),
				caregiver.relationshipDisplay()));
		person.addName().setFamily(caregiver.person().family()).addGiven(caregiver.person().given());
		person.setGender(caregiver.person().male() ? Enumerations.AdministrativeGender.MALE
				: Enumerations.AdministrativeGender.FEMALE);
		person.setBirthDateElement(new DateType(caregiver.person().birthDate().toString()));
		person.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(caregiver.person().phone());
		person.addCommunication().setLanguage(Terminology.cc(t.language(context.lang().patientCode)));
		return context.post(person);
	}

	private String condition(Diagnosis diagnosis) {
		Terminology t = context.t();
		Disease disease = diagnosis.disease();
		Condition condition = new Condition();
		condition.getMeta().addProfile(t.conditionProfile);
		condition.setClinicalStatus(Terminology.cc(Terminology.CONDITION_CLINICAL, "active", "Active"));
		condition.setVerificationStatus(Terminology.cc(Terminology.CONDITION_VER_STATUS, "confirmed", "Confirmed"));
		condition.addCategory(Terminology.cc(t.diseaseGroup(disease)));
		if (context.rnd().nextBoolean()) {
			condition.addCategory(Terminology.cc(Terminology.CONDITION_CATEGORY, "problem-list-item", "Problem List Item"));
		}
		condition.setSeverity(Terminology.cc(Terminology.SNOMED, diagnosis.severity().code, diagnosis.severity().display));
		CodeableConcept code = Terminology.cc(t.disease(disease));
		if (context.rnd().nextInt(100) < 85) {
			code.addCoding(t.icd10(disease).coding());
		}
		code.setText(t.diseaseGroup(disease).designation(context.lang().designation));
		condition.setCode(code);
		condition.getSubject().setReference(context.patientUrl());
		int ageAtDiagnosis = context.who().ageOn(diagnosis.diagnosed());
		if (ageAtDiagnosis >= 1 && ageAtDiagnosis < 18) { // age-1: an Age must be positive
			condition.setOnset(new Age().setValue(ageAtDiagnosis).setUnit("years").setSystem(Terminology.UCUM).setCode("a"));
		} else {
			condition.setOnset(new DateTimeType(diagnosis.diagnosed().toString()));
		}
		condition.setRecordedDateElement(new DateTimeType(diagnosis.diagnosed().toString()));
		condition.getAsserter().setReference(specialistUrl(disease));

		ObservationWriter.Latest obs = latest;
		if (diagnosis.ginaStep() > 0) {
			Condition.ConditionStageComponent stage = condition.addStage()
					.setSummary(Terminology.cc(t.ginaStep(diagnosis.ginaStep())));
			addReference(stage.getAssessment(), obs.act);
		}
		if (diagnosis.goldGrade() > 0) {
			Condition.ConditionStageComponent grade = condition.addStage()
					.setSummary(Terminology.cc(t.goldGrade(diagnosis.goldGrade())));
			addReference(grade.getAssessment(), obs.spirometry);
			Condition.ConditionStageComponent group = condition.addStage()
					.setSummary(Terminology.cc(t.goldGroup(diagnosis.goldGroup())));
			addReference(group.getAssessment(), obs.cat);
			addReference(group.getAssessment(), obs.mmrc);
		}
		List<Reference> evidence = new ArrayList<>();
		if (disease.isCopd() || disease.isAsthma() || disease == Disease.BRONCHIECTASIS) {
			addReference(evidence, obs.spirometry);
		}
		if (disease.isSevereType2Asthma() || disease == Disease.CRSWNP) {
			addReference(evidence, obs.eosinophils);
			addReference(evidence, obs.feno);
		}
		if (disease == Disease.ATOPIC_DERMATITIS || disease == Disease.ALLERGIC_RHINITIS) {
			addReference(evidence, obs.totalIge);
		}
		if (!evidence.isEmpty()) {
			condition.addEvidence().setDetail(evidence);
		}
		return context.post(condition);
	}

	private String careTeam(String caregiver) {
		Terminology t = context.t();
		Identity who = context.who();
		CareTeam careTeam = new CareTeam();
		careTeam.getMeta().addProfile(t.careTeamProfile);
		careTeam.setStatus(CareTeam.CareTeamStatus.ACTIVE);
		careTeam.setName(Phrases.careTeamName(context.lang(), groupNames(), who.person().fullName()));
		careTeam.getSubject().setReference(context.patientUrl());
		careTeam.getPeriod().setStartElement(new DateTimeType(context.clinical().followUpStart.toString()));

		List<TeamMember> ordered = new ArrayList<>();
		ordered.add(team.get(coordinator));
		team.values().stream().filter(m -> m.role() != coordinator).forEach(ordered::add);
		for (TeamMember member : ordered) {
			CareTeam.CareTeamParticipantComponent participant = careTeam.addParticipant();
			participant.addRole(Terminology.cc(t.role(member.role())));
			participant.getMember().setReference(member.url());
			participant.getMember().getIdentifier().setSystem(t.nihdiSystem).setValue(member.member().nihdi());
			if (member.role() == coordinator) {
				participant.addExtension(t.coordinatorExtension, new BooleanType(true));
			}
			PractitionerPool.Organisation organisation = member.member().affiliation();
			if (organisation != null && member.role() != Role.GP) {
				participant.getOnBehalfOf().setReference(context.bundle().organisation(organisation, context.uuids()));
			}
			if (member.role() == Role.NURSE && context.child()) {
				LocalDate ref = context.referenceDate();
				LocalDate schoolYear = LocalDate.of(ref.getMonthValue() >= 9 ? ref.getYear() : ref.getYear() - 1, 9, 1);
				participant.getPeriod().setStartElement(new DateTimeType(schoolYear.toString()))
						.setEndElement(new DateTimeType(schoolYear.plusYears(1).withMonth(6).withDayOfMonth(30).toString()));
			}
		}
		if (caregiver != null) {
			CareTeam.CareTeamParticipantComponent participant = careTeam.addParticipant();
			participant.addRole(Terminology.cc(t.caregiverRole));
			participant.getMember().setReference(caregiver);
		}
		CareTeam.CareTeamParticipantComponent self = careTeam.addParticipant();
		self.addRole(Terminology.cc(t.patientRole));
		self.getMember().setReference(context.patientUrl());

		PractitionerPool.Organisation host = team.get(coordinator).member().affiliation();
		if (host != null) {
			careTeam.addManagingOrganization().setReference(context.bundle().organisation(host, context.uuids()));
		}
		return context.post(careTeam);
	}

	/** Names of the disease groups of the patient's conditions, in their language. */
	List<String> groupNames() {
		return context.clinical().diagnoses.stream()
				.map(d -> context.t().diseaseGroup(d.disease()).designation(context.lang().designation))
				.distinct().toList();
	}

	private static void addReference(List<Reference> references, String url) {
		if (url != null) {
			references.add(new Reference(url));
		}
	}
}
