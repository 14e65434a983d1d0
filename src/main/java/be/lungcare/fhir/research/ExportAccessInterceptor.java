package be.lungcare.fhir.research;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.batch2.api.IJobCoordinator;
import ca.uhn.fhir.batch2.model.JobInstance;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.Objects;

/**
 * An export belongs to the client that asked for it: only that client (or an administrator) may poll its status,
 * cancel it ({@code DELETE}) or read its files. Another client is told the job does not exist (404), so job ids
 * reveal nothing. The files' own check is {@link ExportFileAccessInterceptor}.
 */
@Interceptor
final class ExportAccessInterceptor implements RestInterceptor {

	private static final String POLL_STATUS = "$export-poll-status";

	private final IJobCoordinator jobs;

	ExportAccessInterceptor(IJobCoordinator jobs) {
		this.jobs = jobs;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_PRE_HANDLED)
	public void checkOwner(RequestDetails request) {
		if (!POLL_STATUS.equals(request.getOperation()) || Access.isAdministrator(request)) {
			return;
		}
		String[] ids = request.getParameters().get("_jobId");
		if (ids == null || ids.length != 1 || ids[0].isBlank()) {
			return; // HAPI answers 400
		}
		JobInstance job;
		try {
			job = jobs.getInstance(ids[0]);
		} catch (ResourceNotFoundException e) {
			return; // HAPI answers 404
		}
		Object owner = job.getParameters(BulkExportJobParameters.class).getUserData().get(ExportJobInterceptor.CLIENT);
		String caller = Objects.requireNonNullElse(Access.clientId(request), ExportJobInterceptor.ANONYMOUS);
		if (!caller.equals(owner)) {
			throw new ResourceNotFoundException("Unknown export job: " + ids[0]);
		}
	}
}
