package be.lungcare.fhir.research;

import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Quantity;
import org.w3c.dom.Document;
import org.xml.sax.InputSource;

/** MeasureReports as the indicator operation writes them, and a secure XML parser to read what is made of them. */
final class IndicatorReports {

	static final String BASE = "https://fhir.lungcare.be/Measure/";
	static final String SPIROMETRY = "copd-spirometry-12m";
	static final String ACT = "asthma-act-recorded";
	static final String EXACERBATIONS = "copd-exacerbation-rate";

	static final Map<String, String> TITLES = Map.of(
			SPIROMETRY, "COPD: spirometry in the last 12 months",
			ACT, "Asthma: ACT score recorded",
			EXACERBATIONS, "COPD: exacerbations per patient-year");

	private IndicatorReports() {
	}

	/**
	 * Two proportions and a rate over the months January to June 2026; the spirometry indicator also has July, and in
	 * April its denominator is 0 (no score). Shuffled, as the operation may return them in any order.
	 */
	static List<MeasureReport> sample() {
		int[][] spirometry = {{7, 10}, {12, 16}, {15, 19}, {0, 0}, {18, 22}, {20, 23}, {21, 24}};
		int[][] act = {{30, 80}, {34, 81}, {41, 85}, {47, 86}, {52, 88}, {55, 90}};
		int[][] exacerbations = {{21, 50}, {18, 48}, {16, 51}, {15, 50}, {12, 49}, {11, 50}};
		List<MeasureReport> reports = new ArrayList<>();
		for (int m = 0; m < spirometry.length; m++) {
			reports.add(proportion(SPIROMETRY, YearMonth.of(2026, m + 1), spirometry[m][0], spirometry[m][1]));
		}
		for (int m = 0; m < act.length; m++) {
			reports.add(proportion(ACT, YearMonth.of(2026, m + 1), act[m][0], act[m][1]));
		}
		for (int m = 0; m < exacerbations.length; m++) {
			reports.add(rate(EXACERBATIONS, YearMonth.of(2026, m + 1), exacerbations[m][0], exacerbations[m][1]));
		}
		Collections.shuffle(reports, new Random(20261201));
		return reports;
	}

	/** A proportion report: score numerator / denominator with unit 1, none when the denominator is 0. */
	static MeasureReport proportion(String code, YearMonth month, int numerator, int denominator) {
		MeasureReport report = report(code, month, numerator, denominator);
		if (denominator > 0) {
			report.getGroupFirstRep().setMeasureScore(new Quantity().setValue(
					BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), 6, RoundingMode.HALF_UP))
					.setSystem("http://unitsofmeasure.org").setCode("1").setUnit("1"));
		}
		return report;
	}

	/** A rate report: events per patient-year ({@code /a}); the counts are events and patient-years. */
	static MeasureReport rate(String code, YearMonth month, int events, int patientYears) {
		MeasureReport report = report(code, month, events, patientYears);
		report.getGroupFirstRep().setMeasureScore(new Quantity().setValue(
				BigDecimal.valueOf(events).divide(BigDecimal.valueOf(patientYears), 6, RoundingMode.HALF_UP))
				.setSystem("http://unitsofmeasure.org").setCode("/a").setUnit("/a"));
		return report;
	}

	private static MeasureReport report(String code, YearMonth month, int numerator, int denominator) {
		MeasureReport report = new MeasureReport();
		report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE).setType(MeasureReport.MeasureReportType.SUMMARY);
		report.setMeasure(BASE + code);
		report.setPeriod(new Period().setStartElement(new DateTimeType(month.atDay(1).toString()))
				.setEndElement(new DateTimeType(month.atEndOfMonth().toString())));
		MeasureReport.MeasureReportGroupComponent group = report.addGroup();
		population(group, "initial-population", denominator + 5);
		population(group, "denominator", denominator);
		population(group, "numerator", numerator);
		return report;
	}

	private static void population(MeasureReport.MeasureReportGroupComponent group, String code, int count) {
		group.addPopulation().setCode(new CodeableConcept().addCoding(new Coding(ChartSeriesReader.POPULATION_SYSTEM, code, null)))
				.setCount(count);
	}

	/** Parses XML with no DOCTYPE allowed and nothing external read. */
	static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
		factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
		factory.setXIncludeAware(false);
		factory.setExpandEntityReferences(false);
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
	}
}
