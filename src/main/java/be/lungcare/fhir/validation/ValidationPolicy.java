package be.lungcare.fhir.validation;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Resource;

/**
 * Which profiles a resource must conform to: those it declares, plus the one enforced for its type (a Condition:
 * only when it is a lung condition), plus, for an Observation, the profile that owns its code (an ACT score is
 * held to the ACT profile whether it says so or not). Resources contained in another are held to the same rules.
 */
final class ValidationPolicy {

	private final Map<String, String> enforcedProfiles;
	private final Set<String> lungDiseaseCodes;
	private final String diseaseGroupSystem;
	private final Map<String, String> observationProfilesByCode;

	/**
	 * @param lungDiseaseCodes           {@code system|code} of every code that makes a Condition a lung-care condition
	 * @param diseaseGroupSystem         a Condition with a category from this system is a lung-care condition too
	 * @param observationProfilesByCode  {@code system|code} of an Observation code → the profile fixing that code
	 */
	ValidationPolicy(Map<String, String> enforcedProfiles, Set<String> lungDiseaseCodes, String diseaseGroupSystem,
			Map<String, String> observationProfilesByCode) {
		// resource types as keys, whatever case configuration binding gave them
		Map<String, String> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byType.putAll(enforcedProfiles);
		this.enforcedProfiles = byType;
		this.lungDiseaseCodes = Set.copyOf(lungDiseaseCodes);
		this.diseaseGroupSystem = diseaseGroupSystem;
		this.observationProfilesByCode = Map.copyOf(observationProfilesByCode);
	}

	Set<String> profilesFor(IBaseResource resource) {
		Set<String> profiles = new LinkedHashSet<>();
		for (IPrimitiveType<String> declared : resource.getMeta().getProfile()) {
			if (declared.getValue() != null) {
				profiles.add(declared.getValue());
			}
		}
		String enforced = enforcedProfiles.get(resource.fhirType());
		if (enforced != null && (!(resource instanceof Condition condition) || isLungCondition(condition))) {
			profiles.add(enforced);
		}
		if (resource instanceof Observation observation) {
			for (Coding coding : observation.getCode().getCoding()) {
				String owner = observationProfilesByCode.get(coding.getSystem() + "|" + coding.getCode());
				if (owner != null) {
					profiles.add(owner);
				}
			}
		}
		return profiles;
	}

	/**
	 * Makes a resource (a copy: it is changed) and the resources it contains declare every profile this policy
	 * gives them, so that one validator run checks them all.
	 */
	void declareProfiles(Resource resource) {
		Set<String> profiles = profilesFor(resource);
		resource.getMeta().getProfile().clear();
		profiles.forEach(resource.getMeta()::addProfile);
		if (resource instanceof DomainResource domain) {
			domain.getContained().forEach(this::declareProfiles);
		}
	}

	/** Removes the profiles a resource and the resources it contains declare (lenient mode: base FHIR only). */
	static void removeProfiles(Resource resource) {
		resource.getMeta().getProfile().clear();
		if (resource instanceof DomainResource domain) {
			domain.getContained().forEach(ValidationPolicy::removeProfiles);
		}
	}

	boolean isLungCondition(Condition condition) {
		for (Coding coding : condition.getCode().getCoding()) {
			if (lungDiseaseCodes.contains(coding.getSystem() + "|" + coding.getCode())) {
				return true;
			}
		}
		for (CodeableConcept category : condition.getCategory()) {
			for (Coding coding : category.getCoding()) {
				if (diseaseGroupSystem.equals(coding.getSystem())) {
					return true;
				}
			}
		}
		return false;
	}
}
