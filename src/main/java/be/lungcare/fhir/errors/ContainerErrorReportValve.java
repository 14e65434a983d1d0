package be.lungcare.fhir.errors;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.Writer;
import java.util.Set;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Errors the servlet container answers itself, before any application code runs (a header or URL too large, a
 * malformed request line, a method the container does not implement): an OperationOutcome in JSON instead of
 * Tomcat's HTML page. What the container does not implement is the client's choice, not a server fault: a method
 * ({@code CONNECT}) is a 405, anything else (a transfer coding) a 400, not a 501.
 */
public final class ContainerErrorReportValve extends ErrorReportValve {

	private static final Set<String> FHIR_METHODS = Set.of("GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS");

	private final FhirContext fhirContext;

	public ContainerErrorReportValve(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
		setShowReport(false);
		setShowServerInfo(false);
	}

	@Override
	protected void report(Request request, Response response, Throwable throwable) {
		int status = response.getStatus();
		if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
			return;
		}
		if (status == 501) {
			// what the container does not implement is the client's choice: a method (405) or another feature (400)
			status = FHIR_METHODS.contains(request.getMethod()) ? 400 : 405;
			response.setStatus(status);
		}
		String reason = "HTTP " + status;
		try {
			String phrase = StringManager.getManager(ErrorReportValve.class).getString("http." + status + ".reason");
			reason = phrase == null ? reason : reason + " " + phrase;
		} catch (RuntimeException missing) {
			// no phrase for this status
		}
		String message = reason + ": the server could not read this request (request line, headers or method)";
		try {
			response.setContentType("application/fhir+json");
			response.setCharacterEncoding("UTF-8");
			Writer writer = response.getReporter();
			if (writer != null) {
				writer.write(fhirContext.newJsonParser().encodeResourceToString(
						Problems.outcome(status >= 500 ? IssueType.EXCEPTION : IssueType.INVALID, message, null)));
				response.finishResponse();
			}
		} catch (IOException | IllegalStateException e) {
			// the client has gone; nothing more to say
		}
	}
}
