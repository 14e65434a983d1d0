package be.lungcare.fhir.terminology;

import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.support.ConceptValidationOptions;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code ValueSet/$validate-code} on the offline chain: is the code in the value set, and is the display given one
 * of the code's displays (its display or any of its designations, in any language, ignoring case and spacing)? The
 * answer is the R4 {@code Parameters}: {@code result}, {@code message} (why not, or a hint), {@code display} (the
 * code's display, in the language asked for). A display that is none of these is wrong (result false) when the server
 * holds the code system's content; otherwise (SNOMED CT, LOINC...) it cannot be judged: result true, with a message.
 */
final class ValueSetCodeValidator {

	/** One coding to check, and where it is in the request (for a 400). */
	record Candidate(String system, String code, String display, String expression) {}

	private record Check(boolean valid, String message, String display) {}

	private static final Logger log = LoggerFactory.getLogger(ValueSetCodeValidator.class);

	private final IValidationSupport chain;
	private final ValueSetExpander expander;
	private final CodeSystemConcepts codeSystems;

	ValueSetCodeValidator(IValidationSupport chain, ValueSetExpander expander, CodeSystemConcepts codeSystems) {
		this.chain = chain;
		this.expander = expander;
		this.codeSystems = codeSystems;
	}

	/**
	 * @param candidates the coding to check, or the codings of a CodeableConcept (valid when one of them is)
	 * @param expression what identifies the value set in the request, for a 422
	 */
	Parameters validate(ValueSet valueSet, List<Candidate> candidates, DisplayLanguage language, String expression) {
		for (Candidate candidate : candidates) {
			if (candidate.code() == null || candidate.code().isBlank()) {
				throw Problems.invalid("A code is required in " + candidate.expression(), candidate.expression());
			}
			if (candidate.system() == null || candidate.system().isBlank()) {
				throw Problems.invalid("The system of the code '" + candidate.code() + "' is required in " + candidate.expression(),
						candidate.expression());
			}
		}
		ValueSetDefinition definition = expander.expandable(valueSet, expression);
		List<Check> checks = new ArrayList<>();
		for (Candidate candidate : candidates) {
			checks.add(check(valueSet, definition, candidate, language, expression));
		}
		Check firstValid = checks.stream().filter(Check::valid).findFirst().orElse(null);
		Parameters result = new Parameters();
		result.addParameter().setName("result").setValue(new BooleanType(firstValid != null));
		List<String> messages = checks.stream().map(Check::message).filter(m -> m != null).toList();
		if (!messages.isEmpty()) {
			result.addParameter().setName("message").setValue(new StringType(String.join("; ", messages)));
		}
		String display = Stream.concat(Stream.ofNullable(firstValid), checks.stream())
				.map(Check::display).filter(d -> d != null).findFirst().orElse(null);
		if (display != null) {
			result.addParameter().setName("display").setValue(new StringType(display));
		}
		return result;
	}

	private Check check(ValueSet valueSet, ValueSetDefinition definition, Candidate candidate, DisplayLanguage language,
			String expression) {
		IValidationSupport.CodeValidationResult inValueSet;
		try {
			inValueSet = chain.validateCodeInValueSet(new ValidationSupportContext(chain), new ConceptValidationOptions(),
					candidate.system(), candidate.code(), null, valueSet);
		} catch (RuntimeException e) {
			log.warn("In-memory validation of a code in {} failed", valueSet.getUrl(), e);
			throw Problems.unprocessable(IssueType.NOTSUPPORTED, "The value set " + name(valueSet)
					+ " cannot be evaluated on this server", expression);
		}
		String coded = "The code '" + candidate.code() + "' of " + candidate.system();
		if (inValueSet == null || !inValueSet.isOk()) {
			return new Check(false, coded + " is not in the value set " + name(valueSet), null);
		}
		List<Designation> designations = definition.designations(candidate.system(), candidate.code());
		String defaultDisplay = inValueSet.getDisplay();
		String display = language == null ? defaultDisplay : language.display(designations, defaultDisplay);
		if (candidate.display() != null && !candidate.display().isBlank()
				&& !isADisplay(candidate.display(), defaultDisplay, designations)) {
			if (!holdsAllDisplays(candidate.system())) {
				// e.g. SNOMED CT: the code may have this synonym, which the server cannot see
				return new Check(true, "The display '" + candidate.display() + "' could not be checked: it is not '" + display
						+ "', and the server does not hold the other displays of " + candidate.system(), display);
			}
			return new Check(false, "The display '" + candidate.display() + "' is not a display of the code '"
					+ candidate.code() + "' of " + candidate.system() + "; its display is '" + display + "'", display);
		}
		return new Check(true, null, display);
	}

	private boolean holdsAllDisplays(String system) {
		return codeSystems.of(system, null).map(CodeSystemConcepts.Index::complete).orElse(false);
	}

	private static boolean isADisplay(String given, String defaultDisplay, List<Designation> designations) {
		String wanted = normalised(given);
		return wanted.equals(normalised(defaultDisplay))
				|| designations.stream().anyMatch(d -> wanted.equals(normalised(d.value())));
	}

	private static String normalised(String text) {
		return text == null ? "" : text.trim().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
	}

	private static String name(ValueSet valueSet) {
		return valueSet.hasUrl() ? valueSet.getUrl() : "ValueSet/" + valueSet.getIdElement().getIdPart();
	}
}
