package be.lungcare.fhir.access;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.util.FhirTerser;
import java.util.LinkedHashSet;
import java.util.Set;
import java.util.stream.Collectors;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IIdType;

/**
 * Which patients a resource belongs to: a Patient itself, or the Patient owners of its patient compartment (R4's
 * compartment definition). Used by access control, the audit trail and the research export.
 */
public final class PatientCompartment {

	private final FhirContext fhirContext;
	/** The types that are patient data: Patient and the types of its compartment. */
	private final Set<String> types;

	public PatientCompartment(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
		this.types = fhirContext.getResourceTypes().stream()
				.filter(type -> type.equals("Patient")
						|| !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty())
				.collect(Collectors.toUnmodifiableSet());
	}

	/** Whether resources of this type are patient data. */
	public boolean holds(String type) {
		return types.contains(type);
	}

	/** The logical ids of the patients the resource belongs to, in the order found; empty for other data. */
	public Set<String> patientsOf(IBaseResource resource) {
		String type = resource.fhirType();
		if ("Patient".equals(type)) {
			return resource.getIdElement().hasIdPart() ? Set.of(resource.getIdElement().getIdPart()) : Set.of();
		}
		if (!types.contains(type)) {
			return Set.of();
		}
		FhirTerser terser = fhirContext.newTerser();
		Set<String> patients = new LinkedHashSet<>();
		for (IIdType owner : terser.getCompartmentOwnersForResource("Patient", resource, Set.of())) {
			// the compartment's parameters also reach practitioners (e.g. Observation.performer): keep the patients
			if (owner.hasIdPart() && "Patient".equals(owner.getResourceType())) {
				patients.add(owner.getIdPart());
			}
		}
		return patients;
	}
}
