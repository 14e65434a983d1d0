package be.lungcare.fhir.research;

import be.lungcare.fhir.access.Access;
import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.interceptor.binary.BinarySecurityContextInterceptor;
import java.util.Objects;
import org.hl7.fhir.instance.model.api.IBaseBinary;
import org.hl7.fhir.r4.model.Binary;

/**
 * Export files are Binary resources whose security context names the client that asked for the export
 * ({@link ExportJobInterceptor}); HAPI's check lets only that client, or an administrator, read them (403 otherwise).
 * Research clients read nothing else.
 */
final class ExportFileAccessInterceptor extends BinarySecurityContextInterceptor implements RestInterceptor {

	ExportFileAccessInterceptor(FhirContext fhirContext) {
		super(fhirContext);
	}

	/** Research clients read export files only: a Binary without a security context is not theirs. */
	@Override
	protected void applyAccessControl(IBaseBinary binary, RequestDetails request) {
		if (Access.isResearchClient(request) && !((Binary) binary).getSecurityContext().hasIdentifier()) {
			handleForbidden(binary);
		}
		super.applyAccessControl(binary, request);
	}

	@Override
	protected boolean securityContextIdentifierAllowed(String system, String value, RequestDetails request) {
		if (Access.isAdministrator(request)) {
			return true;
		}
		String caller = Objects.requireNonNullElse(Access.clientId(request), ExportJobInterceptor.ANONYMOUS);
		return ExportJobInterceptor.CLIENT_SYSTEM.equals(system) && caller.equals(value);
	}
}
