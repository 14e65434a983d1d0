package be.lungcare.fhir.research;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.access.PatientCompartment;
import be.lungcare.fhir.access.ResearchConsent;
import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.bulk.BulkExportJobParameters;
import ca.uhn.fhir.rest.server.exceptions.NotImplementedOperationException;
import java.util.Arrays;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Resource;

/**
 * What an export job keeps about who asked, and what it does to each exported resource:
 * <ul>
 * <li>At kick-off: the requesting client is written into the job and into the security context of its files
 * (only that client, or an administrator, reads them: {@link ExportAccessInterceptor}). A research client's job is
 * marked pseudonymised, with the patients who opted out of research at that moment.</li>
 * <li>For every resource of a pseudonymised job: an opted-out patient's resources are left out, the others are
 * pseudonymised on the exported copy ({@link Pseudonymiser}); the stored data is not touched.</li>
 * </ul>
 * The marks are job parameters, stored with the job, so a job resumed after a restart is handled the same way.
 */
@Interceptor
final class ExportJobInterceptor implements StorageInterceptor {

	static final String CLIENT_SYSTEM = "https://fhir.lungcare.be/sid/oauth-client";
	static final String CLIENT = "lungcare-client";
	static final String PSEUDONYMISED = "lungcare-pseudonymised";
	static final String OPTED_OUT = "lungcare-research-opt-outs";
	/** The client id recorded for exports asked without a token (open mode). */
	static final String ANONYMOUS = "anonymous";

	/** A job's opt-out list as stored in its parameters, and as a set. */
	private record OptOuts(String stored, Set<String> patients) {}

	private final Pseudonymiser pseudonymiser;
	private final ResearchConsent consent;
	private final PatientCompartment compartment;
	/** The last job's opt-outs, parsed once rather than for every exported resource. */
	private volatile OptOuts optOuts = new OptOuts("", Set.of());

	/** @param pseudonymiser null when no project key is configured: research clients cannot export */
	ExportJobInterceptor(Pseudonymiser pseudonymiser, ResearchConsent consent, PatientCompartment compartment) {
		this.pseudonymiser = pseudonymiser;
		this.consent = consent;
		this.compartment = compartment;
	}

	@Hook(Pointcut.STORAGE_INITIATE_BULK_EXPORT)
	public void kickOff(BulkExportJobParameters parameters, RequestDetails request) {
		String client = Access.clientId(request);
		client = client == null ? ANONYMOUS : client;
		parameters.setUserData(CLIENT, client);
		parameters.setBinarySecurityContextIdentifierSystem(CLIENT_SYSTEM);
		parameters.setBinarySecurityContextIdentifierValue(client);
		if (Access.isResearchClient(request)) {
			if (pseudonymiser == null) {
				throw new NotImplementedOperationException("The research export is not configured on this server (no pseudonym key)");
			}
			parameters.setUserData(PSEUDONYMISED, Boolean.TRUE);
			parameters.setUserData(OPTED_OUT, String.join(",", consent.optedOut())); // job parameters hold plain values only
		}
	}

	@Hook(Pointcut.STORAGE_BULK_EXPORT_RESOURCE_INCLUSION)
	public boolean include(BulkExportJobParameters parameters, IBaseResource resource) {
		if (!Boolean.TRUE.equals(parameters.getUserData().get(PSEUDONYMISED))) {
			return true;
		}
		if (pseudonymiser == null) {
			throw new IllegalStateException("A pseudonymised export job runs on a server without a pseudonym key");
		}
		String patient = compartment.patientsOf(resource).stream().findFirst().orElse(null);
		if (patient != null && optedOut(parameters).contains(patient)) {
			return false;
		}
		pseudonymiser.apply((Resource) resource, patient);
		return true;
	}

	private Set<String> optedOut(BulkExportJobParameters parameters) {
		String stored = parameters.getUserData().get(OPTED_OUT) instanceof String list ? list : "";
		OptOuts known = optOuts;
		if (!known.stored().equals(stored)) {
			known = new OptOuts(stored, stored.isEmpty() ? Set.of() : Set.copyOf(Arrays.asList(stored.split(","))));
			optOuts = known;
		}
		return known.patients();
	}
}
