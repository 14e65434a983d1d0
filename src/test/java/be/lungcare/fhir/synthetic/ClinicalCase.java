package be.lungcare.fhir.synthetic;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Predicate;

/**
 * A patient's lung-care conditions and how they evolve: the disease mix by age (asthma most common, COPD from
 * 42, type-2 comorbidities), stages (GINA step, GOLD grade and group), biologic treatment, smoking, and the
 * usual level of the scores that the observations are drawn around.
 */
final class ClinicalCase {

	enum Severity {
		MILD("255604002", "Mild"), MODERATE("6736007", "Moderate"), SEVERE("24484000", "Severe");

		/** SNOMED CT severity code, as in the IG examples (not part of the IG's value sets). */
		final String code;
		final String display;

		Severity(String code, String display) {
			this.code = code;
			this.display = display;
		}
	}

	/** One condition: GINA step for asthma (0 if none), GOLD grade (0 if none) and group for COPD. */
	record Diagnosis(Disease disease, LocalDate diagnosed, Severity severity, int ginaStep, int goldGrade,
			String goldGroup) {
	}

	final List<Diagnosis> diagnoses;
	final LocalDate followUpStart;
	final boolean smoker;
	/** Adult height; children grow towards it. */
	final int adultHeightCm;
	/** Biologic of severe type-2 asthma or severe atopic dermatitis, started at the start of follow-up (or null). */
	final Medication biologic;
	/** The patient's usual ACT (asthma) and CAT (COPD) scores. */
	final int actLevel;
	final int catLevel;

	private ClinicalCase(List<Diagnosis> diagnoses, LocalDate followUpStart, boolean smoker, int adultHeightCm,
			Medication biologic, int actLevel, int catLevel) {
		this.diagnoses = List.copyOf(diagnoses);
		this.followUpStart = followUpStart;
		this.smoker = smoker;
		this.adultHeightCm = adultHeightCm;
		this.biologic = biologic;
		this.actLevel = actLevel;
		this.catLevel = catLevel;
	}

	Diagnosis primary() {
		return diagnoses.get(0);
	}

	/** The first diagnosis matching, or null. */
	Diagnosis find(Predicate<Disease> which) {
		return diagnoses.stream().filter(d -> which.test(d.disease())).findFirst().orElse(null);
	}

	boolean has(Predicate<Disease> which) {
		return find(which) != null;
	}

	/** Draws the case of a patient of the given identity. */
	static ClinicalCase draw(Random rnd, Identity who, LocalDate referenceDate) {
		int age = who.ageOn(referenceDate);
		boolean child = age < 18;
		List<Disease> diseases = new ArrayList<>();
		diseases.add(primary(rnd, age));
		secondary(rnd, diseases, child);

		List<Diagnosis> diagnoses = new ArrayList<>();
		for (Disease disease : diseases) {
			diagnoses.add(diagnosis(rnd, disease, who.person().birthDate(), referenceDate));
		}
		// 1 to 4 years of follow-up, longer ones more likely (chronic patients stay in the programme)
		LocalDate followUpStart = referenceDate.minusDays(365 + Math.max(rnd.nextInt(3 * 365 + 1), rnd.nextInt(3 * 365 + 1)));
		if (followUpStart.isBefore(diagnoses.get(0).diagnosed())) {
			followUpStart = diagnoses.get(0).diagnosed();
		}
		boolean copd = diseases.stream().anyMatch(Disease::isCopd);
		boolean smoker = !child && rnd.nextInt(100) < (copd ? 35 : 12);
		int height = who.person().male() ? 166 + rnd.nextInt(26) : 155 + rnd.nextInt(23);

		Medication biologic = null;
		boolean severeType2 = diseases.stream().anyMatch(Disease::isSevereType2Asthma);
		Diagnosis eczema = diagnoses.stream().filter(d -> d.disease() == Disease.ATOPIC_DERMATITIS).findFirst().orElse(null);
		if (severeType2) {
			int r = rnd.nextInt(100);
			biologic = r < 35 ? Medication.MEPOLIZUMAB : r < 60 ? Medication.BENRALIZUMAB
					: r < 75 ? Medication.OMALIZUMAB : Medication.DUPILUMAB;
		} else if (eczema != null && eczema.severity() == Severity.SEVERE && !child) {
			biologic = Medication.DUPILUMAB;
		}
		int actLevel = severeType2 ? 10 + rnd.nextInt(6) : actLevel(rnd, diagnoses);
		Diagnosis copdDiagnosis = diagnoses.stream().filter(d -> d.disease().isCopd()).findFirst().orElse(null);
		int catLevel = copdDiagnosis == null ? 0 : switch (copdDiagnosis.goldGroup()) {
			case "A" -> 3 + rnd.nextInt(6);
			case "B" -> 12 + rnd.nextInt(10);
			default -> 15 + rnd.nextInt(14);
		};
		return new ClinicalCase(diagnoses, followUpStart, smoker, height, biologic, actLevel, catLevel);
	}

	/** Months since the start of follow-up (for the effect of a biologic). */
	long monthsOfFollowUp(LocalDate date) {
		return Math.max(0, ChronoUnit.MONTHS.between(followUpStart, date));
	}

	private static Disease primary(Random rnd, int age) {
		int r = rnd.nextInt(100);
		if (age < 18) {
			return r < 72 ? Disease.CHILDHOOD_ASTHMA : r < 87 ? Disease.ATOPIC_DERMATITIS : Disease.ALLERGIC_RHINITIS;
		} else if (age < 42) {
			return r < 66 ? adultAsthma(rnd) : r < 80 ? Disease.ALLERGIC_RHINITIS : r < 88 ? Disease.ATOPIC_DERMATITIS
					: r < 94 ? Disease.CRSWNP : Disease.BRONCHIECTASIS;
		} else if (age < 55) {
			return r < 52 ? adultAsthma(rnd) : r < 72 ? Disease.COPD : r < 75 ? Disease.ACO : r < 84 ? Disease.CRSWNP
					: r < 91 ? Disease.ALLERGIC_RHINITIS : r < 94 ? Disease.ATOPIC_DERMATITIS : Disease.BRONCHIECTASIS;
		}
		return r < 50 ? Disease.COPD : r < 80 ? adultAsthma(rnd) : r < 86 ? Disease.ACO : r < 92 ? Disease.BRONCHIECTASIS
				: r < 97 ? Disease.CRSWNP : Disease.ALLERGIC_RHINITIS;
	}

	/** Adult asthma: 12 % severe (mostly type 2), the rest allergic, non-allergic, mixed or unspecified. */
	private static Disease adultAsthma(Random rnd) {
		int r = rnd.nextInt(100);
		if (rnd.nextInt(100) < 12) {
			return r < 50 ? Disease.EOSINOPHILIC_ASTHMA : r < 75 ? Disease.SEVERE_ASTHMA : Disease.SEVERE_PERSISTENT_ASTHMA;
		}
		return r < 35 ? Disease.ASTHMA : r < 70 ? Disease.ALLERGIC_ASTHMA : r < 85 ? Disease.NON_ALLERGIC_ASTHMA
				: Disease.MIXED_ASTHMA;
	}

	/** Comorbidities of the primary condition (type-2 diseases travel together; bronchiectasis with COPD). */
	private static void secondary(Random rnd, List<Disease> diseases, boolean child) {
		Disease primary = diseases.get(0);
		Disease asthma = child ? Disease.CHILDHOOD_ASTHMA : Disease.ALLERGIC_ASTHMA;
		if (primary == Disease.COPD) {
			add(rnd, diseases, Disease.BRONCHIECTASIS, 10);
		} else if (primary.isAsthma()) {
			add(rnd, diseases, Disease.ALLERGIC_RHINITIS, primary == Disease.NON_ALLERGIC_ASTHMA ? 10 : child ? 25 : 30);
			add(rnd, diseases, Disease.CRSWNP, primary.isSevereType2Asthma() ? 45 : child ? 0 : 6);
			add(rnd, diseases, Disease.ATOPIC_DERMATITIS, child ? 35 : 5);
		} else if (primary == Disease.ATOPIC_DERMATITIS) {
			add(rnd, diseases, asthma, child ? 30 : 20);
			add(rnd, diseases, Disease.ALLERGIC_RHINITIS, 30);
		} else if (primary == Disease.ALLERGIC_RHINITIS) {
			add(rnd, diseases, asthma, 25);
			add(rnd, diseases, Disease.ATOPIC_DERMATITIS, child ? 10 : 3);
		} else if (primary == Disease.CRSWNP) {
			add(rnd, diseases, Disease.NON_ALLERGIC_ASTHMA, 35);
			add(rnd, diseases, Disease.ALLERGIC_RHINITIS, 20);
		} else if (primary == Disease.BRONCHIECTASIS) {
			add(rnd, diseases, Disease.ASTHMA, 10);
		}
	}

	private static void add(Random rnd, List<Disease> diseases, Disease disease, int percent) {
		if (rnd.nextInt(100) < percent && diseases.stream().noneMatch(d -> d.group.equals(disease.group))) {
			diseases.add(disease);
		}
	}

	private static Diagnosis diagnosis(Random rnd, Disease disease, LocalDate birthDate, LocalDate referenceDate) {
		int minAge = switch (disease) {
			case COPD, ACO -> 40;
			case BRONCHIECTASIS -> 25;
			case CRSWNP -> 18;
			case ATOPIC_DERMATITIS -> 0;
			case CHILDHOOD_ASTHMA -> 2;
			default -> 3;
		};
		LocalDate earliest = birthDate.plusYears(minAge).plusMonths(6);
		LocalDate latest = referenceDate.minusMonths(6);
		long days = ChronoUnit.DAYS.between(earliest, latest);
		LocalDate diagnosed = days <= 0 ? earliest : earliest.plusDays(rnd.nextInt((int) days + 1));
		if (diagnosed.isAfter(referenceDate.minusMonths(1))) {
			diagnosed = referenceDate.minusMonths(1);
		}

		if (disease.isCopd()) {
			int r = rnd.nextInt(100);
			int grade = r < 20 ? 1 : r < 65 ? 2 : r < 90 ? 3 : 4;
			int g = rnd.nextInt(100);
			String group = grade <= 2 ? (g < 40 ? "A" : g < 85 ? "B" : "E") : (g < 10 ? "A" : g < 55 ? "B" : "E");
			Severity severity = grade == 1 ? Severity.MILD : grade == 2 ? Severity.MODERATE : Severity.SEVERE;
			return new Diagnosis(disease, diagnosed, severity, 0, grade, group);
		}
		if (disease.isAsthma()) {
			int step = disease.isSevereType2Asthma() ? 5 : disease == Disease.SEVERE_PERSISTENT_ASTHMA ? 4
					: drawStep(rnd, disease == Disease.CHILDHOOD_ASTHMA);
			Severity severity = step <= 2 ? Severity.MILD : step == 3 ? Severity.MODERATE : Severity.SEVERE;
			return new Diagnosis(disease, diagnosed, severity, step, 0, null);
		}
		int r = rnd.nextInt(100);
		Severity severity = r < 50 ? Severity.MILD : r < 85 ? Severity.MODERATE : Severity.SEVERE;
		return new Diagnosis(disease, diagnosed, severity, 0, 0, null);
	}

	private static int drawStep(Random rnd, boolean child) {
		int r = rnd.nextInt(100);
		if (child) {
			return r < 30 ? 1 : r < 70 ? 2 : r < 95 ? 3 : 4;
		}
		return r < 20 ? 1 : r < 55 ? 2 : r < 85 ? 3 : 4;
	}

	/** Usual ACT: 55 % well controlled (20-25), 30 % not well (16-19), 15 % very poorly (10-15). */
	private static int actLevel(Random rnd, List<Diagnosis> diagnoses) {
		boolean severe = diagnoses.stream().anyMatch(d -> d.ginaStep() >= 4);
		int r = rnd.nextInt(100) + (severe ? 30 : 0);
		return r < 55 ? 20 + rnd.nextInt(5) : r < 85 ? 16 + rnd.nextInt(4) : 10 + rnd.nextInt(6);
	}
}
