package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.StructureDefinition;

/**
 * A folder of test instances under {@code src/test/resources/ig/} with its {@code cases.csv}
 * ({@code file,profile,<third column>}): what {@link ValidInstancesTest} and {@link InvalidInstancesTest} share.
 */
final class InstanceCases {

	/** One row: the instance file, the profile it is validated against, and the third column. */
	record Row(String file, String profile, String third) {}

	private final String dir;

	InstanceCases(String dir) {
		this.dir = dir;
	}

	/** The rows of {@code cases.csv}, whose header must be {@code header}; the third column may hold commas. */
	List<Row> rows(String header) throws IOException {
		try (InputStream in = resource("cases.csv")) {
			List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
					.map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
			assertThat(lines.get(0)).isEqualTo(header);
			return lines.stream().skip(1).map(l -> {
				String[] cols = l.split(",", 3);
				assertThat(cols).as("cases.csv line: %s", l).hasSize(3);
				assertThat(cols).as("cases.csv line: %s", l).doesNotContain("");
				return new Row(cols[0].strip(), cols[1].strip(), cols[2].strip());
			}).toList();
		}
	}

	/** Every JSON file of the folder has exactly one row. */
	void assertEveryFileHasARow(List<String> files) throws IOException {
		Path folder = LungCareIg.baseDir().resolve("src/test/resources/" + dir);
		try (Stream<Path> listed = Files.list(folder)) {
			List<String> jsonFiles = listed.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json")).toList();
			assertThat(files).as("files listed in cases.csv").doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(jsonFiles);
		}
	}

	/** The instance of a row, validated against its profile (which must be in the package and fit its type). */
	ValidationResult validate(String file, String profileUrl) {
		StructureDefinition profile = (StructureDefinition) LungCareIg.validationSupport().fetchStructureDefinition(profileUrl);
		assertThat(profile).as("profile %s in the IG package", profileUrl).isNotNull();
		String json;
		try (InputStream in = resource(file)) {
			json = new String(in.readAllBytes(), StandardCharsets.UTF_8);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		String resourceType = LungCareIg.fhirContext().newJsonParser().parseResource(json).fhirType();
		assertThat(resourceType).as("resource type of %s", file).isEqualTo(profile.getType());
		return LungCareIg.validator().validateWithResult(json, new ValidationOptions().addProfile(profileUrl));
	}

	private InputStream resource(String file) {
		InputStream in = InstanceCases.class.getClassLoader().getResourceAsStream(dir + file);
		assertThat(in).as("classpath resource %s%s", dir, file).isNotNull();
		return in;
	}
}
