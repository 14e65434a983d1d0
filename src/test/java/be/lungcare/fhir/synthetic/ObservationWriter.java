package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.ClinicalCase.Diagnosis;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Random;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;

/**
 * The observations of a patient's follow-up, from its start to the reference date: a visit about every quarter
 * (every 6-8 months for type-2 comorbidities only) with the ACT (asthma) or CAT (COPD) and often the mMRC, a
 * spirometry at the first visit (with a reversibility test, pre and post bronchodilator, in asthma) and at about
 * 30 % of the others (FEV1 % predicted within the GOLD grade for COPD), and biomarkers (every other visit in
 * severe type-2 asthma, now and then otherwise).
 */
final class ObservationWriter {

	private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");
	private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX", Locale.ROOT);

	/** The latest observation of each kind (fullUrl, or null) and the latest scores. */
	static final class Latest {
		String spirometry;
		String act;
		String cat;
		String mmrc;
		String eosinophils;
		String totalIge;
		String feno;
		int actScore;
		int catScore;
	}

	private final Terminology t;
	private final BundleAssembler bundle;
	private final UuidSource uuids;
	private final Random rnd;
	private final Identity who;
	private final ClinicalCase clinical;
	private final String patientUrl;
	/** Who performs spirometry and FeNO: the pulmonologist's role, else the paediatrician or GP. */
	private final Supplier<String> clinician;
	private final LocalDate referenceDate;
	private final Latest latest = new Latest();

	ObservationWriter(PatientRecord.Context context, Supplier<String> clinician) {
		this.t = context.t();
		this.bundle = context.bundle();
		this.uuids = context.uuids();
		this.rnd = context.rnd();
		this.who = context.who();
		this.clinical = context.clinical();
		this.patientUrl = context.patientUrl();
		this.clinician = clinician;
		this.referenceDate = context.referenceDate();
	}

	Latest write() {
		Diagnosis asthma = clinical.find(Disease::isAsthma);
		Diagnosis copd = clinical.find(Disease::isCopd);
		boolean bronchiectasis = clinical.has(d -> d == Disease.BRONCHIECTASIS);
		boolean lungs = asthma != null || copd != null || bronchiectasis;
		LocalDate visit = clinical.followUpStart;
		for (int i = 0; !visit.isAfter(referenceDate); i++) {
			int minutes = 15 * rnd.nextInt(33); // 08:00-16:00
			int act = 0;
			if (asthma != null) {
				act = actScore(visit);
				latest.act = score(t.actProfile, t.actCode, visit, minutes, act);
				latest.actScore = act;
			}
			if (copd != null) {
				latest.catScore = catScore(copd);
				latest.cat = score(t.catProfile, t.catCode, visit, minutes, latest.catScore);
				if (i == 0 || rnd.nextInt(100) < 45) {
					latest.mmrc = score(t.mmrcProfile, t.mmrcCode, visit, minutes, mmrc(copd));
				}
			}
			boolean spirometry = lungs && who.ageOn(visit) >= 6 && (i == 0 || rnd.nextInt(100) < 30);
			if (spirometry) {
				boolean reversibility = i == 0 && asthma != null && copd == null;
				latest.spirometry = spirometry(visit, minutes + 30, asthma, copd, act, reversibility ? PRE : DEFAULT);
				if (reversibility) {
					latest.spirometry = spirometry(visit, minutes + 50, asthma, copd, act, POST);
				}
			}
			biomarkers(i, visit, minutes, asthma, copd);
			visit = visit.plusDays(lungs ? 75 + rnd.nextInt(41) : 180 + rnd.nextInt(61));
		}
		return latest;
	}

	private void biomarkers(int visitIndex, LocalDate visit, int minutes, Diagnosis asthma,
			Diagnosis copd) {
		boolean severeType2 = asthma != null && asthma.disease().isSevereType2Asthma();
		boolean eos;
		boolean ige;
		boolean feno;
		if (severeType2) {
			eos = ige = feno = visitIndex % 2 == 0;
		} else {
			boolean atopic = clinical.has(d -> d == Disease.ATOPIC_DERMATITIS || d == Disease.ALLERGIC_RHINITIS);
			eos = (asthma != null || copd != null || clinical.has(d -> d == Disease.CRSWNP)) && rnd.nextInt(100) < 20;
			ige = atopic && rnd.nextInt(100) < 15;
			feno = asthma != null && who.ageOn(visit) >= 6 && rnd.nextInt(100) < 15;
		}
		if (eos) {
			latest.eosinophils = biomarker(t.eosinophils.coding(), visit, minutes - 60, eosinophils(visit, severeType2),
					"10*9/L", "laboratory", null);
		}
		if (ige) {
			latest.totalIge = biomarker(t.totalIge.coding(), visit, minutes - 60, totalIge(), "k[IU]/L", "laboratory", null);
		}
		if (feno) {
			latest.feno = biomarker(t.feno.coding(), visit, minutes + 15, feno(asthma), "[ppb]", "exam", clinician.get());
		}
	}

	private String score(String profile, Coding code, LocalDate date, int minutes, int value) {
		Observation observation = observation(profile, code, date, minutes, "survey", "Survey");
		observation.setValue(new Quantity().setValue(value).setUnit("score").setSystem(Terminology.UCUM)
				.setCode("{score}"));
		return post(observation);
	}

	private String biomarker(Coding code, LocalDate date, int minutes, BigDecimal value, String unit,
			String category, String performer) {
		Observation observation = observation(t.biomarkerProfile, code, date, minutes, category,
				category.equals("exam") ? "Exam" : "Laboratory");
		observation.setValue(new Quantity().setValue(value).setUnit(unit).setSystem(Terminology.UCUM).setCode(unit));
		if (performer != null) {
			observation.addPerformer().setReference(performer);
		}
		return post(observation);
	}

	private static final int DEFAULT = 0;
	private static final int PRE = 1;
	private static final int POST = 2;

	/**
	 * A spirometry panel: post-bronchodilator in COPD, pre-bronchodilator in asthma (or post, 12 % better, in a
	 * reversibility test), plain FEV1 otherwise.
	 */
	private String spirometry(LocalDate date, int minutes, Diagnosis asthma, Diagnosis copd, int act, int session) {
		Observation observation = observation(t.spirometryProfile, t.spirometryPanel, date, minutes, "exam", "Exam");
		observation.addPerformer().setReference(clinician.get());
		int percent;
		int ratio;
		if (copd != null) {
			int[] band = switch (copd.goldGrade()) {
				case 1 -> new int[] {80, 95};
				case 2 -> new int[] {50, 79};
				case 3 -> new int[] {30, 49};
				default -> new int[] {18, 29};
			};
			percent = band[0] + rnd.nextInt(band[1] - band[0] + 1);
			ratio = copd.goldGrade() >= 3 ? 32 + rnd.nextInt(22) : 45 + rnd.nextInt(25);
		} else if (asthma != null) {
			percent = act >= 20 ? 80 + rnd.nextInt(21) : act >= 16 ? 70 + rnd.nextInt(19) : 55 + rnd.nextInt(24);
			ratio = (act >= 20 ? 72 + rnd.nextInt(12) : 62 + rnd.nextInt(12)) + (who.ageOn(date) < 18 ? 5 : 0);
		} else {
			percent = 60 + rnd.nextInt(31);
			ratio = 62 + rnd.nextInt(17);
		}
		if (session == POST) {
			percent = percent * 112 / 100;
			ratio = Math.min(90, ratio + 6);
		}
		double predicted = predictedFev1(date);
		BigDecimal fev1 = decimal(predicted * percent / 100, 2);
		BigDecimal fvc = decimal(fev1.doubleValue() * 100 / ratio, 2);
		int fvcPercent = (int) StrictMath.round(fvc.doubleValue() / (predicted / 0.8) * 100);

		Coding fev1Code = t.fev1;
		if (copd != null || asthma != null) {
			boolean post = copd != null || session == POST;
			IgPackage.Concept status = post ? t.postBronchodilator : t.preBronchodilator;
			observation.addComponent().setCode(Terminology.cc(t.bronchodilatorStatus)).setValue(Terminology.cc(status));
			fev1Code = post ? t.fev1Post : t.fev1Pre;
		}
		component(observation, fev1Code, fev1, "L");
		component(observation, t.fvc, fvc, "L");
		component(observation, t.fev1FvcRatio, BigDecimal.valueOf(ratio), "%");
		component(observation, t.fev1PercentPredicted, BigDecimal.valueOf(percent), "%");
		component(observation, t.fvcPercentPredicted, BigDecimal.valueOf(fvcPercent), "%");
		return post(observation);
	}

	private static void component(Observation observation, Coding code, BigDecimal value, String unit) {
		observation.addComponent().setCode(Terminology.cc(code))
				.setValue(new Quantity().setValue(value).setUnit(unit).setSystem(Terminology.UCUM).setCode(unit));
	}

	/** Predicted FEV1 (L): ECSC equations for adults, a height-cubed rule for children. */
	private double predictedFev1(LocalDate date) {
		int age = who.ageOn(date);
		boolean male = who.person().male();
		double height = StrictMath.min(clinical.adultHeightCm, 75 + 6.2 * age);
		if (age < 18) {
			return 0.8 * StrictMath.pow(height / 100, 3);
		}
		return male ? 0.043 * height - 0.029 * age - 2.49 : 0.0395 * height - 0.025 * age - 2.60;
	}

	/** ACT around the patient's level; a biologic improves it by about a point every 3 months (at most 8). */
	private int actScore(LocalDate date) {
		int level = clinical.actLevel;
		if (clinical.biologic != null && clinical.has(Disease::isSevereType2Asthma)) {
			level += (int) StrictMath.min(8, clinical.monthsOfFollowUp(date) / 3);
		}
		return clamp(level - 3 + rnd.nextInt(7), 5, 25);
	}

	/** CAT around the patient's level, below 10 in GOLD group A and 10 or more in B and E. */
	private int catScore(Diagnosis copd) {
		int value = clinical.catLevel - 3 + rnd.nextInt(7);
		return copd.goldGroup().equals("A") ? clamp(value, 0, 9) : clamp(value, 10, 40);
	}

	private int mmrc(Diagnosis copd) {
		return switch (copd.goldGroup()) {
			case "A" -> rnd.nextInt(2);
			case "B" -> 1 + rnd.nextInt(3);
			default -> 2 + rnd.nextInt(3);
		};
	}

	/** Blood eosinophils (10*9/L): high in type-2 disease, low once an anti-IL-5 biologic works. */
	private BigDecimal eosinophils(LocalDate date, boolean severeType2) {
		boolean antiIl5 = clinical.biologic == Medication.MEPOLIZUMAB || clinical.biologic == Medication.BENRALIZUMAB;
		if (severeType2 && antiIl5 && clinical.monthsOfFollowUp(date) >= 3) {
			return decimal(0.02 + rnd.nextInt(9) / 100.0, 2);
		}
		boolean type2 = severeType2 || clinical.has(d -> d == Disease.ALLERGIC_ASTHMA || d == Disease.CRSWNP
				|| d == Disease.EOSINOPHILIC_ASTHMA || d == Disease.CHILDHOOD_ASTHMA);
		return decimal(type2 ? 0.30 + rnd.nextInt(80) / 100.0 : 0.05 + rnd.nextInt(35) / 100.0, 2);
	}

	private BigDecimal totalIge() {
		boolean atopic = clinical.has(d -> d == Disease.ATOPIC_DERMATITIS || d == Disease.ALLERGIC_RHINITIS
				|| d == Disease.ALLERGIC_ASTHMA || d == Disease.CHILDHOOD_ASTHMA || d.isSevereType2Asthma());
		return BigDecimal.valueOf(atopic ? 150 + rnd.nextInt(1200) : 20 + rnd.nextInt(130));
	}

	private BigDecimal feno(Diagnosis asthma) {
		boolean type2 = asthma.disease() != Disease.NON_ALLERGIC_ASTHMA;
		return BigDecimal.valueOf(type2 ? 25 + rnd.nextInt(56) : 8 + rnd.nextInt(18));
	}

	private Observation observation(String profile, Coding code, LocalDate date, int minutes, String category,
			String categoryDisplay) {
		Observation observation = new Observation();
		observation.getMeta().addProfile(profile);
		observation.setStatus(Observation.ObservationStatus.FINAL);
		observation.addCategory(Terminology.cc(Terminology.OBSERVATION_CATEGORY, category, categoryDisplay));
		observation.setCode(Terminology.cc(code));
		observation.getSubject().setReference(patientUrl);
		observation.setEffective(dateTime(date, minutes));
		return observation;
	}

	/** {@code date} at 08:00 plus {@code minutes}, with the Brussels offset of that day (+01:00 or +02:00). */
	static DateTimeType dateTime(LocalDate date, int minutes) {
		return new DateTimeType(date.atTime(LocalTime.of(8, 0).plusMinutes(Math.max(0, minutes))).atZone(BRUSSELS)
				.format(DATE_TIME));
	}

	private String post(Observation observation) {
		String fullUrl = uuids.next();
		bundle.post(fullUrl, observation);
		return fullUrl;
	}

	private static BigDecimal decimal(double value, int scale) {
		return BigDecimal.valueOf(value).setScale(scale, RoundingMode.HALF_UP);
	}

	private static int clamp(int value, int min, int max) {
		return Math.max(min, Math.min(max, value));
	}
}
