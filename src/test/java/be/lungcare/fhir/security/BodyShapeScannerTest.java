package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class BodyShapeScannerTest {

	private final BodyShapeScanner scanner = new BodyShapeScanner(new BodyShapeScanner.Limits(100, 8, 5, 3));

	private static byte[] utf8(String text) {
		return text.getBytes(StandardCharsets.UTF_8);
	}

	private RejectedRequest json(String body) {
		return catchThrowableOfType(() -> scanner.scanJson(utf8(body)), RejectedRequest.class);
	}

	private RejectedRequest xml(String body) {
		return catchThrowableOfType(() -> scanner.scanXml(utf8(body), true), RejectedRequest.class);
	}

	@Test
	void countsObjectsAndValues() throws RejectedRequest {
		assertThat(scanner.scanJson(utf8("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"A\",\"given\":[\"B\",\"C\"]}]}"))
				.elements()).isEqualTo(6);
		assertThat(scanner.scanXml(utf8("<Patient xmlns=\"http://hl7.org/fhir\"><name><family value=\"A\"/></name></Patient>"), true)
				.elements()).isEqualTo(4);
	}

	@Test
	void tooManyRepetitionsNameTheElement() {
		RejectedRequest rejected = json("{\"resourceType\":\"Patient\",\"identifier\":[{},{},{},{},{},{}]}");
		assertThat(rejected.status()).isEqualTo(413);
		assertThat(rejected.getMessage()).contains("repetitions of 'identifier'", "limit of 5");
		assertThat(rejected.expression()).isEqualTo("Patient.identifier[5]");

		RejectedRequest inXml = xml("<Patient xmlns=\"http://hl7.org/fhir\"><identifier/><identifier/><identifier/><identifier/><identifier/><identifier/></Patient>");
		assertThat(inXml.status()).isEqualTo(413);
		assertThat(inXml.expression()).isEqualTo("Patient.identifier");
	}

	@Test
	void xmlRepetitionsCountEvenWhenInterleaved() {
		RejectedRequest interleaved = xml("<Bundle xmlns=\"http://hl7.org/fhir\"><entry/><link/><entry/><link/><entry/><link/><entry/></Bundle>");
		assertThat(interleaved.status()).isEqualTo(413);
		assertThat(interleaved.getMessage()).contains("entries");
	}

	@Test
	void xmlTextIsCheckedLikeJsonStrings() {
		assertThat(xml("<?xml version=\"1.1\"?><Patient xmlns=\"http://hl7.org/fhir\"/>").getMessage()).contains("XML 1.1");
		assertThat(xml("<Patient xmlns=\"http://hl7.org/fhir\"><text><div xmlns=\"http://www.w3.org/1999/xhtml\">"
				+ "a".repeat(BodyShapeScanner.MAX_STRING_LENGTH + 1) + "</div></text></Patient>").status()).isEqualTo(413);
		assertThat(xml("<Observation xmlns=\"http://hl7.org/fhir\"><valueDecimal value=\"" + "1".repeat(100) + "\"/></Observation>")
				.status()).isEqualTo(400);
	}

	@Test
	void anXmlPatchIsNotHeldToTheFhirNamespace() throws RejectedRequest {
		scanner.scanXml(utf8("<diff><replace sel=\"Patient/gender/@value\">male</replace></diff>"), false);
	}

	@Test
	void bundleEntriesHaveTheirOwnLimitWhateverTheBundleType() {
		RejectedRequest rejected = json("{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{},{},{},{}]}");
		assertThat(rejected.status()).isEqualTo(413);
		assertThat(rejected.getMessage()).contains("more entries than the limit of 3");
	}

	@Test
	void tooManyElementsAndTooDeep() {
		StringBuilder many = new StringBuilder("{\"a\":[");
		for (int i = 0; i < 4; i++) {
			many.append(i == 0 ? "" : ",").append("{\"b\":[1,2,3,4,5]}");
		}
		StringBuilder wide = new StringBuilder("{");
		for (int i = 0; i < 120; i++) {
			wide.append(i == 0 ? "" : ",").append("\"f").append(i).append("\":1");
		}
		assertThat(json(wide.append('}').toString()).getMessage()).contains("more than the limit of 100 elements");
		assertThat(json("{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":{\"a\":1}}}}}}}}}").getMessage())
				.contains("deeper than the limit of 8");
		assertThat(xml("<a xmlns=\"http://hl7.org/fhir\"><a><a><a><a><a><a><a><a/></a></a></a></a></a></a></a></a>").status()).isEqualTo(413);
	}

	@Test
	void textFhirCannotHoldIsRefusedWithItsElement() {
		RejectedRequest surrogate = json("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"a\\ud800b\"}]}");
		assertThat(surrogate.status()).isEqualTo(400);
		assertThat(surrogate.getMessage()).contains("unpaired surrogate");
		assertThat(surrogate.expression()).isEqualTo("Patient.name[0].family");

		assertThat(json("{\"resourceType\":\"Patient\",\"gender\":\"a\\u0000b\"}").getMessage()).contains("U+0000");
		assertThat(catchThrowableOfType(() -> scanner.scanJson(
				new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xff, (byte) 0xfe, '"', '}'}), RejectedRequest.class).getMessage())
				.contains("Cannot parse", "UTF-8");
	}

	@Test
	void aPairedSurrogateAndTabsAreFine() throws RejectedRequest {
		scanner.scanJson(utf8("{\"text\":\"lung \\ud83e\\udec1 care\\tand\\nmore\"}"));
	}

	@Test
	void xmlHoldsOnlyFhirAndXhtmlAndNoProcessingInstructions() {
		assertThat(xml("<Patient xmlns=\"http://hl7.org/fhir\" xmlns:xi=\"http://www.w3.org/2001/XInclude\"><xi:include href=\"x\"/></Patient>")
				.getMessage()).contains("namespace");
		assertThat(xml("<?xml version=\"1.0\"?><?xml-stylesheet href=\"x\"?><Patient xmlns=\"http://hl7.org/fhir\"/>").getMessage())
				.contains("Processing instructions");
		assertThat(xml("<Patient/>").status()).isEqualTo(400);
	}

	@Test
	void numbersTooLargeToHoldAre400() throws RejectedRequest {
		assertThat(json("{\"valueQuantity\":{\"value\":1e999999999}}").getMessage()).contains("outside what the server stores");
		assertThat(json("{\"value\":" + "9".repeat(40) + "}").status()).isEqualTo(400);
		assertThat(xml("<Observation xmlns=\"http://hl7.org/fhir\"><valueDecimal value=\"1e999999999\"/></Observation>").status()).isEqualTo(400);
		scanner.scanJson(utf8("{\"value\":12.5,\"n\":-3,\"e\":1.5e3}"));
	}

	@Test
	void stringsLongerThanFhirAllowsAre413ButBase64DataIsNot() throws RejectedRequest {
		String tooLong = "a".repeat(BodyShapeScanner.MAX_STRING_LENGTH + 1);
		RejectedRequest rejected = json("{\"resourceType\":\"Patient\",\"name\":[{\"family\":\"" + tooLong + "\"}]}");
		assertThat(rejected.status()).isEqualTo(413);
		assertThat(rejected.expression()).isEqualTo("Patient.name[0].family");
		scanner.scanJson(utf8("{\"resourceType\":\"Binary\",\"data\":\"" + tooLong + "\"}"));
		scanner.scanJson(utf8("{\"resourceType\":\"Patient\",\"id\":\"" + "a".repeat(BodyShapeScanner.MAX_STRING_LENGTH) + "\"}"));
	}

	@Test
	void nestedArraysDeeperThanTheParserReadsAre413() {
		assertThat(json("{\"given\":" + "[".repeat(10_000) + "]".repeat(10_000) + "}").status()).isEqualTo(413);
	}

	@Test
	void malformedBodiesAre400() {
		assertThat(json("{\"resourceType\":\"Patient\",\"name\":[{").status()).isEqualTo(400);
		assertThat(xml("<Patient><name></Patient>").status()).isEqualTo(400);
	}

	@Test
	void xmlEntitiesAndDoctypesAreRefused() {
		String laughs = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;\">]>"
				+ "<Patient><name><family value=\"&lol2;\"/></name></Patient>";
		assertThat(xml(laughs).status()).isEqualTo(400);
		String xxe = "<?xml version=\"1.0\"?><!DOCTYPE p [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><Patient>&x;</Patient>";
		assertThat(xml(xxe).status()).isEqualTo(400);
	}
}
