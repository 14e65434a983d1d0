package be.lungcare.fhir.terminology;

import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * A designation of a code, as a code system or a value set gives it: its language (BCP-47, may be absent), its use
 * (may be absent) and its text.
 */
record Designation(String language, Coding use, String value) {

	/** The designation-usage code for "the display to show" (the other R4 code is "synonym"). */
	private static final String DISPLAY_USE = "display";

	static Designation of(CodeSystem.ConceptDefinitionDesignationComponent designation) {
		return new Designation(designation.getLanguage(), designation.hasUse() ? designation.getUse() : null,
				designation.getValue());
	}

	static Designation of(ValueSet.ConceptReferenceDesignationComponent designation) {
		return new Designation(designation.getLanguage(), designation.hasUse() ? designation.getUse() : null,
				designation.getValue());
	}

	/** A designation meant as a display: without a use, or with the use "display". */
	boolean isDisplay() {
		return use == null || DISPLAY_USE.equals(use.getCode());
	}

	/** The same language (ignoring case, as BCP-47 does) and the same text. */
	boolean sameAs(Designation other) {
		return value != null && value.equals(other.value)
				&& (language == null ? other.language == null : language.equalsIgnoreCase(other.language));
	}

	ValueSet.ConceptReferenceDesignationComponent toValueSetDesignation() {
		ValueSet.ConceptReferenceDesignationComponent designation = new ValueSet.ConceptReferenceDesignationComponent();
		designation.setLanguage(language).setValue(value);
		if (use != null) {
			designation.setUse(use.copy());
		}
		return designation;
	}
}
