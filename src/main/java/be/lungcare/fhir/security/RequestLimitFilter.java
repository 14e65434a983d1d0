package be.lungcare.fhir.security;

import be.lungcare.fhir.validation.ClientDataErrorHandler;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.EncodingEnum;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The first thing every request meets (before Spring's and HAPI's own handling of it), bounding what a client
 * can make the server hold or do:
 * <ul>
 * <li>the headers HAPI acts on are checked ({@link RequestHeaders});</li>
 * <li>the query string is decoded strictly: a malformed percent-escape or a control character is a 400 that
 * names the parameter (the container would otherwise drop it, or HAPI fail on it with a server error);</li>
 * <li>the body, as sent and after {@code Content-Encoding: gzip} is inflated here, is at most the configured
 * size (413), so HAPI never inflates an unbounded stream;</li>
 * <li>a JSON or XML body is measured by {@link BodyShapeScanner} before it is parsed: too many elements, too
 * deep, too many repetitions or Bundle entries is a 413, text FHIR cannot hold a 400;</li>
 * <li>the body's weight is taken from the {@link WorkBudget} for as long as the request runs (503 when the
 * server already holds all the work its heap is sized for);</li>
 * <li>a form-encoded body ({@code POST [type]/_search}) is decoded here and handed on as the request's
 * parameters, since its stream has been read.</li>
 * </ul>
 */
final class RequestLimitFilter extends OncePerRequestFilter {

	private static final String FORM_MEDIA_TYPE = "application/x-www-form-urlencoded";
	/** The HTTP methods FHIR uses; any other is a 405 (the container would answer 501, a server error). */
	private static final List<String> METHODS = List.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final FhirContext fhirContext;
	private final long maxBodyBytes;
	private final long maxDecompressedBytes;
	private final BodyShapeScanner scanner;
	private final WorkBudget budget;
	private final Duration retryAfter;

	RequestLimitFilter(FhirContext fhirContext, long maxBodyBytes, long maxDecompressedBytes, BodyShapeScanner scanner,
			WorkBudget budget, Duration retryAfter) {
		this.fhirContext = fhirContext;
		this.maxBodyBytes = maxBodyBytes;
		this.maxDecompressedBytes = maxDecompressedBytes;
		this.scanner = scanner;
		this.budget = budget;
		this.retryAfter = retryAfter;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		response.setHeader("X-Content-Type-Options", "nosniff");
		int held = 0;
		try (ClientDataErrorHandler.Scope clientRequest = ClientDataErrorHandler.clientRequest()) {
			if (!METHODS.contains(request.getMethod())) {
				response.setHeader("Allow", String.join(", ", METHODS));
				throw new RejectedRequest(405, IssueType.NOTSUPPORTED,
						"The HTTP method " + request.getMethod() + " is not supported; use one of " + String.join(", ", METHODS), null);
			}
			RequestHeaders.check(request);
			Map<String, List<String>> query = FormParameters.decode(request.getQueryString(), "query");
			long declared = request.getContentLengthLong();
			if (declared > maxBodyBytes) {
				throw tooLarge("The request body is larger than the limit of " + maxBodyBytes + " bytes");
			}
			boolean hasBody = declared > 0 || request.getHeader("Transfer-Encoding") != null;
			if (!hasBody) {
				chain.doFilter(request, response);
				return;
			}
			Body kind = Body.of(request);
			boolean gzip = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"));
			// Reserve the body's weight before reading (and inflating) it, so that many large uploads at once wait rather
			// than fill the heap.
			held = take(WorkBudget.weightOfBytes(gzip ? maxDecompressedBytes : declared > 0 ? declared : maxBodyBytes), response);
			byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
			if (body == null) {
				throw tooLarge("The request body is larger than the limit of " + maxBodyBytes + " bytes");
			}
			if (gzip) {
				body = inflate(body);
			}
			if (kind != Body.BINARY) {
				checkUtf8(body);
			}
			int weight = WorkBudget.weightOfBytes(body.length);
			Map<String, List<String>> parameters = null;
			switch (kind) {
				case FHIR_JSON, JSON_PATCH -> weight = Math.max(weight, scanner.scanJson(body).elements());
				case FHIR_XML -> weight = Math.max(weight, scanner.scanXml(body, true).elements());
				case XML_PATCH -> weight = Math.max(weight, scanner.scanXml(body, false).elements());
				case FORM -> {
					parameters = new LinkedHashMap<>(query);
					for (Map.Entry<String, List<String>> form : FormParameters.decode(
							new String(body, StandardCharsets.UTF_8), "form").entrySet()) {
						parameters.computeIfAbsent(form.getKey(), k -> new ArrayList<>()).addAll(form.getValue());
					}
				}
				case BINARY -> {
					// raw content of a Binary: only its size counts
				}
			}
			held = adjust(held, weight, response);
			chain.doFilter(new BufferedBodyRequest(request, body, gzip, parameters), response);
		} catch (RejectedRequest rejected) {
			reject(request, response, rejected);
		} finally {
			budget.release(held);
		}
	}

	/**
	 * Brings what the request holds to its weight: gives back the surplus, or takes the rest. When the rest is not
	 * free at once, the request gives back what it holds and waits for the whole weight, so that no two requests each
	 * hold a part and wait for the other's.
	 */
	private int adjust(int held, int weight, HttpServletResponse response) throws RejectedRequest {
		int needed = Math.min(weight, budget.capacity());
		if (needed <= held) {
			budget.release(held - needed);
			return needed;
		}
		try {
			if (budget.acquireNow(needed - held)) {
				return needed;
			}
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
		}
		budget.release(held);
		return take(needed, response);
	}

	/** Takes weight from the budget, or refuses the request (503 with Retry-After). */
	private int take(int weight, HttpServletResponse response) throws RejectedRequest {
		boolean taken;
		try {
			taken = budget.acquire(weight);
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			taken = false;
		}
		if (!taken) {
			response.setHeader("Retry-After", Long.toString(Math.max(1, retryAfter.toSeconds())));
			throw new RejectedRequest(503, IssueType.TRANSIENT,
					"The server is busy with other large requests; retry this one later. Nothing of it was stored.", null);
		}
		return Math.min(weight, budget.capacity());
	}

	private byte[] inflate(byte[] body) throws IOException, RejectedRequest {
		byte[] inflated;
		try {
			inflated = readAtMost(new GZIPInputStream(new ByteArrayInputStream(body)), maxDecompressedBytes);
		} catch (ZipException | EOFException e) {
			throw new RejectedRequest(400, IssueType.INVALID, "The request body is not valid gzip data", "Content-Encoding");
		}
		if (inflated == null) {
			throw tooLarge("The decompressed request body is larger than the limit of " + maxDecompressedBytes + " bytes");
		}
		return inflated;
	}

	/** What a request body is, from its one Content-Type, and so how it is checked. */
	enum Body {
		FHIR_JSON, FHIR_XML, JSON_PATCH, XML_PATCH, FORM,
		/** The raw content of a Binary ({@code POST/PUT [base]/Binary} with the content's own media type). */
		BINARY;

		static Body of(HttpServletRequest request) throws RejectedRequest {
			String contentType = request.getContentType();
			if (contentType == null || contentType.isBlank()) {
				throw new RejectedRequest(415, IssueType.NOTSUPPORTED, "A request with a body needs a Content-Type, such as"
						+ " application/fhir+json", "Content-Type");
			}
			String mime = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
			EncodingEnum encoding = EncodingEnum.forContentType(mime);
			if (encoding == EncodingEnum.JSON) {
				return FHIR_JSON;
			}
			if (encoding == EncodingEnum.XML) {
				return FHIR_XML;
			}
			switch (mime) {
				case "application/json-patch+json":
					return JSON_PATCH;
				case "application/xml-patch+xml":
					return XML_PATCH;
				case FORM_MEDIA_TYPE:
					return FORM;
				default:
					break;
			}
			String path = request.getRequestURI();
			if (encoding == null && path != null && path.matches("^/fhir/Binary(/[^/]*)?$")) {
				return BINARY;
			}
			throw new RejectedRequest(415, IssueType.NOTSUPPORTED, "The media type " + mime + " is not accepted here;"
					+ " send application/fhir+json or application/fhir+xml", "Content-Type");
		}
	}

	/** Strict UTF-8: no malformed or overlong sequence passes (the JSON parser lets overlong ones through). */
	private static void checkUtf8(byte[] body) throws RejectedRequest {
		try {
			StandardCharsets.UTF_8.newDecoder()
					.onMalformedInput(CodingErrorAction.REPORT)
					.onUnmappableCharacter(CodingErrorAction.REPORT)
					.decode(ByteBuffer.wrap(body));
		} catch (CharacterCodingException e) {
			throw new RejectedRequest(400, IssueType.STRUCTURE, "The request body is not valid UTF-8", null);
		}
	}

	private static RejectedRequest tooLarge(String message) {
		return new RejectedRequest(413, IssueType.TOOCOSTLY, message, null);
	}

	/** The stream's bytes, or null when there are more than {@code limit}. */
	static byte[] readAtMost(InputStream in, long limit) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		byte[] buffer = new byte[16 * 1024];
		long total = 0;
		int n;
		while ((n = in.read(buffer)) >= 0) {
			total += n;
			if (total > limit) {
				return null;
			}
			out.write(buffer, 0, n);
		}
		return out.toByteArray();
	}

	private void reject(HttpServletRequest request, HttpServletResponse response, RejectedRequest rejected)
			throws IOException {
		String accept = request.getHeader("Accept");
		boolean xml = accept != null && accept.contains("xml") && !accept.contains("json");
		response.setStatus(rejected.status());
		response.setContentType((xml ? "application/fhir+xml" : "application/fhir+json") + ";charset=UTF-8");
		IParser parser = xml ? fhirContext.newXmlParser() : fhirContext.newJsonParser();
		response.getWriter().write(parser.encodeResourceToString(rejected.toOperationOutcome()));
	}

	/**
	 * The request with its body already read (and inflated; then without Content-Encoding), and, for a form, the
	 * parameters of the query string and the body together, as the container would have given them.
	 */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
		private final byte[] body;
		private final boolean inflated;
		private final Map<String, String[]> parameters;

		BufferedBodyRequest(HttpServletRequest request, byte[] body, boolean inflated, Map<String, List<String>> form) {
			super(request);
			this.body = body;
			this.inflated = inflated;
			if (form == null) {
				this.parameters = null;
			} else {
				Map<String, String[]> parameters = new LinkedHashMap<>();
				form.forEach((name, values) -> parameters.put(name, values.toArray(String[]::new)));
				this.parameters = Collections.unmodifiableMap(parameters);
			}
		}

		@Override
		public ServletInputStream getInputStream() {
			ByteArrayInputStream in = new ByteArrayInputStream(body);
			return new ServletInputStream() {
				@Override
				public int read() {
					return in.read();
				}

				@Override
				public int read(byte[] b, int off, int len) {
					return in.read(b, off, len);
				}

				@Override
				public boolean isFinished() {
					return in.available() == 0;
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setReadListener(ReadListener listener) {
					throw new UnsupportedOperationException("synchronous reads only");
				}
			};
		}

		@Override
		public BufferedReader getReader() {
			return new BufferedReader(new InputStreamReader(getInputStream(), StandardCharsets.UTF_8));
		}

		@Override
		public int getContentLength() {
			return body.length;
		}

		@Override
		public long getContentLengthLong() {
			return body.length;
		}

		@Override
		public String getHeader(String name) {
			if (inflated && "Content-Encoding".equalsIgnoreCase(name)) {
				return null;
			}
			if ("Content-Length".equalsIgnoreCase(name)) {
				return Integer.toString(body.length);
			}
			return super.getHeader(name);
		}

		@Override
		public Enumeration<String> getHeaders(String name) {
			if (inflated && "Content-Encoding".equalsIgnoreCase(name)) {
				return Collections.emptyEnumeration();
			}
			return super.getHeaders(name);
		}

		@Override
		public String getParameter(String name) {
			if (parameters == null) {
				return super.getParameter(name);
			}
			String[] values = parameters.get(name);
			return values == null ? null : values[0];
		}

		@Override
		public Map<String, String[]> getParameterMap() {
			return parameters == null ? super.getParameterMap() : parameters;
		}

		@Override
		public Enumeration<String> getParameterNames() {
			return parameters == null ? super.getParameterNames() : Collections.enumeration(parameters.keySet());
		}

		@Override
		public String[] getParameterValues(String name) {
			return parameters == null ? super.getParameterValues(name) : parameters.get(name);
		}
	}
}
