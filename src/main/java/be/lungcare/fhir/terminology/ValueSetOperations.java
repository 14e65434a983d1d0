package be.lungcare.fhir.terminology;

import be.lungcare.fhir.config.RestProvider;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * {@code ValueSet/$expand} and {@code ValueSet/$validate-code}, by canonical URL ({@code url}, with an optional
 * {@code valueSetVersion}) or on a stored value set ({@code ValueSet/{id}/$expand}). The value sets and code systems
 * are those of the implementation guide the server installs (the stored terminology: it is read-only through the
 * API) and of R4 core; they are evaluated in memory, offline.
 */
final class ValueSetOperations implements RestProvider {

	/** Where a value set named by its canonical URL was asked for. */
	private static final String URL = "url";
	private static final String VERSION = "valueSetVersion";
	/** Where a stored value set's definition is, for a 422 on {@code ValueSet/{id}/$expand}. */
	private static final String COMPOSE = "ValueSet.compose";

	private final IValidationSupport chain;
	private final DaoRegistry daos;
	private final ValueSetExpander expander;
	private final ValueSetCodeValidator validator;

	ValueSetOperations(IValidationSupport chain, DaoRegistry daos, ValueSetExpander expander, ValueSetCodeValidator validator) {
		this.chain = chain;
		this.daos = daos;
		this.expander = expander;
		this.validator = validator;
	}

	@Description(shortDefinition = "The codes of a value set, with displays in the language asked for (nl, fr, de, en);"
			+ " at most " + ExpansionRequest.MAX_COUNT + " codes per call, page with offset")
	@Operation(name = "$expand", typeName = "ValueSet", idempotent = true)
	public ValueSet expand(
			@IdParam(optional = true) IdType id,
			@OperationParam(name = "url", min = 0, max = 1) UriType url,
			@OperationParam(name = "valueSetVersion", min = 0, max = 1) StringType valueSetVersion,
			@OperationParam(name = "filter", min = 0, max = 1) StringType filter,
			@Description(shortDefinition = "At most this many codes (at most " + ExpansionRequest.MAX_COUNT + ")")
			@OperationParam(name = "count", min = 0, max = 1) IntegerType count,
			@OperationParam(name = "offset", min = 0, max = 1) IntegerType offset,
			@OperationParam(name = "displayLanguage", min = 0, max = 1) CodeType displayLanguage,
			@OperationParam(name = "includeDesignations", min = 0, max = 1) BooleanType includeDesignations,
			RequestDetails request) {
		ExpansionRequest expansion = ExpansionRequest.of(value(displayLanguage), value(filter),
				count == null ? null : count.getValue(), offset == null ? null : offset.getValue(),
				includeDesignations == null ? null : includeDesignations.getValue());
		ValueSet expanded = expander.expand(valueSet(id, url, valueSetVersion, request), expansion, expression(id));
		if (!isInstance(id)) {
			// found by url in the installed guide: its id and meta are the guide's, not those of the stored copy
			expanded.setIdElement(null);
			expanded.setMeta(null);
		}
		return expanded;
	}

	@Description(shortDefinition = "Whether a code is in a value set, and whether its display is one of the code's displays")
	@Operation(name = "$validate-code", typeName = "ValueSet", idempotent = true)
	public Parameters validateCode(
			@IdParam(optional = true) IdType id,
			@OperationParam(name = "url", min = 0, max = 1) UriType url,
			@OperationParam(name = "valueSetVersion", min = 0, max = 1) StringType valueSetVersion,
			@OperationParam(name = "code", min = 0, max = 1) CodeType code,
			@OperationParam(name = "system", min = 0, max = 1) UriType system,
			@OperationParam(name = "display", min = 0, max = 1) StringType display,
			@OperationParam(name = "coding", min = 0, max = 1) Coding coding,
			@OperationParam(name = "codeableConcept", min = 0, max = 1) CodeableConcept codeableConcept,
			@OperationParam(name = "displayLanguage", min = 0, max = 1) CodeType displayLanguage,
			RequestDetails request) {
		DisplayLanguage language = DisplayLanguage.parse(value(displayLanguage), "displayLanguage");
		List<ValueSetCodeValidator.Candidate> candidates = candidates(code, system, display, coding, codeableConcept);
		return validator.validate(valueSet(id, url, valueSetVersion, request), candidates, language, expression(id));
	}

	/** The code to check, given in exactly one of the three ways the operation offers. */
	private static List<ValueSetCodeValidator.Candidate> candidates(CodeType code, UriType system, StringType display,
			Coding coding, CodeableConcept codeableConcept) {
		int forms = (code != null || system != null ? 1 : 0) + (coding != null ? 1 : 0) + (codeableConcept != null ? 1 : 0);
		if (forms != 1) {
			throw Problems.invalid("Give the code to check in exactly one way: code with system (and optionally display),"
					+ " coding, or codeableConcept", "code");
		}
		List<ValueSetCodeValidator.Candidate> candidates = new ArrayList<>();
		if (coding != null) {
			candidates.add(new ValueSetCodeValidator.Candidate(coding.getSystem(), coding.getCode(),
					display != null ? display.getValue() : coding.getDisplay(), "coding"));
		} else if (codeableConcept != null) {
			List<Coding> codings = codeableConcept.getCoding();
			if (codings.isEmpty()) {
				throw Problems.invalid("codeableConcept has no coding to check", "codeableConcept.coding");
			}
			for (int i = 0; i < codings.size(); i++) {
				Coding next = codings.get(i);
				candidates.add(new ValueSetCodeValidator.Candidate(next.getSystem(), next.getCode(), next.getDisplay(),
						"codeableConcept.coding[" + i + "]"));
			}
		} else {
			if (code == null || code.isEmpty()) {
				throw Problems.invalid("code is required with system", "code");
			}
			if (system == null || system.isEmpty()) {
				throw Problems.invalid("system is required with code: the code system of the code", "system");
			}
			candidates.add(new ValueSetCodeValidator.Candidate(system.getValue(), code.getValue(), value(display), "code"));
		}
		return candidates;
	}

	/** The stored value set {@code ValueSet/{id}}, or the value set with the canonical URL (and version) asked for. */
	private ValueSet valueSet(IdType id, UriType url, StringType version, RequestDetails request) {
		if (isInstance(id)) {
			return daos.getResourceDao(ValueSet.class).read(id.toUnqualifiedVersionless(), request);
		}
		if (url == null || url.isEmpty() || url.getValue().isBlank()) {
			throw Problems.invalid("url is required: the canonical URL of the value set (or call the operation on"
					+ " ValueSet/{id})", URL);
		}
		String canonical = url.getValue().trim();
		String versioned = version == null || version.isEmpty() || canonical.contains("|")
				? canonical
				: canonical + "|" + version.getValue().trim();
		IBaseResource found = chain.fetchValueSet(versioned);
		if (found instanceof ValueSet valueSet) {
			return valueSet;
		}
		if (!versioned.equals(canonical) && chain.fetchValueSet(canonical) instanceof ValueSet other) {
			String message = "This server has the value set " + canonical + " in version " + other.getVersion()
					+ ", not in version " + version.getValue().trim();
			throw new ResourceNotFoundException(message, Problems.outcome(IssueType.NOTFOUND, message, VERSION));
		}
		String message = "This server has no value set with the url " + versioned.replace("|", " and the version ");
		throw new ResourceNotFoundException(message, Problems.outcome(IssueType.NOTFOUND, message, URL));
	}

	private static boolean isInstance(IdType id) {
		return id != null && id.hasIdPart();
	}

	private static String expression(IdType id) {
		return isInstance(id) ? COMPOSE : URL;
	}

	private static String value(StringType value) {
		return value == null ? null : value.getValue();
	}

	private static String value(CodeType value) {
		return value == null ? null : value.getValue();
	}
}
