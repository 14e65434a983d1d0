package be.lungcare.fhir.research;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.hl7.fhir.r4.model.MeasureReport;

/**
 * A self-contained HTML5 page of integrated-care indicators: the chart as inline SVG, then a table per indicator with
 * each period's numerator, denominator and score, and a note where a period has no score.
 * <p>
 * It must open offline, from a mail attachment or a file share: no external style sheet, script, font or image, and
 * no link at all (the inline SVG goes without its namespace, which HTML does not need). It is also well-formed XML
 * after its {@code <!DOCTYPE html>} (void elements closed, only the XML entities), so it can be checked or transformed
 * with an XML parser. All text from the reports and the caller is escaped.
 */
final class IndicatorPage {

	static {
		Headless.ensure();
	}

	static final String HEADING = "Integrated-care indicators";
	static final int CHART_WIDTH = 900;
	static final int CHART_HEIGHT = 500;

	private static final String STYLE = """
			body{margin:2rem auto;max-width:960px;padding:0 1rem;color:#1f2933;line-height:1.45;
			font-family:system-ui,"Segoe UI","DejaVu Sans",Arial,sans-serif}
			h1{font-size:1.5rem;margin:0 0 .25rem}
			h2{font-size:1.1rem;margin:2.25rem 0 .5rem}
			.meta{color:#52606d;margin:0 0 1.25rem}
			figure{margin:0}
			figure svg{display:block;width:100%;height:auto}
			.swatch{display:inline-block;width:.8rem;height:.8rem;border-radius:2px;margin-right:.5rem}
			.code{font-weight:normal;font-size:.85rem;color:#52606d;margin-left:.5rem}
			table{border-collapse:collapse;width:100%;font-variant-numeric:tabular-nums}
			th,td{padding:.35rem .6rem;border-bottom:1px solid #e4e7eb;text-align:left;white-space:nowrap}
			th{font-weight:600;color:#52606d;border-bottom-color:#9aa5b1}
			.n{text-align:right}
			td.note{white-space:normal;width:40%}
			tr.gap td{color:#52606d;background:#f7f8f9}
			@media print{body{margin:0;max-width:none}}
			""";

	private IndicatorPage() {
	}

	/**
	 * The page. {@code titles} names indicators by code (the code stands in for a missing title); {@code generatedAt}
	 * is shown as given (it may be null).
	 */
	static String html(List<MeasureReport> reports, Map<String, String> titles, String generatedAt) {
		List<ChartSeries> indicators = ChartSeriesReader.read(reports, titles);
		StringBuilder html = new StringBuilder(32_768);
		html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n")
				.append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n")
				.append("<title>").append(HEADING).append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n")
				.append("<body>\n<main>\n<h1>").append(HEADING).append("</h1>\n")
				.append("<p class=\"meta\">").append(Markup.escape(summary(indicators, generatedAt))).append("</p>\n")
				.append("<figure>\n").append(IndicatorChart.svg(indicators, CHART_WIDTH, CHART_HEIGHT, false))
				.append("</figure>\n");
		if (indicators.isEmpty()) {
			html.append("<p>No indicator reports.</p>\n");
		}
		for (int i = 0; i < indicators.size(); i++) {
			table(html, indicators.get(i), i);
		}
		return html.append("</main>\n</body>\n</html>\n").toString();
	}

	private static String summary(List<ChartSeries> indicators, String generatedAt) {
		StringBuilder summary = new StringBuilder();
		if (generatedAt != null && !generatedAt.isBlank()) {
			summary.append("Generated at ").append(generatedAt.strip()).append(" · ");
		}
		summary.append(indicators.size()).append(indicators.size() == 1 ? " indicator" : " indicators");
		List<LocalDate> ends = indicators.stream().flatMap(indicator -> indicator.periods().stream())
				.map(ChartSeries.Period::at).filter(Objects::nonNull).sorted().toList();
		if (!ends.isEmpty()) {
			summary.append(" · periods ending ").append(ends.get(0));
			if (!ends.get(ends.size() - 1).equals(ends.get(0))) {
				summary.append(" to ").append(ends.get(ends.size() - 1));
			}
		}
		return summary.toString();
	}

	private static void table(StringBuilder html, ChartSeries indicator, int index) {
		html.append("<section>\n<h2><span class=\"swatch\" aria-hidden=\"true\" style=\"background:")
				.append(SvgCanvas.hex(ChartPainter.colour(index))).append("\"></span>")
				.append(Markup.escape(indicator.title())).append("<span class=\"code\">")
				.append(Markup.escape(indicator.code() + " · " + (indicator.proportion() ? "proportion" : "rate " + indicator.unit())))
				.append("</span></h2>\n<table>\n<thead><tr><th scope=\"col\">Period</th>")
				.append("<th scope=\"col\" class=\"n\">Numerator</th><th scope=\"col\" class=\"n\">Denominator</th>")
				.append("<th scope=\"col\" class=\"n\">Score</th><th scope=\"col\">Note</th></tr></thead>\n<tbody>\n");
		for (ChartSeries.Period period : indicator.periods()) {
			html.append(period.scored() ? "<tr>" : "<tr class=\"gap\">")
					.append("<td>").append(Markup.escape(period(period))).append("</td>")
					.append("<td class=\"n\">").append(count(period.numerator())).append("</td>")
					.append("<td class=\"n\">").append(count(period.denominator())).append("</td>")
					.append("<td class=\"n\">").append(Markup.escape(score(indicator, period))).append("</td>")
					.append("<td class=\"note\">").append(Markup.escape(note(period))).append("</td></tr>\n");
		}
		html.append("</tbody>\n</table>\n</section>\n");
	}

	private static String period(ChartSeries.Period period) {
		if (period.start() == null && period.end() == null) {
			return "no period";
		}
		return (period.start() == null ? "" : period.start() + " ") + "– " + (period.end() == null ? "" : period.end());
	}

	private static String count(Integer count) {
		return count == null ? "—" : count.toString();
	}

	private static String score(ChartSeries indicator, ChartSeries.Period period) {
		if (!period.scored()) {
			return "—";
		}
		return indicator.proportion() ? Markup.percent(period.score()) : Markup.rate(period.score()) + " " + indicator.unit();
	}

	private static String note(ChartSeries.Period period) {
		String note = "";
		if (!period.scored()) {
			note = period.denominator() != null && period.denominator() == 0 ? "No score: denominator 0" : "No score reported";
		}
		if (period.at() == null) {
			note += (note.isEmpty() ? "" : "; ") + "not on the chart: the report has no period";
		}
		return note;
	}
}
