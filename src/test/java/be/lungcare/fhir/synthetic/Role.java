package be.lungcare.fhir.synthetic;

/**
 * Professions of the practitioner pool: the cd-hcparty code (display and designations come from the IG's value
 * set) and how NIHDI numbers look for it in the IG examples (first digit, 3-digit qualification suffix).
 */
enum Role {
	GP("persgeneralphysician", 1, "003", true),
	PULMONOLOGIST("perspneumologist", 1, "580", true),
	PAEDIATRICIAN("perspediatrician", 1, "690", true),
	DERMATOLOGIST("persdermatovenereologist", 1, "550", true),
	ENT("persotolaryngologist", 1, "510", true),
	PHARMACIST("perspharmacist", 5, "000", false),
	RESPIRATORY_PHYSIOTHERAPIST("persrespiratoryphysiotherapist", 5, "000", false),
	PHYSIOTHERAPIST("persphysiotherapist", 5, "000", false),
	NURSE("persnurse", 4, "000", false),
	DIETICIAN("persdietician", 6, "000", false);

	/**
	 * Professions of the pool in the order they are assigned to its members (repeating every 20), so that even the
	 * smallest pool (30) has every profession, about in the proportion a lung-care population needs.
	 */
	static final Role[] POOL_PATTERN = {GP, PULMONOLOGIST, PHARMACIST, GP, PAEDIATRICIAN, NURSE, GP,
			RESPIRATORY_PHYSIOTHERAPIST, DERMATOLOGIST, GP, PHARMACIST, ENT, GP, PULMONOLOGIST, PHYSIOTHERAPIST, GP,
			NURSE, DIETICIAN, PHARMACIST, RESPIRATORY_PHYSIOTHERAPIST};

	final String hcparty;
	final int nihdiFirstDigit;
	final String nihdiSuffix;
	final boolean physician;

	Role(String hcparty, int nihdiFirstDigit, String nihdiSuffix, boolean physician) {
		this.hcparty = hcparty;
		this.nihdiFirstDigit = nihdiFirstDigit;
		this.nihdiSuffix = nihdiSuffix;
		this.physician = physician;
	}
}
