package be.lungcare.fhir.security;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Collections;
import java.util.Enumeration;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds what a client can make the server hold: the request body (as sent) and, for
 * {@code Content-Encoding: gzip}, the decompressed body. The body is read here, within the
 * limits, and handed on uncompressed, so HAPI never inflates an unbounded stream.
 */
final class RequestBodyLimitFilter extends OncePerRequestFilter {

	private final FhirContext fhirContext;
	private final long maxBodyBytes;
	private final long maxDecompressedBytes;

	RequestBodyLimitFilter(FhirContext fhirContext, long maxBodyBytes, long maxDecompressedBytes) {
		this.fhirContext = fhirContext;
		this.maxBodyBytes = maxBodyBytes;
		this.maxDecompressedBytes = maxDecompressedBytes;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (request.getContentLengthLong() > maxBodyBytes) {
			reject(response, 413, "The request body is larger than the limit of " + maxBodyBytes + " bytes");
			return;
		}
		boolean hasBody = request.getContentLengthLong() > 0 || request.getHeader("Transfer-Encoding") != null;
		if (!hasBody) {
			chain.doFilter(request, response);
			return;
		}
		byte[] body = readAtMost(request.getInputStream(), maxBodyBytes);
		if (body == null) {
			reject(response, 413, "The request body is larger than the limit of " + maxBodyBytes + " bytes");
			return;
		}
		boolean gzip = "gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"));
		if (gzip) {
			try {
				body = readAtMost(new GZIPInputStream(new ByteArrayInputStream(body)), maxDecompressedBytes);
			} catch (ZipException | java.io.EOFException e) {
				reject(response, 400, "The request body is not valid gzip data");
				return;
			}
			if (body == null) {
				reject(response, 413, "The decompressed request body is larger than the limit of " + maxDecompressedBytes + " bytes");
				return;
			}
		}
		chain.doFilter(new BufferedBodyRequest(request, body, gzip), response);
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

	private void reject(HttpServletResponse response, int status, String message) throws IOException {
		OperationOutcome outcome = new OperationOutcome();
		outcome.addIssue()
				.setSeverity(OperationOutcome.IssueSeverity.ERROR)
				.setCode(status == 413 ? OperationOutcome.IssueType.TOOCOSTLY : OperationOutcome.IssueType.INVALID)
				.setDiagnostics(message);
		response.setStatus(status);
		response.setContentType("application/fhir+json;charset=UTF-8");
		response.getWriter().write(fhirContext.newJsonParser().encodeResourceToString(outcome));
	}

	/** The request with its body already read (and inflated; then without Content-Encoding). */
	private static final class BufferedBodyRequest extends HttpServletRequestWrapper {
		private final byte[] body;
		private final boolean inflated;

		BufferedBodyRequest(HttpServletRequest request, byte[] body, boolean inflated) {
			super(request);
			this.body = body;
			this.inflated = inflated;
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
		public java.io.BufferedReader getReader() {
			return new java.io.BufferedReader(new java.io.InputStreamReader(getInputStream(),
					getCharacterEncoding() == null ? java.nio.charset.StandardCharsets.UTF_8
							: java.nio.charset.Charset.forName(getCharacterEncoding())));
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
	}
}
