package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.PractitionerPool.Member;
import be.lungcare.fhir.synthetic.PractitionerPool.Organisation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Supplier;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Resource;

/**
 * One transaction bundle under construction. Patients are written with a conditional PUT on their SSIN; the
 * practitioners and organisations of the shared pool with a conditional create on their NIHDI / CBE number, each
 * at most once per bundle (later patients of the bundle reference the same entry); everything else with POST.
 */
final class BundleAssembler {

	private final Terminology t;
	private final Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
	/** fullUrls of the shared entries of this bundle by type and identifier; only looked up, never iterated. */
	private final Map<String, String> shared = new HashMap<>();

	BundleAssembler(Terminology t) {
		this.t = t;
	}

	Bundle bundle() {
		return bundle;
	}

	/** Adds a resource created unconditionally. */
	void post(String fullUrl, Resource resource) {
		entry(fullUrl, resource, Bundle.HTTPVerb.POST, resource.fhirType());
	}

	/** Adds a patient, created or updated through its SSIN (re-posting the bundle updates the same patient). */
	void putPatient(String fullUrl, Resource patient, String ssin) {
		entry(fullUrl, patient, Bundle.HTTPVerb.PUT, "Patient?identifier=" + t.ssinSystem + "|" + ssin);
	}

	/** The fullUrl of a practitioner of the pool in this bundle, adding its conditional create the first time. */
	String practitioner(Member member, UuidSource uuids) {
		return sharedEntry("Practitioner|" + member.nihdi(), () -> {
			String fullUrl = uuids.next();
			entry(fullUrl, PractitionerPool.practitioner(member, t), Bundle.HTTPVerb.POST, "Practitioner")
					.getRequest().setIfNoneExist("identifier=" + t.nihdiSystem + "|" + member.nihdi());
			return fullUrl;
		});
	}

	/** The fullUrl of an organisation of the pool in this bundle, adding its conditional create the first time. */
	String organisation(Organisation organisation, UuidSource uuids) {
		return sharedEntry("Organization|" + organisation.cbe(), () -> {
			String fullUrl = uuids.next();
			entry(fullUrl, PractitionerPool.organization(organisation, t), Bundle.HTTPVerb.POST, "Organization")
					.getRequest().setIfNoneExist(PractitionerPool.identifierQuery(organisation, t));
			return fullUrl;
		});
	}

	/**
	 * The fullUrl of the role of a practitioner at their organisation (as the pulmonologist in the IG's COPD
	 * example), once per bundle. Like in the examples it is a plain POST: the IG gives it no business identifier.
	 */
	String practitionerRole(Member member, UuidSource uuids) {
		return sharedEntry("PractitionerRole|" + member.nihdi(), () -> {
			PractitionerRole role = new PractitionerRole();
			role.getMeta().addProfile(t.practitionerRoleProfile);
			role.setActive(true);
			role.getPractitioner().setReference(practitioner(member, uuids));
			role.getOrganization().setReference(organisation(member.affiliation(), uuids));
			role.addCode(Terminology.cc(t.role(member.role())));
			String fullUrl = uuids.next();
			post(fullUrl, role);
			return fullUrl;
		});
	}

	/** The fullUrl of a shared entry, created by {@code create} the first time (which may add other entries). */
	private String sharedEntry(String key, Supplier<String> create) {
		String fullUrl = shared.get(key);
		if (fullUrl == null) {
			fullUrl = create.get();
			shared.put(key, fullUrl);
		}
		return fullUrl;
	}

	private Bundle.BundleEntryComponent entry(String fullUrl, Resource resource, Bundle.HTTPVerb method, String url) {
		Bundle.BundleEntryComponent entry = bundle.addEntry().setFullUrl(fullUrl).setResource(resource);
		entry.getRequest().setMethod(method).setUrl(url);
		return entry;
	}
}
