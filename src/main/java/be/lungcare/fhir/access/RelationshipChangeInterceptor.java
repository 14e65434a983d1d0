package be.lungcare.fhir.access;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Drops the kept care relationships when a resource they are worked out from is written: at once, and again
 * after the commit, so that no request keeps an answer computed from the data before the change.
 */
@Interceptor
final class RelationshipChangeInterceptor implements StorageInterceptor {

	private static final Set<String> TYPES = Set.of("CareTeam", "Patient", "Consent", "Practitioner", "PractitionerRole");

	private final CareRelationships relationships;

	RelationshipChangeInterceptor(CareRelationships relationships) {
		this.relationships = relationships;
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_CREATED)
	public void created(IBaseResource resource) {
		changed(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource) {
		changed(resource);
	}

	@Hook(Pointcut.STORAGE_PRECOMMIT_RESOURCE_DELETED)
	public void deleted(IBaseResource resource) {
		changed(resource);
	}

	private void changed(IBaseResource resource) {
		if (!TYPES.contains(resource.fhirType())) {
			return;
		}
		relationships.changed();
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCompletion(int status) {
					relationships.changed();
				}
			});
		}
	}
}
