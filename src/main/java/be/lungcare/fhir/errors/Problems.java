package be.lungcare.fhir.errors;

import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Client errors as this server reports them: one OperationOutcome issue that says what is wrong and where, in
 * {@code expression} (the element of a resource, or the name of the search parameter or header).
 */
public final class Problems {

	/** A Java exception's class name, with the colon that follows it in a message. */
	private static final Pattern EXCEPTION_NAME =
			Pattern.compile("\\b(?:[a-z][a-z0-9_]*+\\.)++[A-Z][A-Za-z0-9_$]*+(?<=Exception|Error)\\b:?\\s*+");
	/** An unqualified exception name, with the parser location HAPI's XML parser puts after it. */
	private static final Pattern SIMPLE_EXCEPTION_NAME = Pattern.compile(
			"\\b[A-Z][A-Za-z]++(?<=[A-Za-z]Exception|[A-Za-z]Error)\\b(?: at \\[\\[row,col \\{[^}]*\\}\\]: \\[(\\d+),(\\d+)\\]\\])?:?\\s*");
	/** Any other fully qualified Java class name (e.g. of a value the server did not expect). */
	private static final Pattern CLASS_NAME = Pattern.compile(
			"\\b(?:class |interface )?(?:java|javax|jakarta|org|ca|com|sun|net|io)\\.(?:[a-z0-9_]++\\.)++[A-Z][A-Za-z0-9_$]*+");

	/** HAPI's code for a JSON Patch document its JSON library could not read (its text is that library's). */
	private static final String JSON_PATCH_UNREADABLE = "HAPI-1272:";
	private static final String JSON_PATCH_HELP = "The JSON Patch document is not valid: it must be a JSON array of"
			+ " operations, each with \"op\" (add, remove, replace, move, copy or test), \"path\" and, where the operation"
			+ " needs it, \"value\" or \"from\"";
	/** The source location the JSON library appends to its messages. */
	private static final Pattern JACKSON_LOCATION = Pattern.compile("\\s?+at \\[Source: [^\\]]*+\\]( \\(through reference chain: [^)]*+\\))?");

	/** How HAPI's parser names the element at fault in its messages. */
	private static final Pattern PARSER_ELEMENT = Pattern.compile("\\[element=\"([^\"]++)\"\\]");

	/** Longest message a client gets: messages quote the client's values, which may be long. */
	static final int MAX_MESSAGE_LENGTH = 2000;

	private Problems() {}

	/** The element a HAPI parser message names ({@code [element="valueInteger"]}), or null. */
	public static String elementNamedIn(String message) {
		if (message == null) {
			return null;
		}
		Matcher matcher = PARSER_ELEMENT.matcher(message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message);
		return matcher.find() ? matcher.group(1) : null;
	}

	/**
	 * A client-facing message without Java class names, which some HAPI and library messages carry (e.g. the
	 * NumberFormatException behind an integer too large to parse).
	 */
	public static String withoutInternals(String message) {
		if (message == null) {
			return null;
		}
		if (message.contains(JSON_PATCH_UNREADABLE)) {
			return JSON_PATCH_HELP;
		}
		String cleaned = message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) + "..." : message;
		cleaned = EXCEPTION_NAME.matcher(cleaned).replaceAll("");
		cleaned = SIMPLE_EXCEPTION_NAME.matcher(cleaned).replaceAll(m -> m.group(1) == null ? ""
				: "line " + m.group(1) + ", column " + m.group(2) + ": ");
		cleaned = JACKSON_LOCATION.matcher(cleaned).replaceAll("");
		return CLASS_NAME.matcher(cleaned).replaceAll("value");
	}

	/** True when a message names Java classes. */
	public static boolean hasInternals(String message) {
		if (message == null) {
			return false;
		}
		String head = message.length() > MAX_MESSAGE_LENGTH ? message.substring(0, MAX_MESSAGE_LENGTH) : message;
		return message.length() > MAX_MESSAGE_LENGTH || EXCEPTION_NAME.matcher(head).find()
				|| SIMPLE_EXCEPTION_NAME.matcher(head).find() || CLASS_NAME.matcher(head).find();
	}

	public static OperationOutcome outcome(IssueType type, String message, String expression) {
		OperationOutcome outcome = new OperationOutcome();
		OperationOutcome.OperationOutcomeIssueComponent issue = outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(type)
				.setDiagnostics(message);
		if (expression != null) {
			issue.addExpression(expression);
		}
		return outcome;
	}

	/** 400: the request itself is malformed (a parameter, a header, the bundle's structure). */
	public static InvalidRequestException invalid(String message, String expression) {
		return new InvalidRequestException(message, outcome(IssueType.INVALID, message, expression));
	}

	/** 422: the request is well-formed but its content breaks a rule. */
	public static UnprocessableEntityException unprocessable(IssueType type, String message, String expression) {
		return new UnprocessableEntityException(message, outcome(type, message, expression));
	}
}
