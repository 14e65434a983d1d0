package be.lungcare.fhir.research;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;

/**
 * Reads MeasureReports (one indicator over one period each, in any order, several indicators mixed) into
 * {@link ChartSeries}s, so that the chart and the page show the same thing in the same order.
 * <ul>
 * <li>Only {@code group[0]} counts: the operation writes one group per report.</li>
 * <li>A score with unit {@code 1} (UCUM code or unit), or without a unit, is a proportion; any other unit is a rate,
 * and the first scored report of an indicator decides. An indicator without any score is drawn as a proportion.</li>
 * <li>The score is taken as reported: nothing is computed here from the counts, so a report without a score
 * (denominator 0) stays a gap and nothing is ever divided.</li>
 * <li>Period dates are read as written ({@code 2026-03-31T23:59:59+02:00} is 31 March), so the server's time zone
 * cannot move a period into the next month. A period end given as a month or a year stands for its last day.</li>
 * </ul>
 * The order is stable whatever the input order, so that an indicator keeps its colour: proportions first, then rates
 * by unit, each by code.
 */
final class ChartSeriesReader {

	static final String POPULATION_SYSTEM = "http://terminology.hl7.org/CodeSystem/measure-population";

	private static final Pattern PARTIAL_DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2}))?)?.*");
	/** Readable forms of the UCUM per-time units a rate indicator is likely to use. */
	private static final Map<String, String> UNIT_NAMES = Map.of("/a", "per year", "/mo", "per month", "/wk", "per week",
			"/d", "per day");

	private ChartSeriesReader() {
	}

	static List<ChartSeries> read(List<MeasureReport> reports, Map<String, String> titles) {
		Map<String, List<MeasureReport>> byCode = new LinkedHashMap<>();
		if (reports != null) {
			for (MeasureReport report : reports) {
				if (report != null) {
					byCode.computeIfAbsent(code(report.getMeasure()), code -> new ArrayList<>()).add(report);
				}
			}
		}
		List<ChartSeries> indicators = new ArrayList<>();
		byCode.forEach((code, ofCode) -> indicators.add(indicator(code, title(code, titles), ofCode)));
		indicators.sort(Comparator.comparing((ChartSeries indicator) -> !indicator.proportion())
				.thenComparing(ChartSeries::unit).thenComparing(ChartSeries::code));
		return List.copyOf(indicators);
	}

	/** The last path segment of a canonical URL, without its {@code |version}. */
	static String code(String measure) {
		if (measure == null || measure.isBlank()) {
			return "unknown";
		}
		String url = measure.strip();
		int bar = url.indexOf('|');
		if (bar >= 0) {
			url = url.substring(0, bar);
		}
		while (url.endsWith("/")) {
			url = url.substring(0, url.length() - 1);
		}
		String code = url.substring(url.lastIndexOf('/') + 1);
		return code.isEmpty() ? "unknown" : code;
	}

	private static String title(String code, Map<String, String> titles) {
		String title = titles == null ? null : titles.get(code);
		return title == null || title.isBlank() ? code : title.strip();
	}

	private static ChartSeries indicator(String code, String title, List<MeasureReport> reports) {
		Quantity firstScore = null;
		List<ChartSeries.Period> periods = new ArrayList<>();
		for (MeasureReport report : reports) {
			MeasureReport.MeasureReportGroupComponent group = report.hasGroup() ? report.getGroupFirstRep() : null;
			Quantity score = group != null && group.hasMeasureScore() && group.getMeasureScore().hasValue()
					? group.getMeasureScore() : null;
			if (firstScore == null) {
				firstScore = score;
			}
			Period period = report.hasPeriod() ? report.getPeriod() : null;
			LocalDate start = period != null && period.hasStart() ? date(period.getStartElement(), false) : null;
			LocalDate end = period != null && period.hasEnd() ? date(period.getEndElement(), true) : null;
			periods.add(new ChartSeries.Period(start, end, score == null ? null : score.getValue(),
					count(group, "numerator"), count(group, "denominator")));
		}
		periods.sort(Comparator.comparing(ChartSeries.Period::at, Comparator.nullsLast(Comparator.naturalOrder()))
				.thenComparing(ChartSeries.Period::start, Comparator.nullsLast(Comparator.naturalOrder())));
		boolean proportion = firstScore == null || isProportion(firstScore);
		return new ChartSeries(code, title, proportion, proportion ? "%" : unitName(firstScore), List.copyOf(periods));
	}

	private static boolean isProportion(Quantity score) {
		String code = score.getCode();
		String unit = score.getUnit();
		boolean noCode = code == null || code.isBlank();
		boolean noUnit = unit == null || unit.isBlank();
		return "1".equals(code) || noCode && (noUnit || "1".equals(unit.strip()));
	}

	private static String unitName(Quantity score) {
		String unit = score.getUnit() != null && !score.getUnit().isBlank() ? score.getUnit().strip() : score.getCode().strip();
		return UNIT_NAMES.getOrDefault(unit, unit);
	}

	private static Integer count(MeasureReport.MeasureReportGroupComponent group, String populationCode) {
		if (group == null) {
			return null;
		}
		for (MeasureReport.MeasureReportGroupPopulationComponent population : group.getPopulation()) {
			if (!population.hasCode()) {
				continue;
			}
			for (Coding coding : population.getCode().getCoding()) {
				boolean system = coding.getSystem() == null || POPULATION_SYSTEM.equals(coding.getSystem());
				if (system && populationCode.equals(coding.getCode())) {
					return population.hasCount() ? population.getCount() : null;
				}
			}
		}
		return null;
	}

	/** The date as written; a month or a year stands for its first day (a start) or its last day (an end). */
	static LocalDate date(DateTimeType value, boolean end) {
		String text = value == null ? null : value.getValueAsString();
		Matcher matcher = text == null ? null : PARTIAL_DATE.matcher(text.strip());
		if (matcher == null || !matcher.matches()) {
			return null;
		}
		try {
			int year = Integer.parseInt(matcher.group(1));
			if (matcher.group(2) == null) {
				return end ? LocalDate.of(year, 12, 31) : LocalDate.of(year, 1, 1);
			}
			YearMonth month = YearMonth.of(year, Integer.parseInt(matcher.group(2)));
			if (matcher.group(3) == null) {
				return end ? month.atEndOfMonth() : month.atDay(1);
			}
			return month.atDay(Integer.parseInt(matcher.group(3)));
		} catch (DateTimeException invalid) {
			return null; // HAPI keeps a value it could not parse as text: such a report has no place in time
		}
	}
}
