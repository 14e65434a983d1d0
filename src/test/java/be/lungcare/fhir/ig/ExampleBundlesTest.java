package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example transaction bundle in {@code examples/} (generated from the FSH examples) validates against
 * the LungCare IG without errors, and its resources declare the LungCare profiles.
 */
class ExampleBundlesTest {

	/** Resource types with a LungCare profile: their resources in the examples must declare one. */
	private static final Set<String> PROFILED_TYPES = Set.of("Patient", "Practitioner", "PractitionerRole",
			"Organization", "RelatedPerson", "Condition", "CareTeam", "CarePlan", "Goal", "Observation");

	/** Bundles expected in examples/ (the four scenarios of the IG). */
	private static final Set<String> EXPECTED_BUNDLES = Set.of("lungcare-example-copd.json",
			"lungcare-example-severe-asthma.json", "lungcare-example-child-asthma.json",
			"lungcare-example-multimorbid.json");

	static Stream<Path> exampleBundles() throws IOException {
		Path dir = LungCareIg.baseDir().resolve("examples");
		try (Stream<Path> files = Files.list(dir)) {
			List<Path> bundles = files.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList();
			assertThat(bundles).as("example bundles in %s", dir).isNotEmpty();
			return bundles.stream();
		}
	}

	@BeforeAll
	static void warmUp() {
		// Builds the shared validator once and reports the cold cost separately from the per-bundle time.
		LungCareIg.validator();
		System.out.printf("[ig] validator built in %d ms (package %s), first validation %d ms%n",
				LungCareIg.buildMillis(), LungCareIg.PACKAGE_CLASSPATH, LungCareIg.coldValidationMillis());
	}

	@Test
	void allScenarioBundlesArePresent() throws IOException {
		assertThat(exampleBundles().map(p -> p.getFileName().toString()))
				.containsAll(EXPECTED_BUNDLES);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exampleBundles")
	void bundleValidatesWithoutErrors(Path file) throws IOException {
		String json = Files.readString(file, StandardCharsets.UTF_8);

		long start = System.nanoTime();
		ValidationResult result = LungCareIg.validator().validateWithResult(json);
		long millis = (System.nanoTime() - start) / 1_000_000;

		List<SingleValidationMessage> errors = LungCareIg.errors(result);
		List<SingleValidationMessage> warnings = LungCareIg.warnings(result);
		Bundle bundle = LungCareIg.fhirContext().newJsonParser().parseResource(Bundle.class, json);
		System.out.printf("[ig] %s: %d entries, %d errors, %d warnings, %d ms%n", file.getFileName(),
				bundle.getEntry().size(), errors.size(), warnings.size(), millis);
		warningSummary(warnings).forEach((msg, count) -> System.out.printf("[ig]     %3d x %s%n", count, msg));

		assertThat(errors)
				.as("%s must validate without errors; got:%n%s", file.getFileName(), LungCareIg.describe(errors))
				.isEmpty();
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("exampleBundles")
	void resourcesDeclareLungCareProfiles(Path file) throws IOException {
		Bundle bundle = LungCareIg.fhirContext().newJsonParser()
				.parseResource(Bundle.class, Files.readString(file, StandardCharsets.UTF_8));
		assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
		assertThat(bundle.getEntry()).isNotEmpty();

		Map<String, Resource> byFullUrl = bundle.getEntry().stream()
				.collect(Collectors.toMap(Bundle.BundleEntryComponent::getFullUrl, Bundle.BundleEntryComponent::getResource));
		Set<String> addressedByCarePlans = bundle.getEntry().stream()
				.map(Bundle.BundleEntryComponent::getResource)
				.filter(CarePlan.class::isInstance)
				.flatMap(r -> ((CarePlan) r).getAddresses().stream())
				.map(Reference::getReference)
				.collect(Collectors.toSet());

		List<String> problems = new ArrayList<>();
		for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
			Resource resource = entry.getResource();
			String type = resource.fhirType();
			List<String> profiles = resource.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
			boolean lungCare = profiles.stream().anyMatch(p -> p.startsWith(LungCareIg.PROFILE_PREFIX));
			String where = entry.getFullUrl() + " (" + type + ")";

			if (resource instanceof Condition condition && condition.getCode().getCoding().stream()
					.noneMatch(c -> "http://snomed.info/sct".equals(c.getSystem())
							|| (c.getSystem() != null && c.getSystem().startsWith(LungCareIg.CANONICAL)))) {
				// ICD-10 is only a translation beside the SNOMED CT (or local) code.
				problems.add(where + ": Condition.code has no SNOMED CT or LungCare coding");
			}
			if (!entry.getFullUrl().startsWith("urn:uuid:")) {
				problems.add(where + ": fullUrl is not a urn:uuid");
			}
			if (lungCare) {
				profiles.stream()
						.filter(p -> LungCareIg.validationSupport().fetchStructureDefinition(p) == null)
						.forEach(p -> problems.add(where + ": declares unknown profile " + p));
			} else if (resource instanceof Condition condition) {
				// As designed: non-lung conditions (heart failure, diabetes...) are plain R4 Conditions; they must
				// then not look like LungCare conditions nor be addressed by a LungCare care plan.
				if (addressedByCarePlans.contains(entry.getFullUrl())) {
					problems.add(where + ": plain Condition in CarePlan.addresses (only LungCareCondition may be)");
				}
				if (condition.getCategory().stream().flatMap(c -> c.getCoding().stream())
						.anyMatch(c -> c.getSystem() != null && c.getSystem().startsWith(LungCareIg.CANONICAL))) {
					problems.add(where + ": has a LungCare disease group but no LungCare profile");
				}
			} else if (PROFILED_TYPES.contains(type)) {
				problems.add(where + ": no LungCare profile in meta.profile " + profiles);
			}
		}
		// Every CarePlan.addresses reference resolves inside the bundle.
		addressedByCarePlans.stream().filter(ref -> !byFullUrl.containsKey(ref))
				.forEach(ref -> problems.add("CarePlan.addresses " + ref + " does not resolve inside the bundle"));

		assertThat(problems).as("%s:%n%s", file.getFileName(), String.join("\n", problems)).isEmpty();
	}

	private static Map<String, Long> warningSummary(List<SingleValidationMessage> warnings) {
		return warnings.stream().map(SingleValidationMessage::getMessage)
				.map(m -> m.length() > 160 ? m.substring(0, 160) + "..." : m)
				.collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
	}
}
