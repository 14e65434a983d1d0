package be.lungcare.fhir.access;

import ca.uhn.fhir.context.FhirContext;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * How the resource types fall for access control: patient data (the Patient compartment of R4, and Patient
 * itself), shared reference data (directory and conformance: readable by anyone with a matching scope), and the
 * rest, which only {@code system/} clients reach.
 */
final class AccessTypes {

	/** Directory and conformance types: no patient data. */
	static final Set<String> SHARED = Set.of("Practitioner", "PractitionerRole", "Organization", "Location",
			"HealthcareService", "Endpoint", "Medication", "Substance", "StructureDefinition", "ValueSet", "CodeSystem",
			"ConceptMap", "SearchParameter", "NamingSystem", "ImplementationGuide", "CapabilityStatement",
			"OperationDefinition", "CompartmentDefinition", "Questionnaire", "PlanDefinition", "ActivityDefinition");

	private final Set<String> patientData;

	AccessTypes(FhirContext fhirContext) {
		this.patientData = fhirContext.getResourceTypes().stream()
				.filter(type -> type.equals("Patient")
						|| !fhirContext.getResourceDefinition(type).getSearchParamsForCompartmentName("Patient").isEmpty())
				.collect(Collectors.toUnmodifiableSet());
	}

	boolean isPatientData(String type) {
		return patientData.contains(type);
	}

	static boolean isShared(String type) {
		return SHARED.contains(type);
	}
}
