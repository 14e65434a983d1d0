package be.lungcare.fhir.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * HAPI's RestfulServer without the {@code X-Powered-By} header, which tells every client the exact HAPI version,
 * and with its responses sent in full buffers ({@link FlushAtEndResponse}).
 */
final class LungCareRestfulServer extends RestfulServer {

	private static final long serialVersionUID = 1L;

	LungCareRestfulServer(FhirContext context) {
		super(context);
	}

	@Override
	protected String createPoweredByHeader() {
		return null;
	}

	@Override
	protected void service(HttpServletRequest request, HttpServletResponse response) throws ServletException, IOException {
		super.service(request, new FlushAtEndResponse(response));
	}
}
