package be.lungcare.fhir.research;

import be.lungcare.fhir.config.RestProvider;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.model.api.annotation.Description;
import ca.uhn.fhir.rest.annotation.Operation;
import ca.uhn.fhir.rest.annotation.OperationParam;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.StringType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The integrated-care indicators, computed on demand with plain SQL ({@link Indicators}):
 * <ul>
 * <li>{@code $lungcare-indicators}: one MeasureReport per indicator over a period, optionally for one organization's
 * care teams; with {@code groups=true} (POST) the denominator and numerator populations are also stored as Group
 * resources that a researcher can export ({@code Group/{id}/$export}), referenced from the report.</li>
 * <li>{@code $lungcare-indicator-report}: the indicators month by month (each over the 12 months up to that month's
 * end) as a chart and a small HTML page ({@code output=html}, {@code png} or {@code svg}).</li>
 * </ul>
 * The reports hold counts only, no patient data.
 */
final class IndicatorOperations implements RestProvider {

	private static final Logger log = LoggerFactory.getLogger(IndicatorOperations.class);
	private static final String POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
	private static final String IMPROVEMENT = "http://terminology.hl7.org/CodeSystem/measure-improvement-notation";
	/** R5's MeasureReport.group.population.subjects (Reference(Group)), as a cross-version extension. */
	static final String POPULATION_SUBJECTS = "http://hl7.org/fhir/5.0/StructureDefinition/extension-MeasureReport.group.population.subjects";
	private static final int MAX_PERIOD_YEARS = 10;
	private static final int MAX_REPORT_MONTHS = 36;

	private final Indicators indicators;
	private final IndicatorQueries queries;
	private final DaoRegistry daos;

	IndicatorOperations(Indicators indicators, IndicatorQueries queries, DaoRegistry daos) {
		this.indicators = indicators;
		this.queries = queries;
		this.daos = daos;
	}

	@Description(shortDefinition = "Integrated-care indicators over a period, as MeasureReports")
	@Operation(name = "$lungcare-indicators", idempotent = true)
	public Bundle indicators(
			@OperationParam(name = "periodStart", min = 1, max = 1) StringType periodStart,
			@OperationParam(name = "periodEnd", min = 1, max = 1) StringType periodEnd,
			@OperationParam(name = "organization", min = 0, max = 1) StringType organization,
			@OperationParam(name = "indicator", min = 0, max = 1) StringType indicator,
			@OperationParam(name = "groups", min = 0, max = 1) BooleanType groups,
			RequestDetails request) {
		LocalDate start = day(periodStart, "periodStart");
		LocalDate end = day(periodEnd, "periodEnd");
		if (end.isBefore(start) || ChronoUnit.YEARS.between(start, end) >= MAX_PERIOD_YEARS) {
			throw Problems.invalid("periodEnd must be on or after periodStart, and the period shorter than " + MAX_PERIOD_YEARS + " years",
					"periodEnd");
		}
		boolean storeGroups = groups != null && Boolean.TRUE.equals(groups.getValue());
		if (storeGroups && request.getRequestType() != RequestTypeEnum.POST) {
			throw Problems.invalid("groups=true stores Group resources: use POST", "groups");
		}
		Indicator only = indicator == null ? null : indicator(indicator.getValue());
		String org = organization == null ? null : organizationId(organization.getValue());
		Set<Long> ofOrganization = organizationPatients(org);

		Bundle bundle = new Bundle().setType(Bundle.BundleType.COLLECTION);
		for (Indicators.Result result : compute(start, end, ofOrganization, only)) {
			log.info("Indicator {} over {}..{}: {} of {} in {} ms", result.indicator().code, start, end, result.numerator().size(),
					result.denominator().size(), result.millis());
			MeasureReport report = report(result, start, end, org);
			if (storeGroups) {
				storeGroups(report, result, start, end, org);
			}
			bundle.addEntry().setResource(report);
		}
		bundle.setTotal(bundle.getEntry().size());
		return bundle;
	}

	@Description(shortDefinition = "The indicators month by month, as a chart and an HTML page")
	@Operation(name = "$lungcare-indicator-report", idempotent = true)
	public Binary report(
			@OperationParam(name = "from", min = 1, max = 1) StringType from,
			@OperationParam(name = "to", min = 1, max = 1) StringType to,
			@OperationParam(name = "organization", min = 0, max = 1) StringType organization,
			@OperationParam(name = "output", min = 0, max = 1) StringType output) {
		YearMonth first = month(from, "from");
		YearMonth last = month(to, "to");
		if (last.isBefore(first) || ChronoUnit.MONTHS.between(first, last) >= MAX_REPORT_MONTHS) {
			throw Problems.invalid("to must be on or after from, and at most " + MAX_REPORT_MONTHS + " months later", "to");
		}
		String format = output == null || output.getValue() == null ? "html" : output.getValue();
		if (!List.of("html", "png", "svg").contains(format)) {
			throw Problems.invalid("output must be html, png or svg", "output");
		}
		String org = organization == null ? null : organizationId(organization.getValue());
		Set<Long> ofOrganization = organizationPatients(org);
		List<MeasureReport> reports = new ArrayList<>();
		for (YearMonth month = first; !month.isAfter(last); month = month.plusMonths(1)) {
			LocalDate end = month.atEndOfMonth();
			LocalDate start = end.minusMonths(12).plusDays(1);
			for (Indicators.Result result : compute(start, end, ofOrganization, null)) {
				reports.add(report(result, start, end, org));
			}
		}
		Map<String, String> titles = new LinkedHashMap<>();
		for (Indicator indicator : Indicator.values()) {
			titles.put(indicator.code, indicator.title);
		}
		Binary binary = new Binary();
		switch (format) {
			case "png" -> binary.setContentType("image/png").setData(IndicatorChart.png(reports, titles, 900, 500));
			case "svg" -> binary.setContentType("image/svg+xml").setData(IndicatorChart.svg(reports, titles, 900, 500).getBytes(StandardCharsets.UTF_8));
			default -> binary.setContentType("text/html").setData(IndicatorPage.html(reports, titles, new DateTimeType(new Date()).getValueAsString())
					.getBytes(StandardCharsets.UTF_8));
		}
		return binary;
	}

	private List<Indicators.Result> compute(LocalDate start, LocalDate end, Set<Long> organization, Indicator only) {
		return List.copyOf(indicators.compute(start, end, organization, only).values());
	}

	private Set<Long> organizationPatients(String organization) {
		if (organization == null) {
			return null;
		}
		Set<Long> patients = queries.patientsOfOrganization(organization);
		if (patients == null) {
			throw new ResourceNotFoundException("Organization/" + organization + " is not known");
		}
		return patients;
	}

	static MeasureReport report(Indicators.Result result, LocalDate start, LocalDate end, String organization) {
		Indicator indicator = result.indicator();
		MeasureReport report = new MeasureReport();
		report.setStatus(MeasureReport.MeasureReportStatus.COMPLETE).setType(MeasureReport.MeasureReportType.SUMMARY)
				.setMeasure(indicator.measure()).setDate(new Date());
		report.getPeriod().setStartElement(new DateTimeType(start.toString())).setEndElement(new DateTimeType(end.toString()));
		report.setImprovementNotation(new CodeableConcept(new Coding(IMPROVEMENT, indicator.higherIsBetter ? "increase" : "decrease", null)));
		if (organization != null) {
			report.setReporter(new Reference("Organization/" + organization));
		}
		MeasureReport.MeasureReportGroupComponent group = report.addGroup();
		group.getCode().setText(indicator.title);
		population(group, "initial-population", result.denominator().size());
		population(group, "denominator", result.denominator().size());
		population(group, "numerator", result.numerator().size());
		if (indicator.rate) {
			population(group, "measure-observation", result.events());
		}
		Double score = result.score();
		if (score != null) {
			Quantity quantity = new Quantity().setValue(BigDecimal.valueOf(score).setScale(4, RoundingMode.HALF_UP))
					.setSystem("http://unitsofmeasure.org");
			group.setMeasureScore(indicator.rate ? quantity.setUnit("per patient-year").setCode("/a") : quantity.setUnit("1").setCode("1"));
		}
		return report;
	}

	private static void population(MeasureReport.MeasureReportGroupComponent group, String code, long count) {
		group.addPopulation().setCount((int) count).getCode().addCoding().setSystem(POPULATION).setCode(code);
	}

	/** Stores the denominator and numerator as Group resources (the same id for the same indicator, period and organization). */
	private void storeGroups(MeasureReport report, Indicators.Result result, LocalDate start, LocalDate end, String organization) {
		report.setType(MeasureReport.MeasureReportType.SUBJECTLIST);
		Map<Long, String> ids = queries.fhirIds(result.denominator());
		@SuppressWarnings("unchecked")
		IFhirResourceDao<Group> groups = daos.getResourceDao(Group.class);
		for (MeasureReport.MeasureReportGroupPopulationComponent population : report.getGroupFirstRep().getPopulation()) {
			String code = population.getCode().getCodingFirstRep().getCode();
			Set<Long> members = "numerator".equals(code) ? result.numerator() : "denominator".equals(code) ? result.denominator() : null;
			if (members == null) {
				continue;
			}
			Group group = new Group().setType(Group.GroupType.PERSON).setActual(true);
			group.setId(groupId(result.indicator(), start, end, organization, code));
			group.setName(result.indicator().title + " — " + code + ", " + start + " to " + end
					+ (organization == null ? "" : ", Organization/" + organization));
			members.stream().map(ids::get).sorted().forEach(id -> group.addMember().setEntity(new Reference("Patient/" + id)));
			group.setQuantity(group.getMember().size());
			groups.update(group, new SystemRequestDetails());
			population.addExtension(POPULATION_SUBJECTS, new Reference("Group/" + group.getIdPart()));
		}
	}

	static String groupId(Indicator indicator, LocalDate start, LocalDate end, String organization, String population) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest((indicator.code + "|" + start + "|" + end + "|" + organization)
					.getBytes(StandardCharsets.UTF_8));
			return "lci-" + HexFormat.of().formatHex(hash, 0, 8) + "-" + ("numerator".equals(population) ? "num" : "den");
		} catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private static Indicator indicator(String code) {
		for (Indicator indicator : Indicator.values()) {
			if (indicator.code.equals(code)) {
				return indicator;
			}
		}
		throw Problems.invalid("Unknown indicator '" + code + "'; known: " + String.join(", ",
				java.util.Arrays.stream(Indicator.values()).map(i -> i.code).toList()), "indicator");
	}

	private static String organizationId(String value) {
		String id = value == null ? "" : value.startsWith("Organization/") ? value.substring("Organization/".length()) : value;
		if (!id.matches("[A-Za-z0-9\\-.]{1,64}")) {
			throw Problems.invalid("organization must be an Organization id or reference", "organization");
		}
		return id;
	}

	private static LocalDate day(StringType value, String name) {
		try {
			return LocalDate.parse(value.getValue());
		} catch (DateTimeParseException | NullPointerException e) {
			throw Problems.invalid(name + " must be a date (yyyy-MM-dd)", name);
		}
	}

	private static YearMonth month(StringType value, String name) {
		try {
			return YearMonth.parse(value.getValue());
		} catch (DateTimeParseException | NullPointerException e) {
			throw Problems.invalid(name + " must be a month (yyyy-MM)", name);
		}
	}
}
