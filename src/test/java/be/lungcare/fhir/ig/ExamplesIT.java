package be.lungcare.fhir.ig;

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
import java.util.stream.Stream;
import org.hl7.fhir.r4.model.Bundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every example bundle loads with one POST, and every query documented in examples/README.md
 * gives the answer documented there (read from the README itself, so the two cannot drift).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExamplesIT extends AbstractServerIT {

	private static final Path EXAMPLES = Path.of("examples");
	private static final Pattern QUERY = Pattern.compile(
			"curl -s \"\\$FHIR/([^\"]+)\"\\s*```\\s*Answer: (\\d+) match", Pattern.MULTILINE);

	record DocumentedQuery(String query, int expectedMatches) {
		@Override
		public String toString() {
			return query;
		}
	}

	/** What each documented query matched before the examples were loaded: other tests' data shares the database. */
	private final java.util.Map<String, Integer> before = new java.util.HashMap<>();

	@BeforeAll
	void loadExamples() throws IOException {
		for (DocumentedQuery q : documentedQueries()) {
			before.put(q.query(), matches(q.query()));
		}
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			for (Path file : files.filter(f -> f.toString().endsWith(".json")).sorted().toList()) {
				HttpResponse<String> response = postJson("", Files.readString(file));
				assertThat(response.statusCode()).as("loading %s: %s", file, response.body()).isEqualTo(200);
				Bundle result = parse(Bundle.class, response.body());
				assertThat(result.getType()).isEqualTo(Bundle.BundleType.TRANSACTIONRESPONSE);
			}
		}
	}

	static List<DocumentedQuery> documentedQueries() throws IOException {
		String readme = Files.readString(EXAMPLES.resolve("README.md"));
		List<DocumentedQuery> queries = new ArrayList<>();
		Matcher m = QUERY.matcher(readme);
		while (m.find()) {
			queries.add(new DocumentedQuery(m.group(1), Integer.parseInt(m.group(2))));
		}
		return queries;
	}

	@Test
	void theReadmeDocumentsADozenQueries() throws IOException {
		assertThat(documentedQueries()).hasSizeGreaterThanOrEqualTo(12);
	}

	@Test
	void thereAreFourExampleBundles() throws IOException {
		try (Stream<Path> files = Files.list(EXAMPLES)) {
			assertThat(files.filter(f -> f.toString().endsWith(".json"))).hasSizeGreaterThanOrEqualTo(4);
		}
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("documentedQueries")
	void documentedQueryGivesTheDocumentedAnswer(DocumentedQuery q) {
		HttpResponse<String> response = get(q.query());
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		assertThat(matches(q.query()) - before.get(q.query())).as("matches added by the examples").isEqualTo(q.expectedMatches());
	}

	/**
	 * How many resources a query matches: its total, asked with {@code _summary=count}, unless it pages or includes
	 * ({@code _count}, {@code _include}), where the matches of its answer are counted.
	 */
	private int matches(String query) {
		boolean counted = query.contains("_summary=count") || !(query.contains("_count") || query.contains("_include"));
		HttpResponse<String> response = get(counted && !query.contains("_summary=count") ? query + "&_summary=count" : query);
		assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
		Bundle bundle = parse(Bundle.class, response.body());
		return counted ? bundle.getTotal()
				: (int) bundle.getEntry().stream().filter(e -> e.getSearch().getMode() == Bundle.SearchEntryMode.MATCH).count();
	}
}
