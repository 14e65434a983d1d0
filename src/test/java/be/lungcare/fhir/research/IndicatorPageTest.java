package be.lungcare.fhir.research;

import static be.lungcare.fhir.research.IndicatorChartTest.children;
import static be.lungcare.fhir.research.IndicatorChartTest.groups;
import static be.lungcare.fhir.research.IndicatorReports.ACT;
import static be.lungcare.fhir.research.IndicatorReports.EXACERBATIONS;
import static be.lungcare.fhir.research.IndicatorReports.SPIROMETRY;
import static be.lungcare.fhir.research.IndicatorReports.TITLES;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class IndicatorPageTest {

	private static final String DOCTYPE = "<!DOCTYPE html>\n";

	@Test
	void eachIndicatorHasATableOfItsPeriods() throws Exception {
		Document page = page(IndicatorPage.html(IndicatorReports.sample(), TITLES, "2026-12-01 12:00 UTC"));

		List<Element> sections = children(page.getDocumentElement(), "section");
		assertThat(sections).extracting(section -> children(section, "h2").get(0).getTextContent())
				.satisfiesExactly(
						heading -> assertThat(heading).startsWith(TITLES.get(ACT)).contains(ACT),
						heading -> assertThat(heading).startsWith(TITLES.get(SPIROMETRY)).contains(SPIROMETRY),
						heading -> assertThat(heading).startsWith(TITLES.get(EXACERBATIONS)).contains(EXACERBATIONS));
		List<List<String>> spirometry = rows(sections.get(1));
		assertThat(spirometry).hasSize(7);
		assertThat(spirometry.get(0)).containsExactly("2026-01-01 – 2026-01-31", "7", "10", "70.0 %", "");
		assertThat(spirometry.get(2)).containsExactly("2026-03-01 – 2026-03-31", "15", "19", "78.9 %", "");
		assertThat(spirometry.get(3)).containsExactly("2026-04-01 – 2026-04-30", "0", "0", "—", "No score: denominator 0");
		assertThat(children(sections.get(1), "tr")).filteredOn(row -> row.getAttribute("class").equals("gap")).hasSize(1);
		assertThat(rows(sections.get(0))).hasSize(6);
		List<List<String>> exacerbations = rows(sections.get(2));
		assertThat(exacerbations).hasSize(6);
		assertThat(exacerbations.get(0)).containsExactly("2026-01-01 – 2026-01-31", "21", "50", "0.42 per year", "");

		assertThat(children(page.getDocumentElement(), "h1").get(0).getTextContent()).isEqualTo("Integrated-care indicators");
		assertThat(children(page.getDocumentElement(), "p").get(0).getTextContent())
				.contains("Generated at 2026-12-01 12:00 UTC", "3 indicators", "2026-01-31 to 2026-07-31");
		Element svg = children(page.getDocumentElement(), "svg").get(0);
		assertThat(svg.getParentNode().getNodeName()).isEqualTo("figure");
		assertThat(groups(page, "series")).hasSize(3).allSatisfy(series -> assertThat(children(series, "path")).hasSize(1));
	}

	@Test
	void everyTextIsEscaped() throws Exception {
		Map<String, String> titles = new HashMap<>(TITLES);
		titles.put(SPIROMETRY, "<b>COPD</b> spirometry & \"FEV1\"");
		String html = IndicatorPage.html(IndicatorReports.sample(), titles, "<script>alert(1)</script>");

		assertThat(html).doesNotContain("<b>", "<script").contains("&lt;b&gt;COPD&lt;/b&gt; spirometry &amp; &quot;FEV1&quot;");
		Document page = page(html);
		assertThat(children(page.getDocumentElement(), "h2").get(1).getTextContent())
				.startsWith("<b>COPD</b> spirometry & \"FEV1\"");
		assertThat(children(page.getDocumentElement(), "p").get(0).getTextContent())
				.startsWith("Generated at <script>alert(1)</script>");
	}

	@Test
	void thePageOpensOffline() {
		String html = IndicatorPage.html(IndicatorReports.sample(), TITLES, "2026-12-01");

		assertThat(html.toLowerCase(java.util.Locale.ROOT))
				.doesNotContain("http", "//", "src=", "href=", "<link", "<script", "url(", "@import", "@font-face");
		assertThat(html).contains("<style>", "<svg ");
	}

	@Test
	void withoutReportsThePageSaysSo() throws Exception {
		Document page = page(IndicatorPage.html(List.of(), Map.of(), null));

		assertThat(children(page.getDocumentElement(), "table")).isEmpty();
		assertThat(page.getDocumentElement().getTextContent()).contains("No data", "No indicator reports.")
				.doesNotContain("Generated at");
	}

	private static Document page(String html) throws Exception {
		assertThat(html).startsWith(DOCTYPE);
		Document page = IndicatorReports.parse(html.substring(DOCTYPE.length()));
		assertThat(page.getDocumentElement().getLocalName()).isEqualTo("html");
		return page;
	}

	/** The body rows of a section's table, as the text of their cells. */
	private static List<List<String>> rows(Element section) {
		Element body = children(section, "tbody").get(0);
		return children(body, "tr").stream()
				.map(row -> children(row, "td").stream().map(Element::getTextContent).toList()).toList();
	}
}
