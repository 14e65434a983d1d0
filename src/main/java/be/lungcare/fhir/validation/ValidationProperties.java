package be.lungcare.fhir.validation;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Validation on write.
 *
 * @param mode             {@code strict}: declared and enforced profiles; {@code lenient}: base FHIR only
 *                         (bulk imports of foreign data); {@code off}: no validation on write
 * @param enforcedProfiles profile every resource of a type must conform to, declared or not
 *                         (Condition: only when it carries a lung-disease code)
 * @param timeBudget       the longest validation may take for one request; a request whose validation takes
 *                         longer is refused (413) and nothing of it is stored
 * @param warmUp           how long the validator is run on the implementation guide's examples before the server
 *                         reports ready, so the JIT has compiled the validation path before the first client's
 *                         write (at least one pass)
 */
@ConfigurationProperties("lungcare.validation")
record ValidationProperties(
		@DefaultValue("strict") Mode mode,
		Map<String, String> enforcedProfiles,
		@DefaultValue("30s") Duration timeBudget,
		@DefaultValue("10s") Duration warmUp) {

	/** Canonical base of the LungCare IG (declared once in ig/sushi-config.yaml). */
	static final String CANONICAL = "https://fhir.lungcare.be";
	static final String PROFILES = CANONICAL + "/StructureDefinition/";

	enum Mode {
		STRICT,
		LENIENT,
		OFF
	}

	ValidationProperties {
		if (enforcedProfiles == null) {
			enforcedProfiles = Map.of(
					"Patient", PROFILES + "lungcare-patient",
					"CareTeam", PROFILES + "lungcare-care-team",
					"CarePlan", PROFILES + "lungcare-care-plan",
					"Condition", PROFILES + "lungcare-condition");
		}
	}
}
