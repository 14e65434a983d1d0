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

/** Which profiles a resource must conform to: those it declares, plus the one enforced for its type. */
final class ValidationPolicy {

	private final Map<String, String> enforcedProfiles;
	private final Set<String> lungDiseaseCodes;
	private final String diseaseGroupSystem;

	/**
	 * @param lungDiseaseCodes   {@code system|code} of every code that makes a Condition a lung-care condition
	 * @param diseaseGroupSystem a Condition with a category from this system is a lung-care condition too
	 */
	ValidationPolicy(Map<String, String> enforcedProfiles, Set<String> lungDiseaseCodes, String diseaseGroupSystem) {
		// resource types as keys, whatever case configuration binding gave them
		Map<String, String> byType = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
		byType.putAll(enforcedProfiles);
		this.enforcedProfiles = byType;
		this.lungDiseaseCodes = Set.copyOf(lungDiseaseCodes);
		this.diseaseGroupSystem = diseaseGroupSystem;
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
		return profiles;
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
