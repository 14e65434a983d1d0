package be.lungcare.fhir.synthetic;

/**
 * The languages of the generated data: BCP-47 codes as in the IG's language value set, and the language tag of
 * the designations the IG gives its codes (nl-BE, fr-BE, de).
 */
enum Lang {
	NL("nl-BE", "nl", "nl-BE"),
	FR("fr-BE", "fr", "fr-BE"),
	// German patients get "de". The IG allows de-BE too; R4's base binding (languages, preferred) lacks it, which
	// the validator reports as information only.
	DE("de", "de", "de");

	/** Code of a patient's language (with the region subtag where R4's languages value set has it, as the examples). */
	final String patientCode;
	/** Code of a practitioner's language (without the region subtag, as the examples). */
	final String practitionerCode;
	/** Language of the IG designations to use for texts in this language. */
	final String designation;

	Lang(String patientCode, String practitionerCode, String designation) {
		this.patientCode = patientCode;
		this.practitionerCode = practitionerCode;
		this.designation = designation;
	}

	/** Picks the text for this language. */
	<T> T pick(T nl, T fr, T de) {
		return switch (this) {
			case NL -> nl;
			case FR -> fr;
			case DE -> de;
		};
	}
}
