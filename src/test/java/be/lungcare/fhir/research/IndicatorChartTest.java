package be.lungcare.fhir.research;

import static be.lungcare.fhir.research.IndicatorReports.ACT;
import static be.lungcare.fhir.research.IndicatorReports.EXACERBATIONS;
import static be.lungcare.fhir.research.IndicatorReports.SPIROMETRY;
import static be.lungcare.fhir.research.IndicatorReports.TITLES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import org.hl7.fhir.r4.model.MeasureReport;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class IndicatorChartTest {

	private static final int WHITE = 0xFFFFFF;

	@Test
	void thePngDrawsEachIndicatorInItsColourAcrossTheTimeAxis() throws Exception {
		byte[] png = IndicatorChart.png(IndicatorReports.sample(), TITLES, 900, 500);
		Path file = Path.of("target", "indicator-chart.png");
		Files.createDirectories(file.getParent());
		Files.write(file, png);

		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		assertThat(image.getWidth()).isEqualTo(900);
		assertThat(image.getHeight()).isEqualTo(500);
		for (int series = 0; series < 3; series++) {
			Color colour = IndicatorChart.PALETTE.get(series);
			int count = 0;
			int left = Integer.MAX_VALUE;
			int right = -1;
			for (int y = 0; y < image.getHeight(); y++) {
				for (int x = 0; x < image.getWidth(); x++) {
					if ((image.getRGB(x, y) & 0xFFFFFF) == (colour.getRGB() & 0xFFFFFF)) {
						count++;
						left = Math.min(left, x);
						right = Math.max(right, x);
					}
				}
			}
			// a line over six months spans most of the width; the legend swatch alone is 28 pixels wide
			assertThat(count).as("pixels of series colour %d", series).isGreaterThan(300);
			assertThat(right - left).as("horizontal extent of series colour %d", series).isGreaterThan(600);
		}
		assertThat(pixels(image, IndicatorChart.PALETTE.get(3).getRGB())).as("a fourth colour, with three indicators").isZero();
		int drawn = image.getWidth() * image.getHeight() - pixels(image, WHITE);
		assertThat(drawn).as("pixels that are not background").isGreaterThan(image.getWidth() * image.getHeight() / 50);
		// anti-aliased lines: along their edges, shades between the series colour and the white background
		assertThat(blends(image, IndicatorChart.PALETTE.get(0))).as("anti-aliased edges of the first line").isGreaterThan(200);
	}

	@Test
	void theSvgHasOneLinePerIndicatorAndEveryTitleInTheLegend() throws Exception {
		Document svg = IndicatorReports.parse(IndicatorChart.svg(IndicatorReports.sample(), TITLES, 900, 500));

		assertThat(svg.getDocumentElement().getLocalName()).isEqualTo("svg");
		assertThat(svg.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2000/svg");
		Map<String, List<Element>> lines = new LinkedHashMap<>();
		for (Element series : groups(svg, "series")) {
			lines.put(series.getAttribute("data-series"), children(series, "path"));
		}
		// proportions first, then the rate; by code within each
		assertThat(lines).containsOnlyKeys(ACT, SPIROMETRY, EXACERBATIONS);
		assertThat(new ArrayList<>(lines.keySet())).containsExactly(ACT, SPIROMETRY, EXACERBATIONS);
		lines.values().forEach(paths -> assertThat(paths).hasSize(1));
		// April has no score (denominator 0): the spirometry line is broken there, the others are not
		assertThat(moves(lines.get(SPIROMETRY).get(0))).isEqualTo(2);
		assertThat(moves(lines.get(ACT).get(0))).isEqualTo(1);
		assertThat(moves(lines.get(EXACERBATIONS).get(0))).isEqualTo(1);
		List<Element> gaps = groups(svg, "gaps");
		assertThat(gaps).extracting(gap -> gap.getAttribute("data-series")).containsExactly(SPIROMETRY);
		assertThat(children(gaps.get(0), "circle")).hasSize(1);

		assertThat(texts(groups(svg, "legend").get(0)))
				.containsExactly(TITLES.get(ACT), TITLES.get(SPIROMETRY), TITLES.get(EXACERBATIONS));
		List<String> note = texts(groups(svg, "note").get(0));
		assertThat(note).hasSize(1);
		assertThat(note.get(0)).contains("denominator 0");
	}

	@Test
	void proportionsAndRatesAreDrawnOnTheirOwnAxes() throws Exception {
		Document svg = IndicatorReports.parse(IndicatorChart.svg(IndicatorReports.sample(), TITLES, 900, 500));

		List<String> texts = texts(svg.getDocumentElement());
		assertThat(texts).contains("Proportion (%)", "Rate (per year)", "0 %", "100 %", "2026-01", "2026-07");
		double lowestProportion = 0;
		for (String code : List.of(ACT, SPIROMETRY)) {
			for (Element marker : children(group(svg, "series", code), "circle")) {
				lowestProportion = Math.max(lowestProportion, Double.parseDouble(marker.getAttribute("cy")));
			}
		}
		double zeroPercent = y(svg, "0 %");
		assertThat(lowestProportion).isLessThanOrEqualTo(zeroPercent);
		List<Element> rates = children(group(svg, "series", EXACERBATIONS), "circle");
		assertThat(rates).hasSize(6);
		// the rates (0.22 to 0.42 per year) are below the whole proportion panel, not squashed onto its 0 %
		assertThat(rates).allSatisfy(marker -> assertThat(Double.parseDouble(marker.getAttribute("cy")))
				.isGreaterThan(zeroPercent + 20));
	}

	@Test
	void aProportionIsDrawnInPercentFromZeroToHundred() throws Exception {
		List<MeasureReport> reports = List.of(IndicatorReports.proportion(SPIROMETRY, YearMonth.of(2026, 1), 9, 9),
				IndicatorReports.proportion(SPIROMETRY, YearMonth.of(2026, 2), 0, 8),
				IndicatorReports.proportion(SPIROMETRY, YearMonth.of(2026, 3), 1, 2));
		Document svg = IndicatorReports.parse(IndicatorChart.svg(reports, Map.of(), 900, 500));

		List<Element> markers = children(group(svg, "series", SPIROMETRY), "circle");
		assertThat(markers).hasSize(3);
		double full = y(svg, "100 %");
		double none = y(svg, "0 %");
		assertThat(Double.parseDouble(markers.get(0).getAttribute("cy"))).isCloseTo(full, offset(1.0));
		assertThat(Double.parseDouble(markers.get(1).getAttribute("cy"))).isCloseTo(none, offset(1.0));
		assertThat(Double.parseDouble(markers.get(2).getAttribute("cy")))
				.isCloseTo((full + none) / 2, offset(1.0));
		// without a title, the code stands in
		assertThat(texts(groups(svg, "legend").get(0))).containsExactly(SPIROMETRY);
	}

	@Test
	void titlesAreEscaped() throws Exception {
		Map<String, String> titles = new HashMap<>(TITLES);
		titles.put(ACT, "Asthma <control> & \"review\"");
		String svg = IndicatorChart.svg(IndicatorReports.sample(), titles, 900, 500);

		assertThat(svg).contains("Asthma &lt;control&gt; &amp; &quot;review&quot;").doesNotContain("<control>");
		assertThat(texts(groups(IndicatorReports.parse(svg), "legend").get(0))).contains("Asthma <control> & \"review\"");
	}

	@Test
	void theOrderOfTheReportsDoesNotMatter() {
		List<MeasureReport> reports = IndicatorReports.sample();
		List<MeasureReport> reversed = new ArrayList<>(reports);
		Collections.reverse(reversed);

		assertThat(IndicatorChart.svg(reversed, TITLES, 900, 500)).isEqualTo(IndicatorChart.svg(reports, TITLES, 900, 500));
	}

	@Test
	void withoutReportsTheChartSaysNoData() throws Exception {
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(IndicatorChart.png(List.of(), Map.of(), 640, 360)));
		assertThat(image.getWidth()).isEqualTo(640);
		assertThat(image.getHeight()).isEqualTo(360);
		assertThat(pixels(image, WHITE)).isLessThan(640 * 360);

		Document svg = IndicatorReports.parse(IndicatorChart.svg(List.of(), null, 640, 360));
		assertThat(texts(svg.getDocumentElement())).contains("No data");
		assertThat(svg.getElementsByTagNameNS("*", "path").getLength()).isZero();
	}

	@Test
	void aChartTooSmallToReadIsRefused() {
		assertThatThrownBy(() -> IndicatorChart.png(IndicatorReports.sample(), TITLES, 100, 500))
				.isInstanceOf(IllegalArgumentException.class);
	}

	private static int pixels(BufferedImage image, int rgb) {
		int count = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				if ((image.getRGB(x, y) & 0xFFFFFF) == (rgb & 0xFFFFFF)) {
					count++;
				}
			}
		}
		return count;
	}

	/** Pixels that mix {@code colour} with white (20 % to 80 % of the way), as anti-aliasing draws a line's edges. */
	private static int blends(BufferedImage image, Color colour) {
		int count = 0;
		int[] c = {colour.getRed(), colour.getGreen(), colour.getBlue()};
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int[] p = {rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF};
				double t = (p[0] - c[0]) / (255.0 - c[0]);
				boolean between = t >= 0.2 && t <= 0.8;
				for (int k = 1; k < 3 && between; k++) {
					between = Math.abs(p[k] - (c[k] + t * (255 - c[k]))) <= 6;
				}
				count += between ? 1 : 0;
			}
		}
		return count;
	}

	private static int moves(Element path) {
		return path.getAttribute("d").split("M", -1).length - 1;
	}

	/** The baseline of a y-axis label, less the offset that centres it on its grid line. */
	private static double y(Document svg, String label) {
		NodeList texts = svg.getElementsByTagNameNS("*", "text");
		for (int i = 0; i < texts.getLength(); i++) {
			Element text = (Element) texts.item(i);
			if (text.getTextContent().equals(label)) {
				return Double.parseDouble(text.getAttribute("y")) - 4.5;
			}
		}
		throw new AssertionError("no label " + label);
	}

	static List<Element> groups(Document document, String role) {
		List<Element> groups = new ArrayList<>();
		NodeList all = document.getElementsByTagNameNS("*", "g");
		for (int i = 0; i < all.getLength(); i++) {
			Element group = (Element) all.item(i);
			if (group.getAttribute("class").equals(role)) {
				groups.add(group);
			}
		}
		return groups;
	}

	static Element group(Document document, String role, String series) {
		return groups(document, role).stream().filter(group -> group.getAttribute("data-series").equals(series))
				.findFirst().orElseThrow();
	}

	static List<Element> children(Element parent, String name) {
		List<Element> children = new ArrayList<>();
		NodeList all = parent.getElementsByTagNameNS("*", name);
		for (int i = 0; i < all.getLength(); i++) {
			children.add((Element) all.item(i));
		}
		return children;
	}

	static List<String> texts(Element parent) {
		return children(parent, "text").stream().map(Element::getTextContent).toList();
	}
}
