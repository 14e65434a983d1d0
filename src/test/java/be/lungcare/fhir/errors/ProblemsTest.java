package be.lungcare.fhir.errors;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProblemsTest {

	@Test
	void javaClassNamesAreTakenOutOfMessages() {
		String parse = "HAPI-1821: [element=\"multipleBirthInteger\"] Invalid attribute value \"99999999999\": "
				+ "java.lang.NumberFormatException: For input string: \"99999999999\"";
		assertThat(Problems.hasInternals(parse)).isTrue();
		assertThat(Problems.withoutInternals(parse))
				.isEqualTo("HAPI-1821: [element=\"multipleBirthInteger\"] Invalid attribute value \"99999999999\": For input string: \"99999999999\"");
		assertThat(Problems.withoutInternals("cannot cast class java.util.ArrayList to a string")).doesNotContain("java.", "ArrayList");
		assertThat(Problems.withoutInternals("Patient.name: minimum required = 1")).isEqualTo("Patient.name: minimum required = 1");
		assertThat(Problems.hasInternals("see https://fhir.lungcare.be/StructureDefinition/lungcare-patient")).isFalse();
		assertThat(Problems.withoutInternals("HAPI-0450: Failed to parse. Error was: HAPI-1851: DataFormatException at "
				+ "[[row,col {unknown-source}]: [1,43]]: [element=\"foo\"] unknown"))
				.isEqualTo("HAPI-0450: Failed to parse. Error was: HAPI-1851: line 1, column 43: [element=\"foo\"] unknown");
	}

	@Test
	void anUnreadableJsonPatchGetsAHelpfulMessage() {
		assertThat(Problems.withoutInternals("HAPI-1272: Cannot deserialize value of type `java.util.ArrayList<com.x.JsonPatchOperation>`"
				+ " from Object value (token `JsonToken.FIELD_NAME`)\n at [Source: UNKNOWN; byte offset: #UNKNOWN]"))
				.startsWith("The JSON Patch document is not valid");
	}

	@Test
	void theElementOfAParseErrorIsFound() {
		assertThat(Problems.elementNamedIn("HAPI-1821: [element=\"valueInteger\"] Invalid attribute value")).isEqualTo("valueInteger");
		assertThat(Problems.elementNamedIn("no element here")).isNull();
	}
}
