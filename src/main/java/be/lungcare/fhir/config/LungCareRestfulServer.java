package be.lungcare.fhir.config;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;

/** HAPI's RestfulServer without the {@code X-Powered-By} header, which tells every client the exact HAPI version. */
final class LungCareRestfulServer extends RestfulServer {

	private static final long serialVersionUID = 1L;

	LungCareRestfulServer(FhirContext context) {
		super(context);
	}

	@Override
	protected String createPoweredByHeader() {
		return null;
	}
}
