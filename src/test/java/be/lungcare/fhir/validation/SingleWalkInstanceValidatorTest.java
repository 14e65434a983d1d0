package be.lungcare.fhir.validation;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The server's validator ({@link SingleWalkInstanceValidator}) against HAPI's ({@link FhirInstanceValidator}) with the
 * same settings, on the same transactions: it must refuse exactly what HAPI's refuses.
 */
class SingleWalkInstanceValidatorTest {

	private static final FhirContext CONTEXT = FhirContext.forR4Cached();
	private static final IValidationSupport SUPPORT = OfflineValidatorFactory.supportChain(CONTEXT, "classpath:ig/lungcare-ig.tgz");
	private static final FhirValidator HAPI = OfflineValidatorFactory.validator(CONTEXT, new FhirInstanceValidator(SUPPORT));
	private static final FhirValidator SINGLE_WALK = OfflineValidatorFactory.validator(CONTEXT, SUPPORT);

	private static final Pattern DEFINED_IN = Pattern.compile(" \\(defined in [^)]*\\)$");

	private static List<Path> examples() throws IOException {
		try (Stream<Path> listed = Files.list(Path.of("examples"))) {
			return listed.filter(p -> p.toString().endsWith(".json")).sorted().toList();
		}
	}

	private static Bundle copd() {
		return read(Path.of("examples", "lungcare-example-copd.json"));
	}

	/** The IG's example transactions, and the COPD one with an error of each kind put in. */
	static Stream<Arguments> bundles() throws IOException {
		Bundle copd = copd();
		return Stream.concat(examples().stream().map(f -> Arguments.of(f.getFileName().toString(), read(f))), Stream.of(
				Arguments.of("patient without SSIN", changed(copd, Patient.class, p -> p.getIdentifier().clear())),
				Arguments.of("observation without code", changed(copd, Observation.class, o -> o.setCode(null))),
				Arguments.of("unknown clinical status", changed(copd, Condition.class,
						c -> c.getClinicalStatus().getCodingFirstRep().setCode("bogus"))),
				Arguments.of("patient contact without details", changed(copd, Patient.class,
						p -> p.addContact().setGender(Enumerations.AdministrativeGender.MALE))),
				Arguments.of("undeclared profile", changed(copd, Patient.class, p -> {
					p.getMeta().getProfile().clear();
					p.getIdentifier().clear();
				})),
				Arguments.of("unknown profile", changed(copd, Patient.class, p -> p.getMeta().addProfile("https://example.org/unknown"))),
				Arguments.of("subject of the wrong type", subjectIsPractitioner(copd))));
	}

	/**
	 * The same transactions are refused, for the same elements, with the same messages: only the base walk's copies of
	 * the profile walk's errors are gone (HAPI reports e.g. a missing required element once per walk).
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("bundles")
	void sameErrorsAsHapi(String name, Bundle bundle) {
		List<SingleValidationMessage> hapi = errors(HAPI, bundle);
		List<SingleValidationMessage> ours = errors(SINGLE_WALK, bundle);

		assertThat(locations(ours)).as("elements with errors").isEqualTo(locations(hapi));
		Set<String> hapiErrors = hapi.stream().map(SingleWalkInstanceValidatorTest::describe).collect(Collectors.toSet());
		assertThat(ours).as("errors, each also one of HAPI's").allSatisfy(m -> assertThat(hapiErrors).contains(describe(m)));
	}

	@Test
	void theBaseWalkIsNotRepeated() {
		Bundle noCode = changed(copd(), Observation.class, o -> o.setCode(null));

		assertThat(errors(HAPI, noCode)).filteredOn(m -> m.getMessage().startsWith("Observation.code: minimum required"))
				.extracting(SingleValidationMessage::getMessage).hasSize(2)
				.anyMatch(m -> m.contains("http://hl7.org/fhir/StructureDefinition/Observation|"));
		assertThat(errors(SINGLE_WALK, noCode)).filteredOn(m -> m.getMessage().startsWith("Observation.code: minimum required"))
				.extracting(SingleValidationMessage::getMessage)
				.containsExactly("Observation.code: minimum required = 1, but only found 0 (from "
						+ ValidationProperties.PROFILES + "lungcare-spirometry|0.1.0)");
	}

	private static List<SingleValidationMessage> errors(FhirValidator validator, Bundle bundle) {
		return validator.validateWithResult(bundle).getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal()).toList();
	}

	private static Set<String> locations(List<SingleValidationMessage> messages) {
		return messages.stream().map(SingleValidationMessage::getLocationString).collect(Collectors.toCollection(TreeSet::new));
	}

	/** Severity, location and message; a constraint's "(defined in ...)" suffix, which only one walk adds, left out. */
	private static String describe(SingleValidationMessage m) {
		return m.getSeverity() + " " + m.getLocationString() + " " + DEFINED_IN.matcher(m.getMessage()).replaceFirst("");
	}

	private static Bundle read(Path file) {
		try {
			return CONTEXT.newJsonParser().parseResource(Bundle.class, Files.readString(file, StandardCharsets.UTF_8));
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	private static <T extends Resource> Bundle changed(Bundle original, Class<T> type, Consumer<T> change) {
		Bundle copy = original.copy();
		copy.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance).map(type::cast)
				.findFirst().ifPresent(change);
		return copy;
	}

	private static Bundle subjectIsPractitioner(Bundle original) {
		Bundle copy = original.copy();
		String practitioner = copy.getEntry().stream().filter(e -> e.getResource() instanceof Practitioner)
				.findFirst().orElseThrow().getFullUrl();
		copy.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(Condition.class::isInstance)
				.map(Condition.class::cast).findFirst().orElseThrow().getSubject().setReference(practitioner);
		return copy;
	}
}
