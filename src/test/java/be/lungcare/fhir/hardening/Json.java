package be.lungcare.fhir.hardening;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamWriteConstraints;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Collection;

/** Small builders for the JSON of hostile requests, and a lenient reader of the server's answers. */
final class Json {

	static final ObjectMapper MAPPER = new ObjectMapper(JsonFactory.builder()
			.streamReadConstraints(StreamReadConstraints.builder().maxStringLength(Integer.MAX_VALUE)
					.maxNestingDepth(100_000).maxNumberLength(Integer.MAX_VALUE).build())
			.streamWriteConstraints(StreamWriteConstraints.builder().maxNestingDepth(100_000).build())
			.build());

	private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

	private Json() {
	}

	/** An object from name/value pairs; values are strings, numbers, booleans, nodes or collections of them. */
	static ObjectNode obj(Object... nameValues) {
		ObjectNode node = NODES.objectNode();
		for (int i = 0; i + 1 < nameValues.length; i += 2) {
			if (nameValues[i + 1] != null) {
				node.set((String) nameValues[i], value(nameValues[i + 1]));
			}
		}
		return node;
	}

	static ArrayNode arr(Object... values) {
		ArrayNode node = NODES.arrayNode();
		for (Object value : values) {
			node.add(value(value));
		}
		return node;
	}

	private static JsonNode value(Object value) {
		if (value instanceof JsonNode node) {
			return node;
		}
		if (value instanceof String text) {
			return NODES.textNode(text);
		}
		if (value instanceof Integer number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Long number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Double number) {
			return NODES.numberNode(BigDecimal.valueOf(number));
		}
		if (value instanceof BigDecimal number) {
			return NODES.numberNode(number);
		}
		if (value instanceof Boolean flag) {
			return NODES.booleanNode(flag);
		}
		if (value instanceof Collection<?> values) {
			ArrayNode array = NODES.arrayNode();
			values.forEach(v -> array.add(value(v)));
			return array;
		}
		throw new IllegalArgumentException("not a JSON value: " + value);
	}

	static String text(JsonNode node) {
		try {
			return MAPPER.writeValueAsString(node);
		} catch (JsonProcessingException e) {
			throw new UncheckedIOException(e);
		}
	}

	static byte[] bytes(JsonNode node) {
		return text(node).getBytes(StandardCharsets.UTF_8);
	}

	/** The parsed body, or null when it is not JSON. */
	static JsonNode parse(byte[] body) {
		if (body.length == 0) {
			return null;
		}
		try {
			return MAPPER.readTree(body);
		} catch (IOException | RuntimeException notJson) {
			return null;
		}
	}
}
