package be.lungcare.fhir.security;

import be.lungcare.fhir.errors.Problems;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Measures what a JSON or XML request body would make the server build, in one streaming pass over its bytes
 * and before anything is parsed into resources: elements, nesting depth, repetitions of one element and
 * entries of a Bundle (of any type). A body over a limit is refused at once, so that no request can make the
 * server spend unbounded memory or time on it. The same pass refuses text FHIR does not allow in a string and
 * the database cannot store: invalid UTF-8, unpaired surrogates ({@code \ud800}) and control characters.
 */
final class BodyShapeScanner {

	/**
	 * @param maxElements      most elements (objects and values) in one body
	 * @param maxDepth         deepest nesting of objects and arrays (JSON) or elements (XML)
	 * @param maxRepetitions   most repetitions of one element (one JSON array, or a run of XML siblings)
	 * @param maxBundleEntries most {@code entry} repetitions, in a Bundle of any type
	 */
	record Limits(int maxElements, int maxDepth, int maxRepetitions, int maxBundleEntries) {}

	/** What the body holds: its element count is its weight. */
	record Shape(int elements) {}

	private static final String BUNDLE_ENTRY = "entry";
	private static final String FHIR_NAMESPACE = "http://hl7.org/fhir";
	private static final String XHTML_NAMESPACE = "http://www.w3.org/1999/xhtml";
	static final int MAX_DIGITS = 28;
	/** FHIR: "strings SHALL NOT exceed 1MB in size". */
	static final int MAX_STRING_LENGTH = 1024 * 1024;
	private static final int MAX_NUMBER_LENGTH = 64;
	/**
	 * An XML value in decimal form (JSON's number grammar): checked like a JSON number when it has an exponent or is
	 * longer than any number the server stores.
	 */
	private static final Pattern DECIMAL_FORM = Pattern.compile("-?[0-9]++(\\.[0-9]++)?+([eE][+-]?+[0-9]++)?+");

	private final Limits limits;
	private final JsonFactory json;
	private final XMLInputFactory xml;

	BodyShapeScanner(Limits limits) {
		this.limits = limits;
		// Jackson's own nesting limit (objects and arrays) sits above ours (objects), so that ours, with a path, speaks.
		this.json = JsonFactory.builder()
				.streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(2 * limits.maxDepth() + 2).build())
				.build();
		this.xml = XMLInputFactory.newFactory();
		xml.setProperty(XMLInputFactory.SUPPORT_DTD, false);
		xml.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
		xml.setProperty(XMLInputFactory.IS_REPLACING_ENTITY_REFERENCES, false);
		xml.setProperty(XMLInputFactory.IS_COALESCING, true); // one text event per text node: its whole length is checked
	}

	/** One level of nesting: the element's name, and for a repeating element the repetitions seen so far. */
	private static final class Frame {
		/** For the outermost JSON object: its resourceType, which starts the paths of expressions. */
		String name;
		final boolean array;
		int repetitions;
		/** XML: how often each child element name occurred in this element so far. */
		Map<String, Integer> children;

		Frame(String name, boolean array) {
			this.name = name;
			this.array = array;
		}
	}

	Shape scanJson(byte[] body) throws RejectedRequest {
		Deque<Frame> path = new ArrayDeque<>();
		int elements = 0;
		int depth = 0; // objects only, so that a limit means the same nesting as XML elements
		String field = null;
		try (JsonParser parser = json.createParser(body)) {
			JsonToken token;
			while ((token = parser.nextToken()) != null) {
				switch (token) {
					case FIELD_NAME -> field = parser.currentName();
					case START_OBJECT, START_ARRAY -> {
						repeat(path);
						if (token == JsonToken.START_OBJECT) {
							elements = count(elements, path);
						}
						Frame frame = new Frame(field, token == JsonToken.START_ARRAY);
						path.push(frame);
						field = null;
						if (token == JsonToken.START_OBJECT && ++depth > limits.maxDepth()) {
							throw tooCostly("The body nests deeper than the limit of " + limits.maxDepth() + " levels", path);
						}
					}
					case END_OBJECT -> {
						path.pop();
						depth--;
					}
					case END_ARRAY -> path.pop();
					case VALUE_STRING -> {
						repeat(path);
						elements = count(elements, path);
						if (path.size() == 1 && "resourceType".equals(field) && path.peek().name == null) {
							path.peek().name = parser.getText();
						}
						checkText(parser.getTextCharacters(), parser.getTextOffset(), parser.getTextLength(), field, path);
						checkLength(parser.getTextLength(), field, path);
						field = null;
					}
					case VALUE_NUMBER_INT, VALUE_NUMBER_FLOAT -> {
						repeat(path);
						elements = count(elements, path);
						checkNumber(parser.getText(), field, path);
						field = null;
					}
					default -> {
						repeat(path);
						elements = count(elements, path);
						field = null;
					}
				}
			}
		} catch (StreamConstraintsException e) {
			throw new RejectedRequest(413, IssueType.TOOCOSTLY, "The body nests deeper, or has a value longer, than the"
					+ " server reads (at most " + limits.maxDepth() + " levels)", expression(path, field));
		} catch (JsonProcessingException e) {
			String location = e.getLocation() == null ? ""
					: " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
			throw new RejectedRequest(400, IssueType.STRUCTURE, "Cannot parse the request body as JSON: "
					+ Problems.withoutInternals(e.getOriginalMessage()) + location, expression(path, field));
		} catch (IOException e) {
			throw new RejectedRequest(400, IssueType.STRUCTURE, "Cannot read the request body", null);
		}
		return new Shape(elements);
	}

	/**
	 * @param fhir a FHIR resource (only FHIR and, in narrative, XHTML elements); false for an XML Patch document
	 */
	Shape scanXml(byte[] body, boolean fhir) throws RejectedRequest {
		Deque<Frame> path = new ArrayDeque<>();
		int elements = 0;
		XMLStreamReader reader = null;
		try {
			reader = xml.createXMLStreamReader(new ByteArrayInputStream(body));
			if ("1.1".equals(reader.getVersion())) {
				throw new RejectedRequest(400, IssueType.STRUCTURE, "FHIR XML is XML 1.0; XML 1.1 is not accepted", null);
			}
			while (reader.hasNext()) {
				int event = reader.next();
				if (event == XMLStreamConstants.START_ELEMENT) {
					String name = reader.getLocalName();
					String namespace = reader.getNamespaceURI();
					if (fhir && !FHIR_NAMESPACE.equals(namespace) && !XHTML_NAMESPACE.equals(namespace)) {
						throw new RejectedRequest(400, IssueType.STRUCTURE, "The element '" + name + "' is in the namespace '"
								+ namespace + "'; a FHIR XML body holds only FHIR elements (and XHTML in narrative)",
								expression(path, name));
					}
					Frame parent = path.peek();
					if (parent != null) {
						if (parent.children == null) {
							parent.children = new HashMap<>();
						}
						int repetitions = parent.children.merge(name, 1, Integer::sum);
						int max = BUNDLE_ENTRY.equals(name) ? limits.maxBundleEntries() : limits.maxRepetitions();
						if (repetitions > max) {
							throw tooCostly(name, max, path, name);
						}
					}
					path.push(new Frame(name, false));
					elements = count(elements + reader.getAttributeCount(), path);
					if (path.size() > limits.maxDepth()) {
						throw tooCostly("The body nests deeper than the limit of " + limits.maxDepth() + " levels", path);
					}
					for (int i = 0; i < reader.getAttributeCount(); i++) {
						String value = reader.getAttributeValue(i);
						checkText(value.toCharArray(), 0, value.length(), reader.getAttributeLocalName(i), path);
						checkLength(value.length(), name, path);
						if (DECIMAL_FORM.matcher(value).matches() && (value.length() > MAX_NUMBER_LENGTH
								|| value.indexOf('e') >= 0 || value.indexOf('E') >= 0)) {
							checkNumber(value, null, path);
						}
					}
				} else if (event == XMLStreamConstants.END_ELEMENT) {
					path.pop();
				} else if (event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA) {
					checkText(reader.getTextCharacters(), reader.getTextStart(), reader.getTextLength(), null, path);
					checkLength(reader.getTextLength(), path.isEmpty() ? null : path.peek().name, path);
				} else if (event == XMLStreamConstants.DTD || event == XMLStreamConstants.ENTITY_REFERENCE) {
					throw new RejectedRequest(400, IssueType.SECURITY,
							"Document type declarations and entity references are not allowed in a FHIR XML body", null);
				} else if (event == XMLStreamConstants.PROCESSING_INSTRUCTION) {
					throw new RejectedRequest(400, IssueType.SECURITY,
							"Processing instructions are not allowed in a FHIR XML body", expression(path, null));
				}
			}
		} catch (XMLStreamException e) {
			String location = e.getLocation() == null ? ""
					: " (line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ")";
			throw new RejectedRequest(400, IssueType.STRUCTURE, "Cannot parse the request body as XML" + location,
					expression(path, null));
		} finally {
			if (reader != null) {
				try {
					reader.close();
				} catch (XMLStreamException e) {
					// nothing held
				}
			}
		}
		return new Shape(elements);
	}

	/** Counts one more repetition of the innermost array, if the current value sits in one. */
	private void repeat(Deque<Frame> path) throws RejectedRequest {
		Frame frame = path.peek();
		if (frame != null && frame.array) {
			frame.repetitions++;
			int max = BUNDLE_ENTRY.equals(frame.name) ? limits.maxBundleEntries() : limits.maxRepetitions();
			if (frame.repetitions > max) {
				throw tooCostly(frame.name, max, path, null);
			}
		}
	}

	private int count(int elements, Deque<Frame> path) throws RejectedRequest {
		if (elements + 1 > limits.maxElements()) {
			throw tooCostly("The body has more than the limit of " + limits.maxElements() + " elements", path);
		}
		return elements + 1;
	}

	/**
	 * A number the server can hold: at most {@value #MAX_DIGITS} digits before and after the decimal point. A
	 * literal such as {@code 1e999999999} is short, but written out (as HAPI does when it indexes a quantity) it
	 * would fill the heap.
	 */
	static void checkNumber(String text, String field, Deque<Frame> path) throws RejectedRequest {
		boolean fits;
		if (text.length() > MAX_NUMBER_LENGTH) {
			fits = false;
		} else {
			try {
				BigDecimal number = new BigDecimal(text);
				fits = number.precision() - number.scale() <= MAX_DIGITS && number.scale() <= MAX_DIGITS;
			} catch (NumberFormatException e) {
				fits = false;
			}
		}
		if (!fits) {
			throw new RejectedRequest(400, IssueType.VALUE, "The number " + (text.length() > 40 ? text.substring(0, 40) + "..." : text)
					+ " is outside what the server stores (at most " + MAX_DIGITS + " digits before and after the decimal point)",
					expression(path, field));
		}
	}

	/** FHIR strings are at most 1 MB; base64 data ({@code Attachment.data}, {@code Binary.data}) only meets the body limit. */
	private static void checkLength(int length, String element, Deque<Frame> path) throws RejectedRequest {
		if (length > MAX_STRING_LENGTH && !"data".equals(element)) {
			throw new RejectedRequest(413, IssueType.TOOCOSTLY, "A string is longer than the " + MAX_STRING_LENGTH
					+ " characters FHIR allows", expression(path, element));
		}
	}

	/** FHIR strings hold no control characters but tab, CR and LF, and (as UTF-16) no unpaired surrogates. */
	private static void checkText(char[] text, int offset, int length, String field, Deque<Frame> path) throws RejectedRequest {
		for (int i = offset; i < offset + length; i++) {
			char c = text[i];
			if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
				throw new RejectedRequest(400, IssueType.VALUE, String.format(
						"A string contains the control character U+%04X, which FHIR does not allow", (int) c), expression(path, field));
			}
			if (Character.isHighSurrogate(c) && (i + 1 < offset + length) && Character.isLowSurrogate(text[i + 1])) {
				i++;
			} else if (Character.isSurrogate(c)) {
				throw new RejectedRequest(400, IssueType.VALUE, String.format(
						"A string contains an unpaired surrogate U+%04X, which is not a Unicode character", (int) c),
						expression(path, field));
			}
		}
	}

	private static RejectedRequest tooCostly(String element, int max, Deque<Frame> path, String xmlChild) {
		String what = BUNDLE_ENTRY.equals(element) ? "entries" : "repetitions of '" + element + "'";
		return new RejectedRequest(413, IssueType.TOOCOSTLY,
				"The body has more " + what + " than the limit of " + max + "; split the request", expression(path, xmlChild));
	}

	private static RejectedRequest tooCostly(String message, Deque<Frame> path) {
		return new RejectedRequest(413, IssueType.TOOCOSTLY, message + "; split the request", expression(path, null));
	}

	/** The path to the current element, outermost first, e.g. {@code entry[3].resource.identifier}. */
	private static String expression(Deque<Frame> path, String leaf) {
		StringBuilder out = new StringBuilder();
		for (Iterator<Frame> frames = path.descendingIterator(); frames.hasNext(); ) {
			Frame frame = frames.next();
			if (frame.name != null) {
				out.append(out.isEmpty() ? "" : ".").append(frame.name);
			}
			if (frame.array && frame.repetitions > 0) {
				out.append('[').append(frame.repetitions - 1).append(']');
			}
		}
		if (leaf != null) {
			out.append(out.isEmpty() ? "" : ".").append(leaf);
		}
		return out.isEmpty() ? null : out.toString();
	}
}
