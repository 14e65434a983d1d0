package be.lungcare.fhir.synthetic;

/**
 * The LungCare conditions the generator uses: the choice of code (SNOMED CT, or the IG's local code system where
 * the IG has no verified SNOMED CT concept) and of disease group. Codes, displays, designations and the ICD-10
 * translation come from the IG ({@link Terminology}), which rejects a code its value sets do not hold.
 */
enum Disease {
	ASTHMA(Terminology.SNOMED, "195967001", "asthma"),
	ALLERGIC_ASTHMA(Terminology.SNOMED, "389145006", "asthma"),
	NON_ALLERGIC_ASTHMA(Terminology.SNOMED, "266361008", "asthma"),
	MIXED_ASTHMA(Terminology.SNOMED, "195977004", "asthma"),
	CHILDHOOD_ASTHMA(Terminology.SNOMED, "233678006", "asthma"),
	SEVERE_PERSISTENT_ASTHMA(Terminology.SNOMED, "426656000", "asthma"),
	EOSINOPHILIC_ASTHMA(Terminology.SNOMED, "367542003", "severe-type2-asthma"),
	SEVERE_ASTHMA(Terminology.SNOMED, "370221004", "severe-type2-asthma"),
	ACO(Terminology.SNOMED, "10692761000119107", "aco"),
	COPD(Terminology.SNOMED, "13645005", "copd"),
	BRONCHIECTASIS(Terminology.SNOMED, "12295008", "bronchiectasis"),
	ATOPIC_DERMATITIS(Terminology.SNOMED, "24079001", "atopic-dermatitis"),
	ALLERGIC_RHINITIS(Terminology.SNOMED, "61582004", "allergic-rhinitis"),
	CRSWNP("lungcare-condition", "crswnp", "crswnp");

	/** The code system: an absolute URL, or the id of a code system of the IG. */
	final String system;
	final String code;
	/** Code in the IG's disease-group code system. */
	final String group;

	Disease(String system, String code, String group) {
		this.system = system;
		this.code = code;
		this.group = group;
	}

	/** Asthma of any kind, including asthma-COPD overlap: followed with the ACT. */
	boolean isAsthma() {
		return group.equals("asthma") || group.equals("severe-type2-asthma") || this == ACO;
	}

	/** COPD or asthma-COPD overlap: followed with the CAT, GOLD grade and group. */
	boolean isCopd() {
		return this == COPD || this == ACO;
	}

	boolean isSevereType2Asthma() {
		return group.equals("severe-type2-asthma");
	}
}
