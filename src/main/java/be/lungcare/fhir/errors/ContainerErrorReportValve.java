package be.lungcare.fhir.errors;

import ca.uhn.fhir.context.FhirContext;
import java.io.IOException;
import java.io.Writer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.tomcat.util.res.StringManager;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * Errors the servlet container answers itself, before any application code runs (a header or URL too large, a
 * malformed request line, a method the container does not implement): an OperationOutcome in JSON instead of
 * Tomcat's HTML page. A method the container does not implement ({@code CONNECT}) is a 405, not a 501: it is
 * the client's choice, not a server fault.
 */
public final class ContainerErrorReportValve extends ErrorReportValve {

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
			status = 405;
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
