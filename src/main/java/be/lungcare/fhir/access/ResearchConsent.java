package be.lungcare.fhir.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

/**
 * The patients who opted out of research: an active patient-privacy Consent that denies purpose {@code HRESCH}
 * (or denies without a purpose) today. Read fresh on every call (an export asks once per job), also when access
 * control is off.
 */
public final class ResearchConsent {

	private final CareRelationships relationships;

	ResearchConsent(DaoRegistry daos, Clock clock) {
		this.relationships = new CareRelationships(daos, Duration.ZERO, clock);
	}

	/** The logical ids of the patients whose data must not go to research. */
	public Set<String> optedOut() {
		return relationships.optedOut(CareRelationships.Purpose.RESEARCH);
	}
}
