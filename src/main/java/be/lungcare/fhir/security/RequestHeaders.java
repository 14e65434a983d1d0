package be.lungcare.fhir.security;

import jakarta.servlet.http.HttpServletRequest;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Checks the request headers HAPI acts on before HAPI sees them: a malformed one is a 400 naming the header
 * (HAPI would fail on it with a server error, or ignore it). HAPI's own control headers that let a client make the
 * server retry, sleep or skip checks are refused.
 */
final class RequestHeaders {

	/** The charset parameter of a media type. */
	private static final Pattern CHARSET = Pattern.compile(";\\s*charset\\s*=\\s*\"?([^\";\\s]+)", Pattern.CASE_INSENSITIVE);

	/** A version tag as FHIR uses it: {@code W/"3"} (or {@code "3"}). */
	private static final Pattern VERSION_TAG = Pattern.compile("(W/)?\"[0-9]{1,18}\"");

	/**
	 * HAPI extensions a client could use to hold a bundle turn for long (retries with sleeps), to turn a batch into
	 * a transaction, or to skip the existence check of an update.
	 */
	private static final List<String> REFUSED = List.of(
			"X-Transaction-Semantics", "X-Retry-On-Version-Conflict", "X-Upsert-Extistence-Check");

	/** The three date formats of HTTP (RFC 9110 5.6.7): IMF-fixdate, RFC 850 and asctime; calendar dates only. */
	private static final List<DateTimeFormatter> HTTP_DATES = List.of(
			DateTimeFormatter.RFC_1123_DATE_TIME,
			new DateTimeFormatterBuilder().appendPattern("EEEE, dd-MMM-").appendValueReduced(ChronoField.YEAR, 2, 2, 1950)
					.appendPattern(" HH:mm:ss zzz").toFormatter(Locale.US),
			DateTimeFormatter.ofPattern("EEE MMM ppd HH:mm:ss yyyy", Locale.US));

	private RequestHeaders() {}

	private static boolean isHttpDate(String value) {
		for (DateTimeFormatter format : HTTP_DATES) {
			try {
				format.parse(value);
				return true;
			} catch (DateTimeParseException e) {
				// try the next format
			}
		}
		return false;
	}

	static void check(HttpServletRequest request) throws RejectedRequest {
		for (String header : REFUSED) {
			if (request.getHeader(header) != null) {
				throw new RejectedRequest(400, IssueType.NOTSUPPORTED,
						"The header " + header + " is not supported by this server; send the request without it", header);
			}
		}
		List<String> contentTypes = Collections.list(request.getHeaders("Content-Type"));
		if (contentTypes.size() > 1 || (contentTypes.size() == 1 && contentTypes.get(0).indexOf(',') >= 0)) {
			throw new RejectedRequest(415, IssueType.NOTSUPPORTED,
					"The header Content-Type must name one media type, such as application/fhir+json", "Content-Type");
		}
		if (!contentTypes.isEmpty()) {
			Matcher charset = CHARSET.matcher(contentTypes.get(0));
			if (charset.find() && !charset.group(1).equalsIgnoreCase("UTF-8") && !charset.group(1).equalsIgnoreCase("UTF8")) {
				throw new RejectedRequest(415, IssueType.NOTSUPPORTED,
						"FHIR request bodies are UTF-8; the charset " + charset.group(1) + " is not supported", "Content-Type");
			}
		}
		String ifNoneExist = request.getHeader("If-None-Exist");
		if (ifNoneExist != null) {
			try {
				FormParameters.decode(ifNoneExist, "If-None-Exist");
			} catch (RejectedRequest bad) {
				throw new RejectedRequest(400, IssueType.INVALID, bad.getMessage(), "If-None-Exist");
			}
		}
		String ifMatch = request.getHeader("If-Match");
		if (ifMatch != null && !VERSION_TAG.matcher(ifMatch.strip()).matches()) {
			throw new RejectedRequest(400, IssueType.INVALID,
					"The header If-Match must name one version of the resource, as W/\"<versionId>\"", "If-Match");
		}
		String ifNoneMatch = request.getHeader("If-None-Match");
		if (ifNoneMatch != null && !VERSION_TAG.matcher(ifNoneMatch.strip()).matches() && !"*".equals(ifNoneMatch.strip())) {
			throw new RejectedRequest(400, IssueType.INVALID,
					"The header If-None-Match must be W/\"<versionId>\" or *", "If-None-Match");
		}
		String ifModifiedSince = request.getHeader("If-Modified-Since");
		if (ifModifiedSince != null && !isHttpDate(ifModifiedSince.strip())) {
			throw new RejectedRequest(400, IssueType.INVALID,
					"The header If-Modified-Since must be an HTTP date such as 'Tue, 01 Dec 2026 10:00:00 GMT'",
					"If-Modified-Since");
		}
	}
}
