package be.lungcare.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The terminology operations on the running server: {@code $expand} and {@code $validate-code} (this feature),
 * {@code $lookup} in the language asked for, {@code $translate}; and every terminology query documented in
 * examples/README.md gives the answer documented there.
 */
class TerminologyIT extends AbstractServerIT {

	private static final String GOLD_GRADE_VS = "https://fhir.lungcare.be/ValueSet/lungcare-gold-grade";
	private static final String GOLD_GRADE_CS = "https://fhir.lungcare.be/CodeSystem/lungcare-gold-grade";
	private static final String EXPAND = "ValueSet/$expand?url=" + GOLD_GRADE_VS;

	/** A query of the README's Terminology section and the values its answer names. */
	record DocumentedQuery(String query, List<String> values) {
		@Override
		public String toString() {
			return query;
		}
	}

	private static final Pattern DOCUMENTED = Pattern.compile(
			"```sh\\s*curl -s \"\\$FHIR/([^\"]+)\"\\s*```\\s*Answer: ([^\\n]+)");
	private static final Pattern VALUE = Pattern.compile("`([^`]+)`");

	static List<DocumentedQuery> documentedQueries() throws IOException {
		String readme = Files.readString(Path.of("examples", "README.md"));
		String section = readme.substring(readme.indexOf("\n## Terminology"));
		int next = section.indexOf("\n## ", 1);
		section = next < 0 ? section : section.substring(0, next);
		List<DocumentedQuery> queries = new ArrayList<>();
		Matcher query = DOCUMENTED.matcher(section);
		while (query.find()) {
			List<String> values = new ArrayList<>();
			Matcher value = VALUE.matcher(query.group(2));
			while (value.find()) {
				values.add(value.group(1));
			}
			queries.add(new DocumentedQuery(query.group(1).replace("\\$", "$"), values));
		}
		return queries;
	}

	@Test
	void theReadmeShowsOneQueryPerOperation() throws IOException {
		assertThat(documentedQueries()).extracting(q -> q.query().replaceAll("\\?.*", ""))
				.containsExactlyInAnyOrder("ValueSet/$expand", "CodeSystem/$lookup", "ValueSet/$validate-code",
						"ConceptMap/$translate");
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedQueries")
	void documentedQueryGivesTheDocumentedAnswer(DocumentedQuery q) {
		HttpResponse<String> response = get(q.query());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(q.values()).isNotEmpty();
		assertThat(response.body()).contains(q.values());
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
		"nl; GOLD 1 (licht)|GOLD 2 (matig)|GOLD 3 (ernstig)|GOLD 4 (zeer ernstig)",
		"fr; GOLD 1 (léger)|GOLD 2 (modéré)|GOLD 3 (sévère)|GOLD 4 (très sévère)",
		"de; GOLD 1 (leicht)|GOLD 2 (mittelgradig)|GOLD 3 (schwer)|GOLD 4 (sehr schwer)",
		"en; GOLD 1 (mild)|GOLD 2 (moderate)|GOLD 3 (severe)|GOLD 4 (very severe)"})
	void expandsInEachLanguageOfTheGuide(String language, String displays) {
		ValueSet expansion = expand(EXPAND + "&displayLanguage=" + language);
		assertThat(displays(expansion)).containsExactly(displays.split("\\|"));
		assertThat(expansion.getExpansion().getContains()).extracting(ValueSet.ValueSetExpansionContainsComponent::getCode)
				.containsExactly("gold-1", "gold-2", "gold-3", "gold-4");
		assertThat(expansion.getExpansion().getContains()).extracting(ValueSet.ValueSetExpansionContainsComponent::getSystem)
				.containsOnly(GOLD_GRADE_CS);
		assertThat(expansion.getExpansion().getTotal()).isEqualTo(4);
		assertThat(expansion.getExpansion().getParameter()).anySatisfy(p -> {
			assertThat(p.getName()).isEqualTo("displayLanguage");
			assertThat(p.getValue().primitiveValue()).isEqualTo(language);
		});
	}

	@Test
	void filtersOnTheDisplayInTheLanguageAskedFor() {
		ValueSet expansion = expand(EXPAND + "&displayLanguage=nl&filter=ernstig");
		assertThat(displays(expansion)).containsExactly("GOLD 3 (ernstig)", "GOLD 4 (zeer ernstig)");
		assertThat(expansion.getExpansion().getTotal()).isEqualTo(2);
		assertThat(expansion.getExpansion().getParameter()).anySatisfy(p -> {
			assertThat(p.getName()).isEqualTo("filter");
			assertThat(p.getValue().primitiveValue()).isEqualTo("ernstig");
		});
	}

	@Test
	void pagesWithCountAndOffset() {
		ValueSet page = expand(EXPAND + "&displayLanguage=de&count=2&offset=2");
		assertThat(displays(page)).containsExactly("GOLD 3 (schwer)", "GOLD 4 (sehr schwer)");
		assertThat(page.getExpansion().getTotal()).isEqualTo(4);
		assertThat(page.getExpansion().getOffset()).isEqualTo(2);
		assertThat(expand(EXPAND + "&count=0").getExpansion().getContains()).isEmpty();
		ValueSet capped = expand(EXPAND + "&count=5000");
		assertThat(capped.getExpansion().getContains()).hasSize(4);
		assertThat(capped.getExpansion().getParameter()).anySatisfy(p -> {
			assertThat(p.getName()).isEqualTo("count");
			assertThat(p.getValue().primitiveValue()).isEqualTo("1000");
		});
	}

	@Test
	void listsTheDesignationsWhenAskedFor() {
		ValueSet expansion = expand(EXPAND + "&displayLanguage=fr&includeDesignations=true&count=1");
		ValueSet.ValueSetExpansionContainsComponent gold1 = expansion.getExpansion().getContainsFirstRep();
		assertThat(gold1.getDisplay()).isEqualTo("GOLD 1 (léger)");
		assertThat(gold1.getDesignation()).extracting(d -> d.getLanguage() + "=" + d.getValue())
				.containsExactly("nl-BE=GOLD 1 (licht)", "fr-BE=GOLD 1 (léger)", "de=GOLD 1 (leicht)", "en=GOLD 1 (mild)");
	}

	@Test
	void expandsAStoredValueSetById() {
		Bundle found = parse(Bundle.class, get("ValueSet?url=" + GOLD_GRADE_VS).body());
		assertThat(found.getEntry()).isNotEmpty();
		String id = found.getEntryFirstRep().getResource().getIdElement().getIdPart();
		ValueSet expansion = expand("ValueSet/" + id + "/$expand?displayLanguage=fr&count=1&offset=3");
		assertThat(displays(expansion)).containsExactly("GOLD 4 (très sévère)");
		assertThat(expansion.getUrl()).isEqualTo(GOLD_GRADE_VS);
		assertThat(get("ValueSet/no-such-value-set/$expand").statusCode()).isEqualTo(404);
	}

	@Test
	void aValueSetIncludingAnotherTakesBothSetsOfDesignations() {
		ValueSet expansion = expand("ValueSet/$expand?url=https://fhir.lungcare.be/ValueSet/lungcare-care-team-role"
				+ "&displayLanguage=fr&filter=pneumo");
		assertThat(displays(expansion)).containsExactly("Pneumologue");
		ValueSet caregivers = expand("ValueSet/$expand?url=https://fhir.lungcare.be/ValueSet/lungcare-care-team-role"
				+ "&displayLanguage=nl&count=2");
		assertThat(displays(caregivers)).containsExactly("Patiënt", "Mantelzorger");
	}

	@Test
	void expandsByPostWithParameters() {
		Parameters body = new Parameters();
		body.addParameter().setName("url").setValue(new UriType(GOLD_GRADE_VS));
		body.addParameter().setName("displayLanguage").setValue(new CodeType("nl"));
		body.addParameter().setName("filter").setValue(new StringType("matig"));
		HttpResponse<String> response = postJson("ValueSet/$expand", json(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(displays(parse(ValueSet.class, response.body()))).containsExactly("GOLD 2 (matig)");
	}

	@Test
	void anUnknownValueSetIs404NamingTheUrl() {
		HttpResponse<String> response = get("ValueSet/$expand?url=https://fhir.lungcare.be/ValueSet/no-such-thing");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(expression(response)).isEqualTo("url");
		assertThat(get("ValueSet/$validate-code?url=https://fhir.lungcare.be/ValueSet/no-such-thing&system=x&code=y")
				.statusCode()).isEqualTo(404);
	}

	@Test
	void aVersionIsAskedForWithValueSetVersion() {
		ValueSet expansion = expand(EXPAND + "&valueSetVersion=0.1.0&count=1");
		assertThat(expansion.getVersion()).isEqualTo("0.1.0");
		// found by url: not the stored resource, so without its id
		assertThat(expansion.hasId()).isFalse();
		HttpResponse<String> response = get(EXPAND + "&valueSetVersion=9.9");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(404);
		assertThat(expression(response)).isEqualTo("valueSetVersion");
		assertThat(message(response)).contains("in version 0.1.0, not in version 9.9");
	}

	@Test
	void aValueSetThatNeedsAllOfSnomedIs422() {
		// R4 core: every SNOMED CT clinical finding, which cannot be listed without SNOMED CT itself
		HttpResponse<String> response = get("ValueSet/$expand?url=http://hl7.org/fhir/ValueSet/condition-code");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(422);
		assertThat(message(response)).contains("cannot be expanded on this server").contains("http://snomed.info/sct");
		assertThat(expression(response)).isEqualTo("url");
	}

	@Test
	void badParametersAre400NamingTheParameter() {
		for (String[] bad : new String[][] {
			{"&count=-1", "count"}, {"&offset=-3", "offset"}, {"&displayLanguage=nl;fr", "displayLanguage"}}) {
			HttpResponse<String> response = get(EXPAND + bad[0]);
			assertThat(response.statusCode()).as(bad[0] + ": " + response.body()).isEqualTo(400);
			assertThat(expression(response)).isEqualTo(bad[1]);
		}
		HttpResponse<String> noUrl = get("ValueSet/$expand");
		assertThat(noUrl.statusCode()).isEqualTo(400);
		assertThat(expression(noUrl)).isEqualTo("url");
	}

	@Test
	void malformedNumbersAndBooleansAre400WithoutJavaNames() {
		for (String bad : List.of("&count=abc", "&offset=1.5", "&count=99999999999", "&includeDesignations=yes")) {
			HttpResponse<String> response = get(EXPAND + bad);
			assertThat(response.statusCode()).as(bad + ": " + response.body()).isEqualTo(400);
			assertThat(response.body()).doesNotContain("java.", "Exception", "ca.uhn.");
		}
	}

	@Test
	void validatesACodeInAValueSet() {
		Parameters valid = validate("ValueSet/$validate-code?url=" + GOLD_GRADE_VS + "&system=" + GOLD_GRADE_CS
				+ "&code=gold-3&displayLanguage=fr");
		assertThat(valid.getParameterBool("result")).isTrue();
		assertThat(valid.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (sévère)");

		Parameters unknown = validate("ValueSet/$validate-code?url=" + GOLD_GRADE_VS + "&system=" + GOLD_GRADE_CS + "&code=gold-9");
		assertThat(unknown.getParameterBool("result")).isFalse();
		assertThat(unknown.getParameter("message").getValue().primitiveValue()).contains("'gold-9'").contains("is not in the value set");

		Parameters otherSystem = validate("ValueSet/$validate-code?url=https://fhir.lungcare.be/ValueSet/lungcare-lung-disease"
				+ "&coding=http://snomed.info/sct|195967001");
		assertThat(otherSystem.getParameterBool("result")).isTrue();
		assertThat(otherSystem.getParameter("display").getValue().primitiveValue()).isEqualTo("Asthma");

		Parameters wrongDisplay = validate("ValueSet/$validate-code?url=" + GOLD_GRADE_VS + "&system=" + GOLD_GRADE_CS
				+ "&code=gold-3&display=GOLD%204%20(very%20severe)");
		assertThat(wrongDisplay.getParameterBool("result")).isFalse();
		assertThat(wrongDisplay.getParameter("message").getValue().primitiveValue()).contains("is not a display");

		Parameters germanDisplay = validate("ValueSet/$validate-code?url=" + GOLD_GRADE_VS + "&system=" + GOLD_GRADE_CS
				+ "&code=gold-3&display=GOLD%203%20(schwer)");
		assertThat(germanDisplay.getParameterBool("result")).isTrue();

		HttpResponse<String> noSystem = get("ValueSet/$validate-code?url=" + GOLD_GRADE_VS + "&code=gold-3");
		assertThat(noSystem.statusCode()).isEqualTo(400);
		assertThat(expression(noSystem)).isEqualTo("system");
	}

	@Test
	void validatesACodingSentByPost() {
		Parameters body = new Parameters();
		body.addParameter().setName("url").setValue(new UriType(GOLD_GRADE_VS));
		body.addParameter().setName("coding").setValue(new Coding(GOLD_GRADE_CS, "gold-2", "GOLD 2 (matig)"));
		body.addParameter().setName("displayLanguage").setValue(new CodeType("en"));
		HttpResponse<String> response = postJson("ValueSet/$validate-code", json(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Parameters result = parse(Parameters.class, response.body());
		assertThat(result.getParameterBool("result")).isTrue();
		assertThat(result.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 2 (moderate)");
	}

	@Test
	void looksUpACodeInTheLanguageAskedFor() {
		Parameters french = lookup("&displayLanguage=fr");
		assertThat(french.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (sévère)");
		assertThat(designations(french)).contains("fr-BE=GOLD 3 (sévère)");
		assertThat(lookup("&displayLanguage=nl").getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (ernstig)");
		assertThat(lookup("&displayLanguage=fr-BE").getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (sévère)");
		assertThat(lookup("&displayLanguage=de").getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (schwer)");
		assertThat(lookup("").getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (severe)");
		assertThat(lookup("&displayLanguage=es").getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (severe)");
	}

	@Test
	void looksUpACodeByPostInTheLanguageAskedFor() {
		Parameters body = new Parameters();
		body.addParameter().setName("coding").setValue(new Coding(GOLD_GRADE_CS, "gold-4", null));
		body.addParameter().setName("displayLanguage").setValue(new CodeType("nl"));
		HttpResponse<String> response = postJson("CodeSystem/$lookup", json(body));
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Parameters result = parse(Parameters.class, response.body());
		assertThat(result.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 4 (zeer ernstig)");
	}

	@Test
	void translatesSnomedToIcd10() {
		HttpResponse<String> response = get("ConceptMap/$translate?url=https://fhir.lungcare.be/ConceptMap/lungcare-lung-disease-to-icd10"
				+ "&system=http://snomed.info/sct&code=13645005");
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Parameters result = parse(Parameters.class, response.body());
		assertThat(result.getParameterBool("result")).isTrue();
		Parameters.ParametersParameterComponent match = result.getParameter("match");
		Coding concept = (Coding) match.getPart().stream().filter(p -> p.getName().equals("concept")).findFirst().orElseThrow().getValue();
		assertThat(concept.getSystem()).isEqualTo("http://hl7.org/fhir/sid/icd-10");
		assertThat(concept.getCode()).isEqualTo("J44.9");
		assertThat(concept.getDisplay()).isEqualTo("Chronic obstructive pulmonary disease, unspecified");
		assertThat(match.getPart()).anySatisfy(p -> {
			assertThat(p.getName()).isEqualTo("equivalence");
			assertThat(p.getValue().primitiveValue()).isEqualTo("equivalent");
		});
	}

	@Test
	void theCapabilityStatementAnnouncesTheOperations() {
		CapabilityStatement capabilities = parse(CapabilityStatement.class, get("metadata").body());
		CapabilityStatement.CapabilityStatementRestResourceComponent valueSet = capabilities.getRestFirstRep().getResource()
				.stream().filter(r -> r.getType().equals("ValueSet")).findFirst().orElseThrow();
		assertThat(valueSet.getOperation()).extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
				.contains("expand", "validate-code");
		CapabilityStatement.CapabilityStatementRestResourceComponent codeSystem = capabilities.getRestFirstRep().getResource()
				.stream().filter(r -> r.getType().equals("CodeSystem")).findFirst().orElseThrow();
		assertThat(codeSystem.getOperation()).extracting(CapabilityStatement.CapabilityStatementRestResourceOperationComponent::getName)
				.contains("lookup");
	}

	private ValueSet expand(String query) {
		HttpResponse<String> response = get(query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return parse(ValueSet.class, response.body());
	}

	private Parameters validate(String query) {
		HttpResponse<String> response = get(query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return parse(Parameters.class, response.body());
	}

	private Parameters lookup(String language) {
		String query = "CodeSystem/$lookup?system=" + GOLD_GRADE_CS + "&code=gold-3" + language;
		HttpResponse<String> response = get(query);
		assertThat(response.statusCode()).as(query + ": " + response.body()).isEqualTo(200);
		return parse(Parameters.class, response.body());
	}

	private static List<String> displays(ValueSet expansion) {
		return expansion.getExpansion().getContains().stream().map(ValueSet.ValueSetExpansionContainsComponent::getDisplay).toList();
	}

	private static List<String> designations(Parameters lookup) {
		return lookup.getParameter().stream().filter(p -> p.getName().equals("designation"))
				.map(p -> p.getPart().stream().filter(x -> x.getName().equals("language")).findFirst().map(x -> x.getValue().primitiveValue()).orElse("")
						+ "=" + p.getPart().stream().filter(x -> x.getName().equals("value")).findFirst().map(x -> x.getValue().primitiveValue()).orElse(""))
				.toList();
	}

	private String expression(HttpResponse<String> response) {
		OperationOutcome outcome = parse(OperationOutcome.class, response.body());
		return outcome.getIssueFirstRep().getExpression().isEmpty() ? null : outcome.getIssueFirstRep().getExpression().get(0).getValue();
	}

	private String message(HttpResponse<String> response) {
		return parse(OperationOutcome.class, response.body()).getIssueFirstRep().getDiagnostics();
	}
}
