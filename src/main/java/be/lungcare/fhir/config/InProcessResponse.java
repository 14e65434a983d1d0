package be.lungcare.fhir.config;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** The response to an {@link InProcessRequest}: status, headers and body kept in memory (UTF-8). */
public final class InProcessResponse implements HttpServletResponse {

	private final ByteArrayOutputStream body = new ByteArrayOutputStream();
	private final Map<String, List<String>> headers = new LinkedHashMap<>();
	private int status = SC_OK;
	private String contentType;
	private PrintWriter writer;
	private ServletOutputStream stream;

	/** The body as text, whatever the servlet wrote through its writer or stream. */
	public String body() {
		if (writer != null) {
			writer.flush();
		}
		return body.toString(StandardCharsets.UTF_8);
	}

	@Override
	public int getStatus() {
		return status;
	}

	@Override
	public void setStatus(int status) {
		this.status = status;
	}

	@Override
	public void sendError(int status, String message) {
		this.status = status;
	}

	@Override
	public void sendError(int status) {
		this.status = status;
	}

	@Override
	public void sendRedirect(String location) {
		status = SC_FOUND;
		setHeader("Location", location);
	}

	@Override
	public ServletOutputStream getOutputStream() {
		if (writer != null) {
			throw new IllegalStateException("the writer is in use");
		}
		if (stream == null) {
			stream = new ServletOutputStream() {
				@Override
				public void write(int b) {
					body.write(b);
				}

				@Override
				public void write(byte[] bytes, int offset, int length) {
					body.write(bytes, offset, length);
				}

				@Override
				public boolean isReady() {
					return true;
				}

				@Override
				public void setWriteListener(WriteListener listener) {
					throw new IllegalStateException("an in-process response is not asynchronous");
				}
			};
		}
		return stream;
	}

	@Override
	public PrintWriter getWriter() {
		if (stream != null) {
			throw new IllegalStateException("the output stream is in use");
		}
		if (writer == null) {
			writer = new PrintWriter(new OutputStreamWriter(body, StandardCharsets.UTF_8));
		}
		return writer;
	}

	@Override
	public String getHeader(String name) {
		List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
		return values == null ? null : values.get(0);
	}

	@Override
	public Collection<String> getHeaders(String name) {
		return List.copyOf(headers.getOrDefault(name.toLowerCase(Locale.ROOT), List.of()));
	}

	@Override
	public Collection<String> getHeaderNames() {
		return List.copyOf(headers.keySet());
	}

	@Override
	public boolean containsHeader(String name) {
		return headers.containsKey(name.toLowerCase(Locale.ROOT));
	}

	@Override
	public void setHeader(String name, String value) {
		headers.put(name.toLowerCase(Locale.ROOT), new ArrayList<>(List.of(value)));
	}

	@Override
	public void addHeader(String name, String value) {
		headers.computeIfAbsent(name.toLowerCase(Locale.ROOT), key -> new ArrayList<>()).add(value);
	}

	@Override
	public void setDateHeader(String name, long date) {
		setHeader(name, Long.toString(date));
	}

	@Override
	public void addDateHeader(String name, long date) {
		addHeader(name, Long.toString(date));
	}

	@Override
	public void setIntHeader(String name, int value) {
		setHeader(name, Integer.toString(value));
	}

	@Override
	public void addIntHeader(String name, int value) {
		addHeader(name, Integer.toString(value));
	}

	@Override
	public void addCookie(Cookie cookie) {
		// an in-process caller has no cookie store
	}

	@Override
	public String encodeURL(String url) {
		return url;
	}

	@Override
	public String encodeRedirectURL(String url) {
		return url;
	}

	@Override
	public String getCharacterEncoding() {
		return StandardCharsets.UTF_8.name();
	}

	@Override
	public void setCharacterEncoding(String encoding) {
		// always UTF-8, as the FHIR servlet writes
	}

	@Override
	public String getContentType() {
		return contentType;
	}

	@Override
	public void setContentType(String type) {
		this.contentType = type;
	}

	@Override
	public void setContentLength(int length) {
		// the body is kept whole
	}

	@Override
	public void setContentLengthLong(long length) {
		// the body is kept whole
	}

	@Override
	public void setBufferSize(int size) {
		// the body is kept whole
	}

	@Override
	public int getBufferSize() {
		return 0;
	}

	@Override
	public void flushBuffer() {
		if (writer != null) {
			writer.flush();
		}
	}

	@Override
	public void resetBuffer() {
		body.reset();
	}

	@Override
	public boolean isCommitted() {
		return false;
	}

	@Override
	public void reset() {
		body.reset();
		headers.clear();
		status = SC_OK;
		contentType = null;
	}

	@Override
	public void setLocale(Locale locale) {
		// the FHIR servlet does not localise its responses by the servlet locale
	}

	@Override
	public Locale getLocale() {
		return Locale.ENGLISH;
	}
}
