package be.lungcare.fhir.config;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;

/**
 * The FHIR servlet's response, with the encoder's flushes held back: the body still leaves whenever Tomcat's
 * buffer is full, and at the end of the request.
 * <p>
 * HAPI's JSON encoder writes each value of a repeating primitive ({@code given}, {@code profile}, a
 * CapabilityStatement's {@code searchInclude}, ...) through Jackson's {@code ObjectMapper}, which flushes after
 * every value. On the servlet's writer each flush sends a chunk to the socket: 27,587 of them for this server's
 * CapabilityStatement, 34 for a search page of one patient, 430 for a transaction of 20 entries (counted on the
 * encoder's output). A FHIR response is not a stream the client reads as it comes, so nothing is lost by sending it
 * in full buffers.
 */
final class FlushAtEndResponse extends HttpServletResponseWrapper {

	private PrintWriter writer;
	private ServletOutputStream stream;

	FlushAtEndResponse(HttpServletResponse response) {
		super(response);
	}

	@Override
	public PrintWriter getWriter() throws IOException {
		if (writer == null) {
			writer = new PrintWriter(super.getWriter(), false) {
				@Override
				public void flush() {
					// sent when the buffer is full, or at the end
				}
			};
		}
		return writer;
	}

	@Override
	public ServletOutputStream getOutputStream() throws IOException {
		if (stream == null) {
			stream = new HeldFlushStream(super.getOutputStream());
		}
		return stream;
	}

	private static final class HeldFlushStream extends ServletOutputStream {

		private final ServletOutputStream target;

		HeldFlushStream(ServletOutputStream target) {
			this.target = target;
		}

		@Override
		public void write(int b) throws IOException {
			target.write(b);
		}

		@Override
		public void write(byte[] bytes, int offset, int length) throws IOException {
			target.write(bytes, offset, length);
		}

		@Override
		public void flush() {
			// sent when the buffer is full, or at the end
		}

		@Override
		public void close() throws IOException {
			target.close();
		}

		@Override
		public boolean isReady() {
			return target.isReady();
		}

		@Override
		public void setWriteListener(WriteListener listener) {
			target.setWriteListener(listener);
		}
	}
}
