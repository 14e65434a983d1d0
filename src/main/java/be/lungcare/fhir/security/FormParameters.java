package be.lungcare.fhir.security;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Strict decoding of {@code application/x-www-form-urlencoded} text: a query string, or the body of a
 * form-encoded {@code POST [type]/_search}. Servlet containers and HAPI either skip a malformed parameter (and
 * search without it) or fail on it with a server error; here a bad percent-escape, bytes that are not UTF-8, or a
 * control character (such as {@code %00}, which PostgreSQL cannot store or compare) is a 400 naming the parameter.
 */
final class FormParameters {

	/** Most parameters in one query string or form body (each costs several objects). */
	static final int MAX_PARAMETERS = 1000;

	private FormParameters() {}

	/** The parameters in order of appearance; repeated names keep every value. */
	static Map<String, List<String>> decode(String encoded, String where) throws RejectedRequest {
		Map<String, List<String>> parameters = new LinkedHashMap<>();
		if (encoded == null || encoded.isEmpty()) {
			return parameters;
		}
		long separators = encoded.chars().filter(c -> c == '&').count();
		if (separators >= MAX_PARAMETERS) {
			throw new RejectedRequest(413, IssueType.TOOCOSTLY, "The " + where + " has more than the limit of "
					+ MAX_PARAMETERS + " parameters", null);
		}
		for (String pair : encoded.split("&")) {
			if (pair.isEmpty()) {
				continue;
			}
			int equals = pair.indexOf('=');
			String rawName = equals < 0 ? pair : pair.substring(0, equals);
			String name = decodeComponent(rawName, rawName, where);
			String value = equals < 0 ? "" : decodeComponent(pair.substring(equals + 1), name, where);
			parameters.computeIfAbsent(name, n -> new ArrayList<>()).add(value);
		}
		return parameters;
	}

	private static String decodeComponent(String raw, String parameter, String where) throws RejectedRequest {
		if (raw.indexOf('%') < 0 && raw.indexOf('+') < 0) {
			checkCharacters(raw, parameter, where);
			return raw;
		}
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(raw.length());
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == '%') {
				int high = i + 2 < raw.length() ? hex(raw.charAt(i + 1)) : -1;
				int low = high >= 0 ? hex(raw.charAt(i + 2)) : -1;
				if (low < 0) {
					throw rejected("has an invalid percent-encoding ('%' must be followed by two hexadecimal digits)",
							parameter, where);
				}
				bytes.write(high * 16 + low);
				i += 2;
			} else if (c == '+') {
				bytes.write(' ');
			} else {
				byte[] utf8 = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
				bytes.write(utf8, 0, utf8.length);
			}
		}
		String decoded;
		try {
			decoded = StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(bytes.toByteArray()))
					.toString();
		} catch (CharacterCodingException e) {
			throw rejected("is not valid UTF-8 once percent-decoded", parameter, where);
		}
		checkCharacters(decoded, parameter, where);
		return decoded;
	}

	/** An ASCII hexadecimal digit's value, or -1 (Character.digit would also take other scripts' digits). */
	private static int hex(char c) {
		if (c >= '0' && c <= '9') {
			return c - '0';
		}
		if (c >= 'a' && c <= 'f') {
			return c - 'a' + 10;
		}
		return c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
	}

	private static void checkCharacters(String text, String parameter, String where) throws RejectedRequest {
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if (c < 0x20 || c == 0x7f) {
				throw rejected(String.format("contains the control character U+%04X", (int) c), parameter, where);
			}
		}
	}

	private static RejectedRequest rejected(String problem, String parameter, String where) {
		String name = printable(parameter);
		return new RejectedRequest(400, IssueType.INVALID,
				"The " + where + " parameter '" + name + "' " + problem, name);
	}

	/** The parameter name as it can be shown: control characters escaped, at most 100 characters. */
	private static String printable(String name) {
		StringBuilder out = new StringBuilder();
		for (int i = 0; i < name.length() && out.length() < 100; i++) {
			char c = name.charAt(i);
			out.append(c < 0x20 || c == 0x7f ? String.format("\\u%04x", (int) c) : String.valueOf(c));
		}
		return out.toString();
	}
}
