package be.lungcare.fhir.research;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One indicator's reports, read from MeasureReports and sorted by period: what the chart draws as one series and the
 * page shows as one table.
 *
 * @param code the indicator's code, the last path segment of {@code MeasureReport.measure}
 * @param title what people read (the caller's title for the code, else the code)
 * @param proportion a proportion (score 0..1, unit {@code 1}, shown as a percentage); else a rate in {@code unit}
 * @param unit how a rate's unit reads ("per year" for {@code /a}); "%" for a proportion
 * @param periods the reports, by period end (reports without a period last)
 */
record ChartSeries(String code, String title, boolean proportion, String unit, List<Period> periods) {

	/**
	 * One report: its period (the dates as written, without a time zone shift; absent when the report has none), its
	 * score (null when the report has none, e.g. denominator 0) and its population counts (null when absent).
	 */
	record Period(LocalDate start, LocalDate end, BigDecimal score, Integer numerator, Integer denominator) {

		/** Where the period sits on a time axis: its end, else its start; null when the report has no period. */
		LocalDate at() {
			return end != null ? end : start;
		}

		boolean scored() {
			return score != null;
		}
	}

	/** The axis (and chart panel) this indicator is drawn on: indicators with different units never share one. */
	String axis() {
		return proportion ? "%" : unit;
	}

	boolean hasGaps() {
		return periods.stream().anyMatch(period -> period.at() != null && !period.scored());
	}
}
