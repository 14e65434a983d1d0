package be.lungcare.fhir.research;

/**
 * The integrated-care indicators. Each is computed with plain SQL over the search indexes ({@link IndicatorQueries})
 * and reported as a MeasureReport whose measure is {@code https://fhir.lungcare.be/Measure/<code>}.
 */
enum Indicator {
	COPD_SPIROMETRY("copd-spirometry-12m", "COPD patients with a spirometry in the last 12 months", true, false),
	ASTHMA_ACT_CONTROLLED("asthma-act-controlled", "Asthma patients whose last ACT is 20 or more", true, false),
	MULTIDISCIPLINARY_CARE("multidisciplinary-care", "Patients with an active care plan and a care team of 3 or more disciplines", true, false),
	COPD_EXACERBATIONS("copd-exacerbation-rate", "COPD exacerbations per patient-year", false, true),
	EOSINOPHILS_BEFORE_BIOLOGIC("eosinophils-before-biologic", "Patients on a biologic with a blood eosinophil count in the 12 months before its start", true, false);

	static final String MEASURE_BASE = "https://fhir.lungcare.be/Measure/";

	final String code;
	final String title;
	/** Whether a higher score is better (MeasureReport.improvementNotation). */
	final boolean higherIsBetter;
	/** A rate per patient-year rather than a proportion of the denominator. */
	final boolean rate;

	Indicator(String code, String title, boolean higherIsBetter, boolean rate) {
		this.code = code;
		this.title = title;
		this.higherIsBetter = higherIsBetter;
		this.rate = rate;
	}

	String measure() {
		return MEASURE_BASE + code;
	}
}
