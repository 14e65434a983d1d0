package be.lungcare.fhir.terminology;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.validation.OfflineValidatorFactory;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.List;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.ValueSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Expansion and code validation on the real offline chain (the IG package on R4 core), without a server. */
class ValueSetExpanderTest {

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static final IValidationSupport CHAIN = OfflineValidatorFactory.supportChain(CONTEXT, "classpath:ig/lungcare-ig.tgz");
	private static final ValueSetExpander EXPANDER = new ValueSetExpander(CHAIN, new CodeSystemConcepts(CHAIN));
	private static final ValueSetCodeValidator VALIDATOR = new ValueSetCodeValidator(CHAIN, EXPANDER, new CodeSystemConcepts(CHAIN));

	private static final String VS = "https://fhir.lungcare.be/ValueSet/";
	private static final String GOLD_GRADE = "https://fhir.lungcare.be/CodeSystem/lungcare-gold-grade";
	private static final String SNOMED = "http://snomed.info/sct";
	private static final String HCPARTY = "https://www.ehealth.fgov.be/standards/fhir/core/CodeSystem/cd-hcparty";

	private static ValueSet valueSet(String id) {
		return (ValueSet) CHAIN.fetchValueSet(VS + id);
	}

	private static ValueSet expand(String id, String language, String filter, Integer count, Integer offset, boolean designations) {
		return EXPANDER.expand(valueSet(id), ExpansionRequest.of(language, filter, count, offset, designations), "url");
	}

	private static List<String> displays(ValueSet expansion) {
		return expansion.getExpansion().getContains().stream().map(ValueSet.ValueSetExpansionContainsComponent::getDisplay).toList();
	}

	private static List<String> codes(ValueSet expansion) {
		return expansion.getExpansion().getContains().stream().map(ValueSet.ValueSetExpansionContainsComponent::getCode).toList();
	}

	@ParameterizedTest(name = "{0}")
	@CsvSource(delimiter = ';', value = {
		"nl; GOLD 1 (licht)|GOLD 2 (matig)|GOLD 3 (ernstig)|GOLD 4 (zeer ernstig)",
		"fr; GOLD 1 (léger)|GOLD 2 (modéré)|GOLD 3 (sévère)|GOLD 4 (très sévère)",
		"de; GOLD 1 (leicht)|GOLD 2 (mittelgradig)|GOLD 3 (schwer)|GOLD 4 (sehr schwer)",
		"en; GOLD 1 (mild)|GOLD 2 (moderate)|GOLD 3 (severe)|GOLD 4 (very severe)"})
	void goldGradesInEachLanguageInTheirDefinedOrder(String language, String expected) {
		ValueSet expansion = expand("lungcare-gold-grade", language, null, null, null, false);
		assertThat(displays(expansion)).containsExactly(expected.split("\\|"));
		assertThat(codes(expansion)).containsExactly("gold-1", "gold-2", "gold-3", "gold-4");
		assertThat(expansion.getExpansion().getTotal()).isEqualTo(4);
		assertThat(expansion.getExpansion().getParameter())
				.anySatisfy(p -> {
					assertThat(p.getName()).isEqualTo("displayLanguage");
					assertThat(p.getValue().primitiveValue()).isEqualTo(language);
				});
		assertThat(expansion.hasCompose()).isFalse();
		assertThat(expansion.getUrl()).isEqualTo(VS + "lungcare-gold-grade");
	}

	@Test
	void withoutALanguageTheCodeSystemsDisplays() {
		assertThat(displays(expand("lungcare-gold-grade", null, null, null, null, false)))
				.containsExactly("GOLD 1 (mild)", "GOLD 2 (moderate)", "GOLD 3 (severe)", "GOLD 4 (very severe)");
	}

	@Test
	void theValueSetsOwnDesignationsAndThoseOfTheValueSetsItIncludes() {
		ValueSet expansion = expand("lungcare-care-team-role", "nl", null, null, null, false);
		// its own SNOMED CT concepts first, in the order listed, then the cd-hcparty value set it includes
		assertThat(codes(expansion)).startsWith("116154003", "133932002", "persgeneralphysician", "perspneumologist");
		assertThat(displays(expansion)).startsWith("Patiënt", "Mantelzorger", "Huisarts", "Pneumoloog");
		assertThat(displays(expand("lungcare-care-team-role", "de", null, null, null, false))).contains("Lungenarzt");
	}

	@Test
	void aFilterMatchesTheLocalisedDisplayIgnoringCase() {
		ValueSet expansion = expand("lungcare-gold-grade", "nl", "ERNSTIG", null, null, false);
		assertThat(displays(expansion)).containsExactly("GOLD 3 (ernstig)", "GOLD 4 (zeer ernstig)");
		assertThat(expansion.getExpansion().getTotal()).isEqualTo(2);
		assertThat(displays(expand("lungcare-gold-grade", "nl", "severe", null, null, false))).isEmpty();
	}

	@Test
	void countAndOffsetPageTheExpansionAndTotalCountsAll() {
		ValueSet page = expand("lungcare-gold-grade", "fr", null, 2, 1, false);
		assertThat(displays(page)).containsExactly("GOLD 2 (modéré)", "GOLD 3 (sévère)");
		assertThat(page.getExpansion().getTotal()).isEqualTo(4);
		assertThat(page.getExpansion().getOffset()).isEqualTo(1);
		assertThat(codes(expand("lungcare-gold-grade", null, null, 10, 4, false))).isEmpty();
		ValueSet countOnly = expand("lungcare-gold-grade", null, null, 0, null, false);
		assertThat(countOnly.getExpansion().getContains()).isEmpty();
		assertThat(countOnly.getExpansion().getTotal()).isEqualTo(4);
	}

	@Test
	void countIsCappedAndNegativeValuesAre400() {
		assertThat(ExpansionRequest.of(null, null, 1_000_000, null, null).pageSize()).isEqualTo(ExpansionRequest.MAX_COUNT);
		assertThat(ExpansionRequest.of(null, null, null, null, null).pageSize()).isEqualTo(ExpansionRequest.MAX_COUNT);
		for (Integer[] bad : new Integer[][] {{-1, null}, {null, -1}}) {
			assertThatThrownBy(() -> ExpansionRequest.of(null, null, bad[0], bad[1], null))
					.isInstanceOf(InvalidRequestException.class)
					.satisfies(e -> assertThat(expression(e)).isEqualTo(bad[0] != null ? "count" : "offset"));
		}
	}

	@Test
	void designationsAreListedWhenAskedFor() {
		ValueSet expansion = expand("lungcare-gold-grade", "de", null, 1, null, true);
		ValueSet.ValueSetExpansionContainsComponent gold1 = expansion.getExpansion().getContainsFirstRep();
		assertThat(gold1.getDisplay()).isEqualTo("GOLD 1 (leicht)");
		assertThat(gold1.getDesignation()).extracting(ValueSet.ConceptReferenceDesignationComponent::getLanguage)
				.containsExactly("nl-BE", "fr-BE", "de", "en");
		assertThat(expand("lungcare-gold-grade", "de", null, 1, null, false).getExpansion().getContainsFirstRep()
				.getDesignation()).isEmpty();
	}

	@Test
	void valueSetsEnumeratingCodesOfExternalSystemsExpand() {
		ValueSet expansion = expand("lungcare-lung-disease", null, null, null, null, false);
		assertThat(expansion.getExpansion().getTotal()).isEqualTo(14);
		assertThat(codes(expansion)).startsWith("195967001", "389145006");
	}

	@Test
	void allOfSnomedCannotBeExpandedOffline() {
		ValueSet allOfSnomed = new ValueSet().setUrl("https://example.org/ValueSet/all-of-snomed");
		allOfSnomed.getCompose().addInclude().setSystem(SNOMED);
		assertThatThrownBy(() -> EXPANDER.expand(allOfSnomed, ExpansionRequest.of(null, null, null, null, null), "url"))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("cannot be expanded on this server")
				.hasMessageContaining("all codes of " + SNOMED)
				.satisfies(e -> assertThat(expression(e)).isEqualTo("url"));
	}

	@Test
	void aCoreValueSetOfAnAbsentCodeSystemCannotBeExpanded() {
		ValueSet units = (ValueSet) CHAIN.fetchValueSet("http://hl7.org/fhir/ValueSet/ucum-units");
		assertThatThrownBy(() -> EXPANDER.expand(units, ExpansionRequest.of(null, null, null, null, null), "url"))
				.isInstanceOf(UnprocessableEntityException.class)
				.hasMessageContaining("http://unitsofmeasure.org");
	}

	@Test
	void aCodeInTheValueSetIsValidWithItsDisplayInTheLanguageAskedFor() {
		Parameters result = validate("lungcare-gold-grade", GOLD_GRADE, "gold-3", null, "fr");
		assertThat(result.getParameterBool("result")).isTrue();
		assertThat(result.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (sévère)");
		assertThat(result.getParameter("message")).isNull();
	}

	@Test
	void aCodeOutsideTheValueSetIsNotValid() {
		Parameters result = validate("lungcare-gold-grade", GOLD_GRADE, "gold-9", null, null);
		assertThat(result.getParameterBool("result")).isFalse();
		assertThat(result.getParameter("message").getValue().primitiveValue())
				.isEqualTo("The code 'gold-9' of " + GOLD_GRADE + " is not in the value set " + VS + "lungcare-gold-grade");
		assertThat(validate("lungcare-lung-disease", SNOMED, "13645005", null, null).getParameterBool("result")).isTrue();
		assertThat(validate("lungcare-lung-disease", SNOMED, "38341003", null, null).getParameterBool("result")).isFalse();
	}

	@Test
	void anyDesignationIsAValidDisplayAndAnythingElseIsNot() {
		assertThat(validate("lungcare-gold-grade", GOLD_GRADE, "gold-3", "GOLD 3 (schwer)", null).getParameterBool("result")).isTrue();
		assertThat(validate("lungcare-gold-grade", GOLD_GRADE, "gold-3", "gold 3  (severe)", null).getParameterBool("result")).isTrue();
		Parameters wrong = validate("lungcare-gold-grade", GOLD_GRADE, "gold-3", "GOLD 4 (very severe)", "nl");
		assertThat(wrong.getParameterBool("result")).isFalse();
		assertThat(wrong.getParameter("message").getValue().primitiveValue())
				.contains("'GOLD 4 (very severe)' is not a display").contains("'GOLD 3 (ernstig)'");
		assertThat(wrong.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 3 (ernstig)");
	}

	@Test
	void aDisplayOfACodeSystemTheServerDoesNotHoldCannotBeWrong() {
		Parameters synonym = validate("lungcare-lung-disease", SNOMED, "13645005", "Chronic obstructive pulmonary disease", null);
		assertThat(synonym.getParameterBool("result")).isTrue();
		assertThat(synonym.getParameter("message").getValue().primitiveValue()).contains("could not be checked");
		assertThat(synonym.getParameter("display").getValue().primitiveValue()).isEqualTo("Chronic obstructive lung disease");
	}

	@Test
	void aCodeableConceptIsValidWhenOneOfItsCodingsIs() {
		Parameters result = VALIDATOR.validate(valueSet("lungcare-gold-grade"), List.of(
				new ValueSetCodeValidator.Candidate(SNOMED, "13645005", null, "codeableConcept.coding[0]"),
				new ValueSetCodeValidator.Candidate(GOLD_GRADE, "gold-2", null, "codeableConcept.coding[1]")),
				null, "url");
		assertThat(result.getParameterBool("result")).isTrue();
		assertThat(result.getParameter("display").getValue().primitiveValue()).isEqualTo("GOLD 2 (moderate)");
		assertThat(result.getParameter("message").getValue().primitiveValue()).contains("13645005");
	}

	@Test
	void aCodeWithoutSystemIs400() {
		assertThatThrownBy(() -> validate("lungcare-gold-grade", null, "gold-3", null, null))
				.isInstanceOf(InvalidRequestException.class);
	}

	@Test
	void theSharedExpansionIsNeverChanged() {
		expand("lungcare-gold-grade", "nl", "ernstig", 1, 1, true);
		assertThat(displays(expand("lungcare-gold-grade", null, null, null, null, false))).contains("GOLD 3 (severe)");
		assertThat(valueSet("lungcare-gold-grade").hasExpansion()).isFalse();
	}

	private static Parameters validate(String id, String system, String code, String display, String language) {
		return VALIDATOR.validate(valueSet(id), List.of(new ValueSetCodeValidator.Candidate(system, code, display, "code")),
				DisplayLanguage.parse(language, "displayLanguage"), "url");
	}

	private static String expression(Throwable e) {
		OperationOutcome outcome = (OperationOutcome) ((BaseServerResponseException) e).getOperationOutcome();
		return outcome.getIssueFirstRep().getExpression().get(0).getValue();
	}
}
