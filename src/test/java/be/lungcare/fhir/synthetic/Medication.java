package be.lungcare.fhir.synthetic;

/**
 * Medications of the generated care plans (ATC, WHO). ATC is not part of the IG: codes and displays are the
 * generator's own, as in the IG examples.
 */
enum Medication {
	BUDESONIDE("R03BA02", "budesonide", Dosage.INHALER_TWICE_DAILY),
	FORMOTEROL_BUDESONIDE("R03AK07", "formoterol and budesonide", Dosage.INHALER_TWICE_DAILY),
	SALMETEROL_FLUTICASONE("R03AK06", "salmeterol and fluticasone", Dosage.INHALER_TWICE_DAILY),
	TIOTROPIUM("R03BB04", "tiotropium bromide", Dosage.INHALER_ONCE_DAILY),
	OLODATEROL_TIOTROPIUM("R03AL06", "olodaterol and tiotropium bromide", Dosage.INHALER_ONCE_DAILY),
	TRIPLE_THERAPY("R03AL09", "formoterol, glycopyrronium bromide and beclometasone", Dosage.INHALER_TWICE_DAILY),
	OMALIZUMAB("R03DX05", "omalizumab", Dosage.INJECTION_4_WEEKS),
	MEPOLIZUMAB("R03DX09", "mepolizumab", Dosage.INJECTION_4_WEEKS),
	BENRALIZUMAB("R03DX10", "benralizumab", Dosage.INJECTION_8_WEEKS),
	DUPILUMAB("D11AH05", "dupilumab", Dosage.INJECTION_2_WEEKS),
	MOMETASONE_NASAL("R01AD09", "mometasone", Dosage.NASAL_SPRAY),
	CETIRIZINE("R06AE07", "cetirizine", Dosage.TABLET),
	MOMETASONE_CREAM("D07AC13", "mometasone", Dosage.CREAM);

	enum Dosage {
		INHALER_TWICE_DAILY("2 inhalaties 's morgens en 's avonds", "2 inhalations matin et soir",
				"2 Inhalationen morgens und abends"),
		INHALER_ONCE_DAILY("2 inhalaties eenmaal per dag", "2 inhalations une fois par jour",
				"2 Inhalationen einmal täglich"),
		INJECTION_2_WEEKS("Subcutane injectie om de 2 weken", "Injection sous-cutanée toutes les 2 semaines",
				"Subkutane Injektion alle 2 Wochen"),
		INJECTION_4_WEEKS("Subcutane injectie om de 4 weken", "Injection sous-cutanée toutes les 4 semaines",
				"Subkutane Injektion alle 4 Wochen"),
		INJECTION_8_WEEKS("Subcutane injectie om de 8 weken", "Injection sous-cutanée toutes les 8 semaines",
				"Subkutane Injektion alle 8 Wochen"),
		NASAL_SPRAY("2 sprays per neusgat eenmaal per dag", "2 pulvérisations par narine une fois par jour",
				"2 Sprühstöße pro Nasenloch einmal täglich"),
		TABLET("1 tablet per dag", "1 comprimé par jour", "1 Tablette täglich"),
		CREAM("Dun aanbrengen op de letsels, eenmaal per dag", "Appliquer en couche mince sur les lésions, une fois par jour",
				"Dünn auf die betroffenen Stellen auftragen, einmal täglich");

		private final String nl;
		private final String fr;
		private final String de;

		Dosage(String nl, String fr, String de) {
			this.nl = nl;
			this.fr = fr;
			this.de = de;
		}

		String text(Lang lang) {
			return lang.pick(nl, fr, de);
		}
	}

	final String atc;
	final String display;
	final Dosage dosage;

	Medication(String atc, String display, Dosage dosage) {
		this.atc = atc;
		this.display = display;
		this.dosage = dosage;
	}
}
