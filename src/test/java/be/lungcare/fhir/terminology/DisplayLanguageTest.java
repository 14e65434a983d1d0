package be.lungcare.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.util.List;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Which designation is shown for a display language: the localisation rule alone, without a server. */
class DisplayLanguageTest {

	private static final List<Designation> GOLD_3 = List.of(
			new Designation("nl-BE", null, "GOLD 3 (ernstig)"),
			new Designation("fr-BE", null, "GOLD 3 (sévère)"),
			new Designation("de", null, "GOLD 3 (schwer)"),
			new Designation("en", null, "GOLD 3 (severe)"));

	private static String display(String language) {
		return DisplayLanguage.parse(language, "displayLanguage").display(GOLD_3, "default");
	}

	@Test
	void aLanguageTakesItsBelgianDesignation() {
		assertThat(display("nl")).isEqualTo("GOLD 3 (ernstig)");
		assertThat(display("fr")).isEqualTo("GOLD 3 (sévère)");
	}

	@Test
	void anExactTagMatches() {
		assertThat(display("fr-BE")).isEqualTo("GOLD 3 (sévère)");
		assertThat(display("de")).isEqualTo("GOLD 3 (schwer)");
		assertThat(display("en")).isEqualTo("GOLD 3 (severe)");
	}

	@Test
	void tagsCompareWithoutCase() {
		assertThat(display("NL")).isEqualTo("GOLD 3 (ernstig)");
		assertThat(display("fr-be")).isEqualTo("GOLD 3 (sévère)");
	}

	@Test
	void aRegionalTagFallsBackToItsLanguage() {
		assertThat(display("de-BE")).isEqualTo("GOLD 3 (schwer)");
		assertThat(display("nl-NL")).isEqualTo("GOLD 3 (ernstig)");
	}

	@Test
	void aPrefixIsNotALanguage() {
		// "e" is not a prefix of "en": only whole subtags count
		assertThat(DisplayLanguage.parse("e", "displayLanguage").matches("en")).isFalse();
		assertThat(DisplayLanguage.parse("fr", "displayLanguage").matches("fry")).isFalse();
	}

	@Test
	void anotherLanguageKeepsTheDefaultDisplay() {
		assertThat(display("es")).isEqualTo("default");
		assertThat(DisplayLanguage.parse("nl", "displayLanguage").display(List.of(), "default")).isEqualTo("default");
	}

	@Test
	void theExactTagWinsOverARegionalVariant() {
		List<Designation> designations = List.of(new Designation("fr-BE", null, "belge"), new Designation("fr", null, "français"));
		assertThat(DisplayLanguage.parse("fr", "displayLanguage").display(designations, "x")).isEqualTo("français");
		assertThat(DisplayLanguage.parse("fr-BE", "displayLanguage").display(designations, "x")).isEqualTo("belge");
		assertThat(DisplayLanguage.parse("fr-CH", "displayLanguage").display(designations, "x")).isEqualTo("français");
	}

	@Test
	void aDisplayDesignationWinsOverASynonymAndTheFirstOverTheNext() {
		Coding synonym = new Coding("http://terminology.hl7.org/CodeSystem/designation-usage", "synonym", null);
		Coding display = new Coding("http://terminology.hl7.org/CodeSystem/designation-usage", "display", null);
		List<Designation> designations = List.of(
				new Designation("nl-BE", synonym, "COPD"),
				new Designation("nl-BE", display, "Chronisch obstructief longlijden"),
				new Designation("nl-BE", null, "later"));
		assertThat(DisplayLanguage.parse("nl", "displayLanguage").display(designations, "x"))
				.isEqualTo("Chronisch obstructief longlijden");
	}

	@Test
	void noLanguageAskedIsNoLanguage() {
		assertThat(DisplayLanguage.parse(null, "displayLanguage")).isNull();
		assertThat(DisplayLanguage.parse(" ", "displayLanguage")).isNull();
	}

	@Test
	void aValueThatIsNotALanguageTagIs400NamingTheParameter() {
		assertThatThrownBy(() -> DisplayLanguage.parse("nl;fr", "displayLanguage"))
				.isInstanceOf(InvalidRequestException.class)
				.satisfies(e -> {
					OperationOutcome outcome = (OperationOutcome) ((InvalidRequestException) e).getOperationOutcome();
					assertThat(outcome.getIssueFirstRep().getExpression().get(0).getValue()).isEqualTo("displayLanguage");
				});
		assertThat(DisplayLanguage.ofTag("nl;fr")).isEmpty();
		assertThat(DisplayLanguage.ofTag("nl")).contains(new DisplayLanguage("nl"));
	}
}
