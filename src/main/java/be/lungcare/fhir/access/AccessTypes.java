package be.lungcare.fhir.access;

import java.util.Set;

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

	private final PatientCompartment compartment;

	AccessTypes(PatientCompartment compartment) {
		this.compartment = compartment;
	}

	boolean isPatientData(String type) {
		return compartment.holds(type);
	}

	static boolean isShared(String type) {
		return SHARED.contains(type);
	}
}
