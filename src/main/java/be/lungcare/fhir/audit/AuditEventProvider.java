package be.lungcare.fhir.audit;

import be.lungcare.fhir.config.RestProvider;
import ca.uhn.fhir.rest.annotation.Count;
import ca.uhn.fhir.rest.annotation.IdParam;
import ca.uhn.fhir.rest.annotation.Offset;
import ca.uhn.fhir.rest.annotation.OptionalParam;
import ca.uhn.fhir.rest.annotation.Read;
import ca.uhn.fhir.rest.annotation.Search;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.server.IResourceProvider;
import ca.uhn.fhir.rest.server.exceptions.ResourceNotFoundException;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.IdType;

/**
 * AuditEvent through the API: read, and search by {@code patient} (newest first, {@code _count} at most 200,
 * {@code _offset}). Nothing else: AuditEvents are written by the server only, never updated or deleted through
 * the API. Who may ask is decided by access control (the patient concerned, or an administrator).
 */
final class AuditEventProvider implements IResourceProvider, RestProvider {

	private static final int MAX_COUNT = 200;

	private final AuditStore store;

	AuditEventProvider(AuditStore store) {
		this.store = store;
	}

	@Override
	public Class<? extends IBaseResource> getResourceType() {
		return AuditEvent.class;
	}

	@Read
	public AuditEvent read(@IdParam IdType id) {
		AuditEvent event = store.read(id.getIdPart());
		if (event == null) {
			throw new ResourceNotFoundException(id);
		}
		return event;
	}

	@Search
	public List<AuditEvent> search(@OptionalParam(name = AuditEvent.SP_PATIENT) ReferenceOrListParam patients,
			@Count Integer count, @Offset Integer offset) {
		Set<String> ids = null;
		if (patients != null) {
			ids = new LinkedHashSet<>();
			for (ReferenceParam patient : patients.getValuesAsQueryTokens()) {
				ids.add(patient.getIdPart());
			}
		}
		int size = count == null ? 20 : Math.max(0, Math.min(count, MAX_COUNT));
		return store.search(ids, offset == null ? 0 : Math.max(0, offset), size);
	}
}
