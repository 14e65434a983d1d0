package be.lungcare.fhir.terminology;

import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.context.support.ValidationSupportContext;
import ca.uhn.fhir.context.support.ValueSetExpansionOptions;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.ValueSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code $expand} on the offline chain (the IG package on R4 core, in-memory terminology): the codes in the order
 * the value set defines them, with their displays in the language asked for, filtered and paged.
 */
final class ValueSetExpander {

	private static final Logger log = LoggerFactory.getLogger(ValueSetExpander.class);
	/** HAPI's message code ("HAPI-0702: "), meaningless to a client. */
	private static final Pattern HAPI_CODE = Pattern.compile("HAPI-\\d+:\\s*");

	private final IValidationSupport chain;
	private final CodeSystemConcepts codeSystems;

	ValueSetExpander(IValidationSupport chain, CodeSystemConcepts codeSystems) {
		this.chain = chain;
		this.codeSystems = codeSystems;
	}

	/**
	 * The expansion of a value set.
	 *
	 * @param expression what identifies the value set in the request ({@code url}, or {@code ValueSet/{id}}), named by
	 *     the OperationOutcome of a 422
	 * @throws ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException (422) when the value set cannot be
	 *     expanded offline, e.g. because it includes all of a code system whose content the server does not hold
	 */
	ValueSet expand(ValueSet valueSet, ExpansionRequest request, String expression) {
		ValueSetDefinition definition = expandable(valueSet, expression);
		List<ValueSet.ValueSetExpansionContainsComponent> codes = new ArrayList<>();
		flatten(inMemoryExpansion(valueSet, expression).getExpansion().getContains(), codes);
		codes.sort(Comparator.<ValueSet.ValueSetExpansionContainsComponent>comparingInt(c -> definition.position(c.getSystem(), c.getCode()))
				.thenComparing(c -> Objects.toString(c.getSystem(), ""))
				.thenComparing(c -> Objects.toString(c.getCode(), "")));

		List<ValueSet.ValueSetExpansionContainsComponent> matching = new ArrayList<>();
		for (ValueSet.ValueSetExpansionContainsComponent code : codes) {
			ValueSet.ValueSetExpansionContainsComponent entry = localised(code, definition, request);
			if (request.filter() == null || contains(entry.getDisplay(), request.filter())) {
				matching.add(entry);
			}
		}
		int from = Math.min(request.offset(), matching.size());
		int to = (int) Math.min((long) from + request.pageSize(), matching.size());

		ValueSet result = valueSet.copy();
		result.setCompose(null);
		result.setText(null);
		ValueSet.ValueSetExpansionComponent expansion = new ValueSet.ValueSetExpansionComponent();
		result.setExpansion(expansion);
		expansion.setIdentifier("urn:uuid:" + UUID.randomUUID());
		expansion.setTimestamp(new Date());
		expansion.setTotal(matching.size());
		expansion.setOffset(request.offset());
		if (request.displayLanguage() != null) {
			expansion.addParameter().setName("displayLanguage").setValue(new CodeType(request.displayLanguage().tag()));
		}
		if (request.filter() != null) {
			expansion.addParameter().setName("filter").setValue(new StringType(request.filter()));
		}
		expansion.addParameter().setName("count").setValue(new IntegerType(request.pageSize()));
		expansion.addParameter().setName("offset").setValue(new IntegerType(request.offset()));
		if (request.includeDesignations()) {
			expansion.addParameter().setName("includeDesignations").setValue(new BooleanType(true));
		}
		matching.subList(from, to).forEach(expansion::addContains);
		return result;
	}

	/**
	 * The definition of a value set that can be expanded offline.
	 *
	 * @throws ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException (422) when it cannot
	 */
	ValueSetDefinition expandable(ValueSet valueSet, String expression) {
		ValueSetDefinition definition = ValueSetDefinition.of(valueSet, chain, codeSystems);
		definition.unavailable().ifPresent(reason -> {
			throw notExpandable(valueSet, reason, expression);
		});
		return definition;
	}

	private ValueSet inMemoryExpansion(ValueSet valueSet, String expression) {
		IValidationSupport.ValueSetExpansionOutcome outcome;
		try {
			// every code: the in-memory expansion is complete anyway, and this server filters and pages it itself
			outcome = chain.expandValueSet(new ValidationSupportContext(chain),
					new ValueSetExpansionOptions().setCount(Integer.MAX_VALUE), valueSet);
		} catch (RuntimeException e) {
			log.warn("In-memory expansion of {} failed", valueSet.getUrl(), e);
			throw notExpandable(valueSet, "its definition could not be evaluated", expression);
		}
		if (outcome == null || outcome.getValueSet() == null) {
			String error = outcome == null || outcome.getError() == null
					? "the in-memory terminology cannot evaluate its definition"
					: HAPI_CODE.matcher(outcome.getError()).replaceAll("");
			throw notExpandable(valueSet, error, expression);
		}
		return (ValueSet) outcome.getValueSet();
	}

	private static RuntimeException notExpandable(ValueSet valueSet, String reason, String expression) {
		String name = valueSet.hasUrl() ? valueSet.getUrl() : "ValueSet/" + valueSet.getIdElement().getIdPart();
		return Problems.unprocessable(IssueType.NOTSUPPORTED,
				"The value set " + name + " cannot be expanded on this server: " + Problems.withoutInternals(reason), expression);
	}

	/** A code of the expansion as the client gets it: display in the language asked for, designations if asked. */
	private static ValueSet.ValueSetExpansionContainsComponent localised(ValueSet.ValueSetExpansionContainsComponent code,
			ValueSetDefinition definition, ExpansionRequest request) {
		ValueSet.ValueSetExpansionContainsComponent entry = new ValueSet.ValueSetExpansionContainsComponent()
				.setSystem(code.getSystem())
				.setCode(code.getCode());
		if (code.hasVersion()) {
			entry.setVersion(code.getVersion());
		}
		if (code.hasAbstract()) {
			entry.setAbstract(code.getAbstract());
		}
		if (code.hasInactive()) {
			entry.setInactive(code.getInactive());
		}
		List<Designation> designations = definition.designations(code.getSystem(), code.getCode());
		String display = request.displayLanguage() == null
				? code.getDisplay()
				: request.displayLanguage().display(designations, code.getDisplay());
		entry.setDisplay(display);
		if (request.includeDesignations()) {
			designations.forEach(d -> entry.addDesignation(d.toValueSetDesignation()));
		}
		return entry;
	}

	private static void flatten(List<ValueSet.ValueSetExpansionContainsComponent> level,
			List<ValueSet.ValueSetExpansionContainsComponent> into) {
		for (ValueSet.ValueSetExpansionContainsComponent code : level) {
			if (code.hasCode()) {
				into.add(code);
			}
			flatten(code.getContains(), into);
		}
	}

	static boolean contains(String display, String filter) {
		return display != null && display.toLowerCase(Locale.ROOT).contains(filter.toLowerCase(Locale.ROOT));
	}
}
