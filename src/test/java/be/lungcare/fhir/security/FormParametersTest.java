package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class FormParametersTest {

	@Test
	void decodesRepeatedParametersInOrder() throws RejectedRequest {
		Map<String, List<String>> parameters = FormParameters.decode(
				"identifier=https%3A%2F%2Fx%7C123&name=Jan+Peeters&name=%C3%A9&_count", "form");
		assertThat(parameters).containsExactly(
				Map.entry("identifier", List.of("https://x|123")),
				Map.entry("name", List.of("Jan Peeters", "é")),
				Map.entry("_count", List.of("")));
	}

	@Test
	void badEscapesAndControlCharactersNameTheParameter() {
		for (String query : List.of("name=%zz", "name=%", "name=%4", "name=abc%00def", "name=%ff%fe", "name=a%7fb")) {
			RejectedRequest rejected = catchThrowableOfType(() -> FormParameters.decode(query, "query"), RejectedRequest.class);
			assertThat(rejected).as(query).isNotNull();
			assertThat(rejected.status()).isEqualTo(400);
			assertThat(rejected.getMessage()).contains("query parameter 'name'");
			assertThat(rejected.expression()).isEqualTo("name");
		}
	}

	@Test
	void aBadNameIsShownEscaped() {
		RejectedRequest rejected = catchThrowableOfType(() -> FormParameters.decode("a%01b=1", "query"), RejectedRequest.class);
		assertThat(rejected.getMessage()).contains("parameter 'a%01b'");
	}
}
