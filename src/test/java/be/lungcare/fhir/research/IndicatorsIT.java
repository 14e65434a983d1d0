package be.lungcare.fhir.research;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.synthetic.PopulationGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Group;
import org.hl7.fhir.r4.model.MeasureReport;
import org.hl7.fhir.r4.model.MedicationRequest;
import org.hl7.fhir.r4.model.Observation;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The indicators against an independent oracle: the same definitions computed from the REST API's own searches
 * over the whole database; the stored populations; the chart and page; and the Spark example on a plain export.
 */
class IndicatorsIT extends AbstractServerIT {

	private static final LocalDate END = PopulationGenerator.REFERENCE_DATE;
	private static final LocalDate START = END.minusMonths(12).plusDays(1);
	private static final String GROUP = "https://fhir.lungcare.be/CodeSystem/lungcare-disease-group";
	private static boolean loaded;

	@BeforeEach
	void loadPopulation() {
		if (loaded) {
			return;
		}
		Iterator<Bundle> bundles = new PopulationGenerator(6060).bundles(30, 5);
		while (bundles.hasNext()) {
			HttpResponse<String> stored = postJson("", json(bundles.next()));
			assertThat(stored.statusCode()).as(stored.body()).isEqualTo(200);
		}
		loaded = true;
	}

	private Map<String, MeasureReport> indicators(String query) {
		HttpResponse<String> response = sendAs(ResearchExportIT.RESEARCH, "GET", "$lungcare-indicators?" + query, null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Map<String, MeasureReport> reports = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : parse(Bundle.class, response.body()).getEntry()) {
			MeasureReport report = (MeasureReport) entry.getResource();
			reports.put(report.getMeasure().substring(Indicator.MEASURE_BASE.length()), report);
		}
		return reports;
	}

	private static int population(MeasureReport report, String code) {
		return report.getGroupFirstRep().getPopulation().stream().filter(p -> code.equals(p.getCode().getCodingFirstRep().getCode()))
				.findFirst().orElseThrow().getCount();
	}

	/** Every resource a search finds, following the pages. */
	private <T extends IBaseResource> List<T> all(Class<T> type, String query) {
		List<T> found = new ArrayList<>();
		String next = type.getSimpleName() + "?" + query + "&_count=500";
		while (next != null) {
			HttpResponse<String> response = sendAs(ResearchExportIT.ADMIN, "GET", next, null, null);
			assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
			Bundle page = parse(Bundle.class, response.body());
			page.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast).forEach(found::add);
			next = page.getLink("next") == null ? null : page.getLink("next").getUrl();
		}
		return found;
	}

	private Set<String> activePatients(String... groups) {
		Set<String> patients = new HashSet<>();
		for (String group : groups) {
			for (Condition condition : all(Condition.class, "category=" + GROUP + "|" + group + "&clinical-status=active")) {
				String verification = condition.getVerificationStatus().getCodingFirstRep().getCode();
				if (!"refuted".equals(verification) && !"entered-in-error".equals(verification)) {
					patients.add(condition.getSubject().getReferenceElement().getIdPart());
				}
			}
		}
		return patients;
	}

	private List<Observation> observations(String code, LocalDate from, LocalDate to) {
		return all(Observation.class, "code=http://loinc.org|" + code + "&status=final,amended,corrected&date=ge" + from + "&date=le" + to);
	}

	private static String subject(Observation observation) {
		return observation.getSubject().getReferenceElement().getIdPart();
	}

	@Test
	void everyIndicatorMatchesTheSameDefinitionComputedThroughTheRestApi() {
		Map<String, MeasureReport> reports = indicators("periodStart=" + START + "&periodEnd=" + END);
		assertThat(reports).hasSize(Indicator.values().length);

		Set<String> copd = activePatients("copd");
		Set<String> spirometry = new HashSet<>();
		observations(Indicators.SPIROMETRY, START, END).forEach(o -> spirometry.add(subject(o)));
		spirometry.retainAll(copd);
		assertThat(population(reports.get("copd-spirometry-12m"), "denominator")).isEqualTo(copd.size()).isPositive();
		assertThat(population(reports.get("copd-spirometry-12m"), "numerator")).isEqualTo(spirometry.size());

		Set<String> asthma = activePatients("asthma", "severe-type2-asthma");
		Map<String, Observation> latest = new HashMap<>();
		for (Observation act : observations(Indicators.ACT, START, END)) {
			if (asthma.contains(subject(act))) {
				latest.merge(subject(act), act, (a, b) -> b.getEffectiveDateTimeType().getValue().after(a.getEffectiveDateTimeType().getValue()) ? b : a);
			}
		}
		long controlled = latest.values().stream().filter(o -> o.getValueQuantity().getValue().intValue() >= 20).count();
		assertThat(population(reports.get("asthma-act-controlled"), "denominator")).isEqualTo(latest.size()).isPositive();
		assertThat(population(reports.get("asthma-act-controlled"), "numerator")).isEqualTo((int) controlled);

		List<org.hl7.fhir.r4.model.Encounter> exacerbations = all(org.hl7.fhir.r4.model.Encounter.class, "reason-code=" + Indicators.ICD10 + "|"
				+ Indicators.COPD_EXACERBATION);
		long events = exacerbations.stream().filter(e -> copd.contains(e.getSubject().getReferenceElement().getIdPart())).filter(e -> {
			LocalDate started = LocalDate.parse(e.getPeriod().getStartElement().getValueAsString().substring(0, 10));
			return !started.isBefore(START) && !started.isAfter(END);
		}).count();
		MeasureReport rate = reports.get("copd-exacerbation-rate");
		assertThat(population(rate, "measure-observation")).isEqualTo((int) events).isPositive();
		assertThat(rate.getGroupFirstRep().getMeasureScore().getValue().doubleValue())
				.isCloseTo(events / (copd.size() * (365 / 365.25)), org.assertj.core.data.Offset.offset(0.0001));

		Map<String, LocalDate> firstBiologic = new HashMap<>();
		for (MedicationRequest request : all(MedicationRequest.class, "code=" + String.join(",", Indicators.BIOLOGICS.stream()
				.map(c -> Indicators.ATC + "|" + c).toList()) + "&status=active,completed&authoredon=le" + END)) {
			LocalDate authored = LocalDate.parse(request.getAuthoredOnElement().getValueAsString().substring(0, 10));
			firstBiologic.merge(request.getSubject().getReferenceElement().getIdPart(), authored, (a, b) -> a.isBefore(b) ? a : b);
		}
		Set<String> measured = new HashSet<>();
		for (Observation count : observations(Indicators.EOSINOPHILS, Indicators.EARLIEST, END)) {
			LocalDate day = LocalDate.parse(count.getEffectiveDateTimeType().getValueAsString().substring(0, 10));
			LocalDate started = firstBiologic.get(subject(count));
			if (started != null && !day.isAfter(started) && !day.isBefore(started.minusMonths(12))) {
				measured.add(subject(count));
			}
		}
		assertThat(population(reports.get("eosinophils-before-biologic"), "denominator")).isEqualTo(firstBiologic.size()).isPositive();
		assertThat(population(reports.get("eosinophils-before-biologic"), "numerator")).isEqualTo(measured.size());

		Set<String> everyone = activePatients(Indicators.ALL_GROUPS.toArray(String[]::new));
		Set<String> planned = new HashSet<>();
		all(org.hl7.fhir.r4.model.CarePlan.class, "status=active").forEach(p -> planned.add(p.getSubject().getReferenceElement().getIdPart()));
		Set<String> teamed = new HashSet<>();
		for (CareTeam team : all(CareTeam.class, "status=active")) {
			Set<String> roles = new HashSet<>();
			team.getParticipant().forEach(p -> p.getRole().forEach(role -> role.getCoding().stream()
					.filter(c -> !Indicators.NOT_A_DISCIPLINE.contains(c.getSystem() + "|" + c.getCode())).findFirst()
					.ifPresent(c -> roles.add(c.getSystem() + "|" + c.getCode()))));
			if (roles.size() >= 3) {
				teamed.add(team.getSubject().getReferenceElement().getIdPart());
			}
		}
		teamed.retainAll(planned);
		teamed.retainAll(everyone);
		assertThat(population(reports.get("multidisciplinary-care"), "denominator")).isEqualTo(everyone.size());
		assertThat(population(reports.get("multidisciplinary-care"), "numerator")).isEqualTo(teamed.size()).isPositive();
	}

	@Test
	void thePopulationsAreStoredAsGroupsThatCanBeExported() throws Exception {
		String query = "periodStart=" + START + "&periodEnd=" + END + "&indicator=copd-spirometry-12m&groups=true";
		assertThat(sendAs(ResearchExportIT.RESEARCH, "GET", "$lungcare-indicators?" + query, null, null).statusCode()).isEqualTo(400);
		HttpResponse<String> response = sendAs(ResearchExportIT.RESEARCH, "POST", "$lungcare-indicators?" + query, null, null);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		MeasureReport report = (MeasureReport) parse(Bundle.class, response.body()).getEntryFirstRep().getResource();
		MeasureReport.MeasureReportGroupPopulationComponent numerator = report.getGroupFirstRep().getPopulation().stream()
				.filter(p -> "numerator".equals(p.getCode().getCodingFirstRep().getCode())).findFirst().orElseThrow();
		String groupId = ((org.hl7.fhir.r4.model.Reference) numerator.getExtensionByUrl(IndicatorOperations.POPULATION_SUBJECTS).getValue())
				.getReferenceElement().getIdPart();
		Group group = parse(Group.class, sendAs(ResearchExportIT.ADMIN, "GET", "Group/" + groupId, null, null).body());
		assertThat(group.getMember()).hasSize(numerator.getCount());
		BulkData.Export export = new BulkData(baseUrl()).export(ResearchExportIT.RESEARCH, "Group/" + groupId + "/$export?_type=Patient");
		assertThat(export.count("Patient")).isLessThanOrEqualTo(numerator.getCount()).isPositive(); // minus research opt-outs
	}

	@Test
	void theReportDrawsTheIndicatorsMonthByMonth() throws Exception {
		HttpResponse<byte[]> png = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
				java.net.URI.create(baseUrl() + "/$lungcare-indicator-report?from=2026-01&to=2026-06&output=png"))
				.header("Authorization", "Bearer " + ResearchExportIT.RESEARCH).header("Accept", "image/png").build(),
				HttpResponse.BodyHandlers.ofByteArray());
		assertThat(png.statusCode()).isEqualTo(200);
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png.body()));
		assertThat(image.getWidth()).isEqualTo(900);
		Files.write(Path.of("target", "indicator-report.png"), png.body());
		HttpResponse<String> html = new BulkData(baseUrl()).send(ResearchExportIT.RESEARCH, "GET", "$lungcare-indicator-report?from=2026-01&to=2026-06",
				java.util.Map.of("Accept", "text/html"));
		assertThat(html.statusCode()).isEqualTo(200);
		assertThat(html.body()).contains("<svg").contains(Indicator.COPD_SPIROMETRY.title).contains("2026-06");
		assertThat(sendAs(ResearchExportIT.RESEARCH, "GET", "$lungcare-indicator-report?from=2026-13&to=2026-06", null, null).statusCode())
				.isEqualTo(400);
		assertThat(sendAs(ResearchExportIT.RESEARCH, "GET", "$lungcare-indicators?periodStart=2026-01-01&periodEnd=2025-01-01", null, null)
				.body()).contains("periodEnd");
	}

	/** The Spark example (research/spark) on a plain export of the whole database gives the server's numbers. */
	@Test
	void sparkOnTheExportGivesTheSameNumbersAsTheServer() throws Exception {
		Path classpath = Path.of("research", "spark", "target", "classpath.txt");
		assertThat(classpath).as("built by the pre-integration-test phase").exists();
		BulkData.Export export = new BulkData(baseUrl()).export(ResearchExportIT.ADMIN, "$export?_type=Condition,Observation");
		Path folder = Files.createTempDirectory("lungcare-export");
		for (Map.Entry<String, List<String>> file : export.lines().entrySet()) {
			Files.write(folder.resolve(file.getKey() + ".ndjson"), file.getValue(), StandardCharsets.UTF_8);
		}
		Map<String, MeasureReport> reports = indicators("periodStart=" + START + "&periodEnd=" + END);
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
		// the Java 17 flags Spark needs, written by research/spark's build beside its classpath
		command.addAll(List.of(Files.readString(Path.of("research", "spark", "target", "jvm-flags.txt")).trim().split("\\s+")));
		command.add("-XX:TieredStopAtLevel=1"); // a small export: the C2 compiler's work would be most of the time
		command.addAll(List.of("-cp", Path.of("research", "spark", "target", "classes") + java.io.File.pathSeparator
				+ Files.readString(classpath).trim(), "be.lungcare.research.spark.SparkIndicators", folder.toString(), START.toString(), END.toString()));
		Process spark = new ProcessBuilder(command).redirectError(Path.of("target", "spark-indicators.log").toFile()).start();
		assertThat(spark.waitFor(4, TimeUnit.MINUTES)).as("Spark finished").isTrue();
		String out = new String(spark.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
		assertThat(spark.exitValue()).as(out).isZero();
		JsonNode numbers = new ObjectMapper().readTree(out);
		for (String indicator : List.of("copd-spirometry-12m", "asthma-act-controlled")) {
			assertThat(numbers.path(indicator).path("denominator").asInt()).as(indicator).isEqualTo(population(reports.get(indicator), "denominator"));
			assertThat(numbers.path(indicator).path("numerator").asInt()).as(indicator).isEqualTo(population(reports.get(indicator), "numerator"));
		}
	}
}
