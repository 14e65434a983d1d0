package be.lungcare.fhir.search;

import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.RuntimeSearchParam;
import ca.uhn.fhir.jpa.searchparam.util.JpaParamUtil;
import ca.uhn.fhir.parser.DataFormatException;
import ca.uhn.fhir.rest.api.RestSearchParameterTypeEnum;
import ca.uhn.fhir.rest.param.DateParam;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import ca.uhn.fhir.util.UrlUtil;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.OperationOutcome;

/**
 * The checks of a search's parameters, wherever a search is given: a search request, the criteria of a
 * conditional create, update, patch or delete, and the searches and conditional URLs inside a bundle. A client's
 * mistake is a 400 that names the parameter instead of a server error or, worse, a search that silently ignores a
 * criterion: values that are not a date, number or quantity; modifiers the parameter type does not have;
 * {@code :missing} other than true/false; composite values without their parts; bad {@code _count},
 * {@code _offset}, {@code _summary} or {@code _total}. A search with more criteria (sort keys and includes
 * counted) than the documented maximum is refused before it reaches the database.
 */
final class SearchCriteriaCheck {

	private static final Set<String> SUMMARY = Set.of("true", "false", "text", "data", "count");
	private static final Set<String> TOTAL = Set.of("none", "estimate", "accurate");
	private static final Set<String> BOOLEAN = Set.of("true", "false");

	/** Result parameters and others HAPI handles itself (or refuses by name) rather than as criteria. */
	private static final Set<String> NOT_CRITERIA = Set.of("_count", "_offset", "_summary", "_total", "_sort", "_elements",
			"_include", "_revinclude", "_format", "_pretty", "_type", "_contained", "_containedType", "_since", "_at",
			"_getpages", "_getpagesoffset", "_bundletype", "_debug");

	/** Modifiers R4 defines for each parameter type (besides :missing, which all have, and reference :[type]). */
	private static final Map<RestSearchParameterTypeEnum, Set<String>> MODIFIERS = Map.of(
			RestSearchParameterTypeEnum.STRING, Set.of("exact"),
			RestSearchParameterTypeEnum.TOKEN, Set.of("text", "not", "above", "below", "in", "not-in", "of-type"),
			RestSearchParameterTypeEnum.REFERENCE, Set.of("identifier", "above", "below"),
			RestSearchParameterTypeEnum.URI, Set.of("above", "below"),
			RestSearchParameterTypeEnum.DATE, Set.of(),
			RestSearchParameterTypeEnum.NUMBER, Set.of(),
			RestSearchParameterTypeEnum.QUANTITY, Set.of(),
			RestSearchParameterTypeEnum.COMPOSITE, Set.of(),
			RestSearchParameterTypeEnum.SPECIAL, Set.of());

	private static final String PREFIX = "(eq|ne|gt|lt|ge|le|sa|eb|ap)?";
	/** A number the server can hold: at most 28 digits before and after the point, a small exponent. */
	private static final String NUMBER = "-?[0-9]{1,28}(\\.[0-9]{1,28})?([eE][+-]?[0-9]{1,2})?";
	/** A FHIR date, dateTime or instant (a space stands for an unencoded '+' in the time zone, as HAPI accepts). */
	private static final Pattern DATE = Pattern.compile(PREFIX + "([0-9]{4})(-([0-9]{2})(-([0-9]{2})"
			+ "(T([01][0-9]|2[0-3]):[0-5][0-9](:([0-5][0-9]|60)(\\.[0-9]+)?)?(Z|[+ -]((0[0-9]|1[0-3]):[0-5][0-9]|14:00))?)?)?)?");
	private static final Pattern NUMBER_VALUE = Pattern.compile(PREFIX + NUMBER);
	private static final Pattern QUANTITY_VALUE = Pattern.compile(PREFIX + NUMBER + "(\\|[^|]*\\|[^|]+)?");
	private static final Pattern NON_NEGATIVE = Pattern.compile("[0-9]{1,9}");
	private static final Pattern VALUE_SEPARATOR = Pattern.compile("(?<!\\\\),");

	private final ISearchParamRegistry registry;
	private final int maxParameters;
	private final int maxValues;

	SearchCriteriaCheck(ISearchParamRegistry registry, int maxParameters, int maxValues) {
		this.registry = registry;
		this.maxParameters = maxParameters;
		this.maxValues = maxValues;
	}

	/** A search: its result parameters and its criteria ({@code resourceType} null for a search of all types). */
	void checkSearch(String resourceType, Map<String, String[]> parameters) {
		checkResultParameters(parameters);
		checkCriteria(resourceType, parameters);
	}

	/**
	 * The criteria of a conditional interaction ({@code [type]?[criteria]} or just the criteria), checked like a
	 * search, and every parameter must exist for the type. A problem starts with {@code label} and names
	 * {@code expression}, or, when that is null, the parameter.
	 */
	void checkConditional(String resourceType, String criteria, String label, String expression) {
		int query = criteria.indexOf('?');
		Map<String, String[]> parameters = UrlUtil.parseQueryString(query < 0 ? criteria : criteria.substring(query + 1));
		try {
			for (String name : parameters.keySet()) {
				String base = name.split("[:.]", 2)[0];
				if (!base.startsWith("_") && registry.getActiveSearchParam(resourceType, base,
						ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH) == null) {
					throw Problems.invalid("The parameter '" + base + "' does not exist for " + resourceType, name);
				}
			}
			checkSearch(resourceType, parameters);
		} catch (InvalidRequestException e) {
			throw Problems.invalid(label + ": " + e.getMessage(), expression != null ? expression
					: e.getOperationOutcome() instanceof OperationOutcome outcome && outcome.getIssueFirstRep().hasExpression()
							? outcome.getIssueFirstRep().getExpression().get(0).getValue() : null);
		}
	}

	/** Parameters that shape any answer (searches, reads, history, $everything). */
	static void checkResultParameters(Map<String, String[]> parameters) {
		for (String name : List.of("_count", "_offset")) {
			for (String value : values(parameters, name)) {
				if (!NON_NEGATIVE.matcher(value).matches()) {
					throw Problems.invalid("The parameter '" + name + "' must be a whole number of 0 or more, not '"
							+ shown(value) + "'", name);
				}
			}
		}
		oneOf(parameters, "_summary", SUMMARY);
		oneOf(parameters, "_total", TOTAL);
		oneOf(parameters, "_pretty", BOOLEAN);
		oneOf(parameters, "_contained", Set.of("true", "false", "both"));
		oneOf(parameters, "_containedType", Set.of("container", "contained"));
	}

	private void checkCriteria(String resourceType, Map<String, String[]> parameters) {
		int criteria = 0;
		for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
			String name = parameter.getKey();
			if (NOT_CRITERIA.contains(name)) {
				// sort keys and includes cost a join or a query each: they count too
				if (name.equals("_sort")) {
					criteria += Stream.of(parameter.getValue()).mapToInt(v -> v.split(",", -1).length).sum();
				} else if (name.startsWith("_include") || name.startsWith("_revinclude")) {
					criteria += parameter.getValue().length;
				}
				if (criteria > maxParameters) {
					throw Problems.invalid("The search has more than the limit of " + maxParameters
							+ " criteria, sort keys and includes; narrow it or split it", name);
				}
				continue;
			}
			criteria += parameter.getValue().length;
			if (criteria > maxParameters) {
				throw Problems.invalid("The search has more than the limit of " + maxParameters
						+ " criteria; narrow it or split it", name);
			}
			for (String value : parameter.getValue()) {
				List<String> alternatives = List.of(VALUE_SEPARATOR.split(value, -1));
				if (alternatives.size() > maxValues) {
					throw Problems.invalid("The parameter '" + name + "' has more than the limit of " + maxValues
							+ " values", name);
				}
				if (resourceType != null) {
					checkCriterion(resourceType, name, value, alternatives);
				}
			}
		}
	}

	private void checkCriterion(String resourceType, String name, String value, List<String> alternatives) {
		if (name.startsWith("_has")) {
			if (name.split(":", -1).length < 4) {
				throw Problems.invalid("The parameter '" + name + "' must have the form _has:[type]:[reference]:[parameter]", name);
			}
			return;
		}
		int colon = name.indexOf(':');
		int dot = name.indexOf('.');
		int end = name.length();
		if (colon >= 0) {
			end = Math.min(end, colon);
		}
		if (dot >= 0) {
			end = Math.min(end, dot);
		}
		String base = name.substring(0, end);
		String modifier = colon >= 0 && (dot < 0 || colon < dot) ? name.substring(colon + 1, dot > colon ? dot : name.length()) : null;
		RuntimeSearchParam searchParam = registry.getActiveSearchParam(resourceType, base,
				ISearchParamRegistry.SearchParamLookupContextEnum.SEARCH);
		if (searchParam == null) {
			return; // HAPI answers an unknown parameter with a 400 that lists the known ones
		}
		RestSearchParameterTypeEnum type = searchParam.getParamType();
		if (dot > 0) {
			if (type != RestSearchParameterTypeEnum.REFERENCE) {
				throw Problems.invalid("The parameter '" + base + "' is not a reference, so it cannot be chained ('" + name + "')", name);
			}
			return; // the chained parameter belongs to the target type
		}
		if (modifier != null) {
			checkModifier(name, modifier, type, value);
			if (!List.of("exact", "not", "above", "below", "identifier").contains(modifier)
					&& !(type == RestSearchParameterTypeEnum.REFERENCE && Character.isUpperCase(modifier.charAt(0)))) {
				return; // the value means something else (a value set URL, true/false, free text)
			}
		}
		for (String alternative : alternatives) {
			checkValue(resourceType, name, searchParam, type, alternative);
		}
	}

	private static void checkModifier(String name, String modifier, RestSearchParameterTypeEnum type, String value) {
		if (modifier.equals("missing")) {
			if (!BOOLEAN.contains(value)) {
				throw Problems.invalid("The parameter '" + name + "' takes true or false, not '" + shown(value) + "'", name);
			}
			return;
		}
		if (modifier.equals("contains") && type == RestSearchParameterTypeEnum.STRING) {
			throw Problems.invalid("The modifier ':contains' is not offered by this server (no index can serve it);"
					+ " a string parameter without modifier matches the start of words, ':exact' the whole value", name);
		}
		boolean typeModifier = type == RestSearchParameterTypeEnum.REFERENCE && !modifier.isEmpty()
				&& Character.isUpperCase(modifier.charAt(0));
		if (!typeModifier && !MODIFIERS.getOrDefault(type, Set.of()).contains(modifier)) {
			throw Problems.invalid("The modifier ':" + shown(modifier) + "' does not exist for the " + type.getCode()
					+ " parameter '" + name.substring(0, name.indexOf(':')) + "'", name);
		}
		if (modifier.equals("of-type") && value.split("\\|", -1).length != 3) {
			throw Problems.invalid("The parameter '" + name + "' takes [system]|[code]|[value]", name);
		}
	}

	private void checkValue(String resourceType, String name, RuntimeSearchParam searchParam,
			RestSearchParameterTypeEnum type, String value) {
		switch (type) {
			case DATE -> checkDate(name, value);
			case NUMBER -> {
				if (!NUMBER_VALUE.matcher(value).matches()) {
					throw Problems.invalid("The parameter '" + name + "' takes a number (with an optional prefix such as ge), not '"
							+ shown(value) + "'", name);
				}
			}
			case QUANTITY -> {
				if (!QUANTITY_VALUE.matcher(value).matches()) {
					throw Problems.invalid("The parameter '" + name + "' takes a quantity: [prefix][number]|[system]|[code], not '"
							+ shown(value) + "'", name);
				}
			}
			case COMPOSITE -> checkComposite(resourceType, name, searchParam, value);
			default -> {
				// string, token, reference, uri: any text is a value
			}
		}
	}

	private void checkComposite(String resourceType, String name, RuntimeSearchParam searchParam, String value) {
		List<JpaParamUtil.ComponentAndCorrespondingParam> components =
				JpaParamUtil.resolveCompositeComponents(registry, searchParam);
		String[] parts = value.split("(?<!\\\\)\\$", -1);
		if (parts.length != components.size()) {
			throw Problems.invalid("The composite parameter '" + name + "' takes " + components.size()
					+ " values joined by '$', not '" + shown(value) + "'", name);
		}
		for (int i = 0; i < parts.length; i++) {
			if (parts[i].isEmpty()) {
				throw Problems.invalid("The composite parameter '" + name + "' has an empty value at part " + (i + 1), name);
			}
			RuntimeSearchParam component = components.get(i).getComponentParameter();
			checkValue(resourceType, name, component, component.getParamType(), parts[i]);
		}
	}

	/** A FHIR date, dateTime or instant with an optional prefix, that is a real calendar date. */
	private static void checkDate(String name, String value) {
		Matcher date = DATE.matcher(value);
		if (!date.matches()) {
			throw Problems.invalid("The parameter '" + name + "' takes a date such as 2024, 2024-05 or 2024-05-17"
					+ " (with an optional prefix such as ge, and a time), not '" + shown(value) + "'", name);
		}
		try {
			int year = Integer.parseInt(date.group(2));
			if (date.group(4) != null) {
				int month = Integer.parseInt(date.group(4));
				LocalDate.of(year, month, date.group(6) == null ? 1 : Integer.parseInt(date.group(6)));
			}
			new DateParam(value);
		} catch (DateTimeException | DataFormatException | IllegalArgumentException e) {
			throw Problems.invalid("The parameter '" + name + "' is not a real calendar date: '" + shown(value) + "'", name);
		}
	}

	private static void oneOf(Map<String, String[]> parameters, String name, Set<String> allowed) {
		for (String value : values(parameters, name)) {
			if (!allowed.contains(value)) {
				throw Problems.invalid("The parameter '" + name + "' takes one of " + String.join(", ", allowed.stream().sorted().toList())
						+ ", not '" + shown(value) + "'", name);
			}
		}
	}

	private static List<String> values(Map<String, String[]> parameters, String name) {
		String[] values = parameters.get(name);
		return values == null ? List.of() : List.of(values);
	}

	/** A value as it can be quoted back: at most 100 characters. */
	private static String shown(String value) {
		return value.length() > 100 ? value.substring(0, 100) + "..." : value;
	}
}
