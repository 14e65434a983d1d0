package be.lungcare.fhir.access;

import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceOrListParam;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Consent;
import org.hl7.fhir.r4.model.Period;
import org.hl7.fhir.r4.model.Reference;

/**
 * Which patients a practitioner may see: those of whose active CareTeams the practitioner is an active member
 * today (directly or through a PractitionerRole), and those who name the practitioner as their general
 * practitioner; minus the patients who opted out of sharing (an active Consent with scope patient-privacy that
 * denies). Worked out with a few indexed searches and kept for a while; any write of a CareTeam, Patient,
 * Consent, Practitioner or PractitionerRole drops every kept answer ({@link #changed()}).
 */
final class CareRelationships {

	static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	static final String SSIN = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	static final String ACT_REASON = "http://terminology.hl7.org/CodeSystem/v3-ActReason";
	/** Consent purposes: opting out of sharing for care, or of research. A deny without purpose covers both. */
	enum Purpose {
		SHARING("TREAT"), RESEARCH("HRESCH");

		final String code;

		Purpose(String code) {
			this.code = code;
		}
	}

	private record Kept<T>(long generation, Instant until, T value) {}

	private final DaoRegistry daos;
	private final Duration ttl;
	private final Clock clock;
	private final AtomicLong generation = new AtomicLong();
	private final Map<String, Kept<Set<String>>> patientsByPractitioner = new ConcurrentHashMap<>();
	private final Map<String, Kept<Set<String>>> optOuts = new ConcurrentHashMap<>();
	private final Map<String, Kept<Set<String>>> patientsBySsin = new ConcurrentHashMap<>();

	CareRelationships(DaoRegistry daos, Duration ttl, Clock clock) {
		this.daos = daos;
		this.ttl = ttl;
		this.clock = clock;
	}

	/** Drops every kept answer (called when a resource they depend on is written, and again after its commit). */
	void changed() {
		generation.incrementAndGet();
		patientsByPractitioner.clear();
		optOuts.clear();
		patientsBySsin.clear();
	}

	/** The logical ids of the patients the practitioner with this NIHDI number may see today. */
	Set<String> patientsOf(String nihdi) {
		return kept(patientsByPractitioner, nihdi, () -> {
			Set<String> patients = relatedPatients(nihdi);
			patients.removeAll(optedOut(Purpose.SHARING));
			return Set.copyOf(patients);
		});
	}

	/** The logical ids of the patients who opted out for this purpose. */
	Set<String> optedOut(Purpose purpose) {
		return kept(optOuts, purpose.name(), () -> Set.copyOf(readOptOuts(purpose)));
	}

	/** The logical id of the Patient with this SSIN, if exactly one has it. */
	String patientWithSsin(String ssin) {
		Set<String> ids = kept(patientsBySsin, ssin, () -> Set.copyOf(ids(search("Patient",
				SearchParameterMap.newSynchronous("identifier", new TokenParam(SSIN, ssin))))));
		return ids.size() == 1 ? ids.iterator().next() : null;
	}

	private Set<String> kept(Map<String, Kept<Set<String>>> cache, String key, java.util.function.Supplier<Set<String>> compute) {
		long now = generation.get();
		Instant time = clock.instant();
		Kept<Set<String>> kept = cache.get(key);
		if (kept != null && kept.generation() == now && time.isBefore(kept.until())) {
			return kept.value();
		}
		Set<String> value = compute.get();
		if (generation.get() == now) { // nothing changed meanwhile: the answer may be kept
			cache.put(key, new Kept<>(now, time.plus(ttl), value));
		}
		return value;
	}

	private Set<String> relatedPatients(String nihdi) {
		Set<String> practitioners = ids(search("Practitioner", SearchParameterMap.newSynchronous("identifier", new TokenParam(NIHDI, nihdi))));
		Set<String> actors = new HashSet<>();
		practitioners.forEach(id -> actors.add("Practitioner/" + id));
		if (!practitioners.isEmpty()) {
			ReferenceOrListParam ofPractitioner = new ReferenceOrListParam();
			practitioners.forEach(id -> ofPractitioner.addOr(new ReferenceParam("Practitioner/" + id)));
			ids(search("PractitionerRole", SearchParameterMap.newSynchronous().add("practitioner", ofPractitioner)))
					.forEach(id -> actors.add("PractitionerRole/" + id));
		}
		Set<String> patients = new HashSet<>();
		if (actors.isEmpty()) {
			return patients;
		}
		SearchParameterMap teams = SearchParameterMap.newSynchronous().add("participant", or(actors));
		teams.add("status", new TokenParam("active"));
		Date today = Date.from(clock.instant());
		for (IBaseResource resource : search("CareTeam", teams)) {
			CareTeam team = (CareTeam) resource;
			boolean member = team.getParticipant().stream().anyMatch(p -> actors.contains(p.getMember().getReference()) && covers(p.getPeriod(), today));
			if (member && covers(team.getPeriod(), today) && patientReference(team.getSubject()) != null) {
				patients.add(patientReference(team.getSubject()));
			}
		}
		ids(search("Patient", SearchParameterMap.newSynchronous().add("general-practitioner", or(actors)))).forEach(patients::add);
		return patients;
	}

	private Set<String> readOptOuts(Purpose purpose) {
		SearchParameterMap active = SearchParameterMap.newSynchronous("status", new TokenParam("active"));
		active.add("scope", new TokenParam("http://terminology.hl7.org/CodeSystem/consentscope", "patient-privacy"));
		Set<String> patients = new HashSet<>();
		Date today = Date.from(clock.instant());
		for (IBaseResource resource : search("Consent", active)) {
			Consent consent = (Consent) resource;
			Consent.ProvisionComponent provision = consent.getProvision();
			boolean deny = provision.getType() == Consent.ConsentProvisionType.DENY && covers(provision.getPeriod(), today);
			boolean forPurpose = !provision.hasPurpose() || provision.getPurpose().stream()
					.anyMatch(c -> ACT_REASON.equals(c.getSystem()) && purpose.code.equals(c.getCode()));
			if (deny && forPurpose && patientReference(consent.getPatient()) != null) {
				patients.add(patientReference(consent.getPatient()));
			}
		}
		return patients;
	}

	private static ReferenceOrListParam or(Set<String> references) {
		ReferenceOrListParam or = new ReferenceOrListParam();
		references.forEach(r -> or.addOr(new ReferenceParam(r)));
		return or;
	}

	private static boolean covers(Period period, Date day) {
		return period == null || ((!period.hasStart() || !period.getStart().after(day)) && (!period.hasEnd() || !period.getEnd().before(day)));
	}

	/** The Patient's logical id a reference points to, or null (a Group, a contained or absolute reference). */
	private static String patientReference(Reference reference) {
		String value = reference == null ? null : reference.getReferenceElement().toUnqualifiedVersionless().getValue();
		return value != null && value.startsWith("Patient/") && value.indexOf('/', 8) < 0 ? value.substring(8) : null;
	}

	private List<IBaseResource> search(String type, SearchParameterMap map) {
		return daos.getResourceDao(type).search(map, new SystemRequestDetails()).getAllResources();
	}

	private static Set<String> ids(List<IBaseResource> resources) {
		Set<String> ids = new HashSet<>();
		resources.forEach(r -> ids.add(r.getIdElement().getIdPart()));
		return ids;
	}
}
