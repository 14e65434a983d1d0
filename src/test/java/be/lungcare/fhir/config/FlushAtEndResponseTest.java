package be.lungcare.fhir.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;

class FlushAtEndResponseTest {

	@Test
	void theWritersFlushesDoNotSendTheResponse() throws IOException {
		MockHttpServletResponse servlet = new MockHttpServletResponse();
		PrintWriter writer = new FlushAtEndResponse(servlet).getWriter();
		writer.write("{\"given\":[\"An\"");
		writer.flush();
		writer.write(",\"Marie\"]}");
		writer.flush();
		assertThat(servlet.isCommitted()).as("nothing sent by the flushes").isFalse();
		writer.close();
		assertThat(servlet.isCommitted()).isTrue();
		assertThat(servlet.getContentAsString()).isEqualTo("{\"given\":[\"An\",\"Marie\"]}");
	}

	@Test
	void theStreamsFlushesDoNotSendTheResponseGzippedOrNot() throws IOException {
		MockHttpServletResponse servlet = new MockHttpServletResponse();
		OutputStream stream = new FlushAtEndResponse(servlet).getOutputStream();
		GZIPOutputStream gzip = new GZIPOutputStream(stream);
		gzip.write("{\"resourceType\":\"Patient\"}".getBytes(StandardCharsets.UTF_8));
		gzip.flush();
		stream.flush();
		assertThat(servlet.isCommitted()).isFalse();
		gzip.close();
		byte[] sent = new GZIPInputStream(new ByteArrayInputStream(servlet.getContentAsByteArray())).readAllBytes();
		assertThat(new String(sent, StandardCharsets.UTF_8)).isEqualTo("{\"resourceType\":\"Patient\"}");
	}

	@Test
	void oneWriterAndOneStreamPerRequest() throws IOException {
		FlushAtEndResponse response = new FlushAtEndResponse(new MockHttpServletResponse());
		assertThat(response.getWriter()).isSameAs(response.getWriter());
		FlushAtEndResponse other = new FlushAtEndResponse(new MockHttpServletResponse());
		assertThat(other.getOutputStream()).isSameAs(other.getOutputStream());
	}
}
