package be.lungcare.fhir.security;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;

/** The CapabilityStatement offers only reads for the types {@link ReadOnlyResourceTypesInterceptor} protects. */
@Interceptor
final class ReadOnlyResourceTypesAnnouncer implements RestInterceptor {

	private static final Set<TypeRestfulInteraction> READS = Set.of(TypeRestfulInteraction.READ,
			TypeRestfulInteraction.VREAD, TypeRestfulInteraction.SEARCHTYPE, TypeRestfulInteraction.HISTORYINSTANCE,
			TypeRestfulInteraction.HISTORYTYPE);

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void announce(IBaseConformance capabilities) {
		for (CapabilityStatement.CapabilityStatementRestComponent rest : ((CapabilityStatement) capabilities).getRest()) {
			for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
				if (ReadOnlyResourceTypesInterceptor.READ_ONLY.containsKey(resource.getType())) {
					resource.getInteraction().removeIf(i -> !READS.contains(i.getCode()));
					resource.setConditionalCreate(false).setConditionalUpdate(false)
							.setConditionalDelete(CapabilityStatement.ConditionalDeleteStatus.NOTSUPPORTED);
				}
			}
		}
	}
}
