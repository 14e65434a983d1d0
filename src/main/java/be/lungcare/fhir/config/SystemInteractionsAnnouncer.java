package be.lungcare.fhir.config;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;

/** HAPI's CapabilityStatement lists {@code transaction} but not {@code batch}, which the server answers too. */
@Interceptor
final class SystemInteractionsAnnouncer implements RestInterceptor {

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void announce(IBaseConformance capabilities) {
		for (CapabilityStatement.CapabilityStatementRestComponent rest : ((CapabilityStatement) capabilities).getRest()) {
			if (rest.getInteraction().stream().noneMatch(i -> i.getCode() == SystemRestfulInteraction.BATCH)) {
				rest.addInteraction().setCode(SystemRestfulInteraction.BATCH);
			}
		}
	}
}
