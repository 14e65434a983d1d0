package be.lungcare.fhir.research;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Annotation;
import org.hl7.fhir.r4.model.Base;
import org.hl7.fhir.r4.model.BaseDateTimeType;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DomainResource;
import org.hl7.fhir.r4.model.Element;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.HumanName;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.hl7.fhir.r4.model.PractitionerRole;
import org.hl7.fhir.r4.model.Property;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.RelatedPerson;
import org.hl7.fhir.r4.model.Resource;

/**
 * Rewrites an exported copy of an R4 resource, in place, for a research export: what identifies a person directly is
 * removed, patients get a pseudonym that is stable within one research project, and dates are shifted or coarsened.
 * The resource passed in is changed; callers give it a copy, never the server's own object.
 * <p>
 * Why keyed (HMAC-SHA256 with a project key) rather than a plain hash: a patient id, an SSIN or a date is easy to
 * guess, so an unkeyed hash could be reversed by hashing every candidate. With a key per research project, the same
 * patient has the same pseudonym in every export of that project (longitudinal data stays linkable), but
 * pseudonyms of two projects cannot be linked to each other, nor to the patient, without the key.
 * <p>
 * What {@link #apply} promises, in order:
 * <ol>
 * <li><b>No narrative.</b> {@code text} is removed. {@code contained} resources are kept and pseudonymised with the
 * same rules and the same patient (so a contained Practitioner loses its name and identifiers); their local ids
 * are kept, since the container's {@code #id} references point at them. Resources nested in other ways
 * ({@code Bundle.entry.resource}, {@code Parameters.parameter.resource}) get the same rules, with the same patient.
 * A Bundle also loses its links and each entry's {@code fullUrl}, {@code request}, {@code response} and
 * {@code link}: those are server URLs that carry ids and search criteria.</li>
 * <li><b>Meta.</b> Only {@code meta.profile} is kept; versionId, lastUpdated, source, tags and security labels are
 * dropped (a lastUpdated is an unshifted date; a tag or source can name a system or person). The resource id loses
 * its base URL and version, because the parser would otherwise write the version back as {@code meta.versionId}.</li>
 * <li><b>Direct identifiers.</b>
 * <ul>
 * <li>Patient, RelatedPerson and Practitioner lose {@code identifier} (all of them: SSIN, BIS, NIHDI, hospital
 * numbers), {@code name}, {@code telecom}, {@code address} and {@code photo}; Patient also {@code contact} and
 * {@code link}; Practitioner also {@code qualification.identifier} (licence numbers).</li>
 * <li>PractitionerRole loses {@code telecom}.</li>
 * <li>CareTeam loses {@code name}: this project's care teams are named after their patient
 * ("Zorgteam COPD - Marc Vermeulen", in the example bundles and the synthetic population alike).</li>
 * <li>Everywhere in the resource (every element is walked, extensions included): every {@code Reference.display}
 * and {@code Reference.identifier}; every Identifier of the {@linkplain #SSIN_SYSTEM SSIN system} (the BIS number
 * uses the same system); every Annotation (e.g. {@code note}: free text may name people); and every HumanName,
 * wherever it is (e.g. {@code Organization.contact.name}), since a name is always a person's. An element left empty
 * by this (a reference that had only a display, an extension whose value was a note) is removed with it.</li>
 * <li>A reference that points at an object in memory rather than by text ({@code Reference.resource}, which a
 * parser with HAPI's default options would write out as a contained copy, unpseudonymised) is replaced by the text
 * {@code Type/id} of that resource ({@code #id} for a contained one), or dropped if the resource has no id.</li>
 * <li>A conditional reference ({@code Patient?identifier=…}) is dropped: its criteria are identifiers. The server
 * resolves these on write, so a stored resource does not have them.</li>
 * </ul></li>
 * <li><b>Patient ids.</b> A Patient's own id becomes {@link #pseudonym} of it (of {@code patientId} if it has no
 * id; a contained Patient keeps its local id). Every reference to a patient
 * ({@code Patient/{id}}, an absolute {@code http(s)://…/Patient/{id}}, or either with {@code /_history/{n}})
 * becomes {@code Patient/{pseudonym}}, relative and unversioned, whoever the patient is. Other references
 * ({@code Practitioner/…}, {@code urn:uuid:…}, {@code #contained}) and the ids of other resources are kept, so the
 * export stays linked.</li>
 * <li><b>Dates.</b> {@code Patient.birthDate} is reduced to its (true, unshifted) year under both policies, and
 * loses its extensions (the birth-time extension is an exact date-time). Every other date, dateTime and instant,
 * wherever it is (Period, Timing, {@code effective[x]}, components, extensions, {@code Patient.deceasedDateTime}):
 * <ul>
 * <li>{@link DatePolicy#SHIFT}: moved by {@link #shiftDays} of the patient, as calendar days in the value's own
 * local date; the time of day, fractional seconds and time zone offset are kept as written. A year-month is moved
 * by shifting its first day and written again as a year-month. A year alone is left as it is: moving a year-only
 * value by a whole year for a shift of a few days would distort it more than it protects, and a year tells nothing
 * about the shift. For resources of no patient (patientId {@code null}) dates are left as they are.</li>
 * <li>{@link DatePolicy#TRUNCATE}: cut to year-month (a year or year-month stays as it is), for every resource,
 * with or without a patient (nothing secret is needed). An instant cannot hold a year-month, so it becomes the
 * first second of its month at its own offset ({@code 2024-03-01T00:00:00+01:00}).</li>
 * </ul>
 * A value that cannot be read as a date, or whose shifted value would leave the years 0001-9999, is removed.</li>
 * <li><b>Robust.</b> Never throws for a well-formed R4 resource of any type; {@code apply(null, …)} does nothing.</li>
 * </ol>
 * What it does not do, so whoever builds an export must: other free text (CodeableConcept.text, string values,
 * attachments' data) is kept, and so are addresses and telecoms of other resources (Organization, Location); ids of
 * other resources and URIs are not searched for patient ids; rare values (a rare disease, a very old age) may still
 * single out a patient. This class removes direct identifiers only; it is not an anonymisation.
 * <p>
 * Immutable and thread-safe.
 */
final class Pseudonymiser {

	/** How dates other than the birth date are made less exact. */
	enum DatePolicy {
		/** Moved by a secret number of days per patient: intervals within a patient's record are exact. */
		SHIFT,
		/** Cut to year-month: no secret, but intervals are known to a month only. */
		TRUNCATE
	}

	static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	/** 256 bits, the size of HMAC-SHA256's output: a shorter key is the weak part of the pseudonym. */
	static final int MIN_KEY_BYTES = 32;
	/** Ten years: a larger shift is no longer a shift but a falsification, and could leave the calendar. */
	static final int MAX_SHIFT_DAYS = 3650;

	private static final String HMAC = "HmacSHA256";
	/** A literal reference to a patient: relative or absolute (http/https base), optionally versioned. */
	private static final Pattern PATIENT_REFERENCE =
			Pattern.compile("(?:https?://[^?#]*/)?Patient/([A-Za-z0-9\\-.]{1,64})(?:/_history/[A-Za-z0-9\\-.]{1,64})?");
	/** A FHIR date, dateTime or instant as written: year, then optionally month, day and the time part. */
	private static final Pattern DATE = Pattern.compile("(\\d{4})(?:-(\\d{2})(?:-(\\d{2})(T.+)?)?)?");
	/** The time zone at the end of a time part. */
	private static final Pattern ZONE = Pattern.compile(".*?(Z|[+-]\\d{2}:\\d{2})");

	private final SecretKeySpec key;
	private final DatePolicy policy;
	private final int maxShiftDays;

	/**
	 * @param projectKey   the research project's secret key, at least {@value #MIN_KEY_BYTES} bytes (copied)
	 * @param policy       how dates are made less exact
	 * @param maxShiftDays the largest shift in days, 1 to {@value #MAX_SHIFT_DAYS}; used by {@link DatePolicy#SHIFT}
	 *                     and by {@link #shiftDays} (checked for both policies, so a configuration error shows early)
	 */
	Pseudonymiser(byte[] projectKey, DatePolicy policy, int maxShiftDays) {
		if (projectKey == null || projectKey.length < MIN_KEY_BYTES) {
			throw new IllegalArgumentException("The project key must have at least " + MIN_KEY_BYTES + " bytes");
		}
		if (maxShiftDays < 1 || maxShiftDays > MAX_SHIFT_DAYS) {
			throw new IllegalArgumentException("maxShiftDays must be between 1 and " + MAX_SHIFT_DAYS + ", not " + maxShiftDays);
		}
		this.key = new SecretKeySpec(projectKey, HMAC);
		this.policy = Objects.requireNonNull(policy, "policy");
		this.maxShiftDays = maxShiftDays;
	}

	/**
	 * The patient's pseudonym in this project: HMAC-SHA256(key, "patient|" + id) in lower-case hex, 64 characters, a
	 * valid FHIR id. The same for the same key and id; unrelated for another key.
	 */
	String pseudonym(String patientId) {
		return HexFormat.of().formatHex(hmac("patient|" + Objects.requireNonNull(patientId, "patientId")));
	}

	/**
	 * The patient's secret date shift: in [-maxShiftDays, +maxShiftDays], never 0 (a zero shift would publish the
	 * true dates). From HMAC-SHA256(key, "shift|" + id), a separate input, so the pseudonym tells nothing of the shift.
	 */
	int shiftDays(String patientId) {
		long bits = ByteBuffer.wrap(hmac("shift|" + Objects.requireNonNull(patientId, "patientId"))).getLong();
		int slot = (int) Long.remainderUnsigned(bits, 2L * maxShiftDays);
		return slot < maxShiftDays ? slot - maxShiftDays : slot - maxShiftDays + 1;
	}

	/**
	 * Pseudonymises the resource in place, by the rules of the class description.
	 *
	 * @param resource  an exported copy; {@code null} is ignored
	 * @param patientId the logical id (without {@code Patient/}) of the patient the resource belongs to, or
	 *                  {@code null} for a resource of no patient; for a Patient, {@code null} means the Patient's own id
	 */
	void apply(Resource resource, String patientId) {
		if (resource != null) {
			pseudonymise(resource, patientId, null);
		}
	}

	/** @param container the resource that contains this one, {@code null} if it is not a contained resource */
	private void pseudonymise(Resource resource, String patientId, DomainResource container) {
		boolean contained = container != null;
		String owner = patientId;
		Base birthDate = null;
		if (resource instanceof Patient patient) {
			String ownId = resource.getIdElement().getIdPart();
			if (owner == null && !contained) {
				owner = ownId;
			}
			if (!contained) {
				String pseudonymOf = ownId != null ? ownId : owner;
				resource.setId(pseudonymOf == null ? null : pseudonym(pseudonymOf));
			}
			removeIdentifiers(patient);
			birthDate = reduceBirthDate(patient);
		} else if (!contained) {
			resource.setId(resource.getIdElement().getIdPart());
		}
		keepOnlyProfiles(resource);
		if (resource instanceof DomainResource domain) {
			domain.setText(null);
		}
		if (resource instanceof RelatedPerson person) {
			person.setIdentifier(null).setName(null).setTelecom(null).setAddress(null).setPhoto(null);
		} else if (resource instanceof Practitioner practitioner) {
			practitioner.setIdentifier(null).setName(null).setTelecom(null).setAddress(null).setPhoto(null);
			practitioner.getQualification().forEach(qualification -> qualification.setIdentifier(null));
		} else if (resource instanceof PractitionerRole role) {
			role.setTelecom(null);
		} else if (resource instanceof CareTeam team) {
			team.setName(null);
		} else if (resource instanceof Bundle bundle) {
			bundle.setLink(null);
			bundle.getEntry().forEach(entry -> entry.setFullUrl(null).setRequest(null).setResponse(null).setLink(null));
		}
		int shift = policy == DatePolicy.SHIFT && owner != null ? shiftDays(owner) : 0;
		DomainResource localTargets = contained ? container : resource instanceof DomainResource domain ? domain : null;
		walk(resource, new Pass(owner, shift, birthDate, localTargets));
	}

	private static void removeIdentifiers(Patient patient) {
		patient.setIdentifier(null).setName(null).setTelecom(null).setAddress(null).setPhoto(null).setContact(null).setLink(null);
	}

	/** The birth date becomes its year, without extensions; returns the new element (the walk leaves it alone). */
	private static Base reduceBirthDate(Patient patient) {
		if (!patient.hasBirthDateElement()) {
			return null;
		}
		Matcher date = DATE.matcher(Objects.toString(patient.getBirthDateElement().getValueAsString(), ""));
		DateType year = date.matches() ? new DateType(date.group(1)) : null;
		patient.setBirthDateElement(year);
		return year;
	}

	private static void keepOnlyProfiles(Resource resource) {
		if (!resource.hasMeta()) {
			return;
		}
		Meta meta = new Meta();
		for (CanonicalType profile : resource.getMeta().getProfile()) {
			if (profile.hasValue()) {
				meta.addProfile(profile.getValue());
			}
		}
		resource.setMeta(meta.hasProfile() ? meta : null);
	}

	/**
	 * What the walk of one resource needs: its patient, the shift (0: dates stay), the birth date not to touch, and
	 * the resource whose {@code contained} its local references point into.
	 */
	private record Pass(String owner, int shift, Base birthDate, DomainResource container) {
	}

	/**
	 * Visits every child of the element (the values of {@link Base#children()} are the live objects) and removes,
	 * rewrites or descends into each.
	 */
	private void walk(Base element, Pass pass) {
		for (Property property : element.children()) {
			if (!property.hasValues()) {
				continue;
			}
			// a copy: values may be removed from the element while they are visited
			for (Base value : new ArrayList<>(property.getValues())) {
				if (value == null) {
					continue;
				}
				if (isDirectIdentifier(value)) {
					element.removeChild(property.getName(), value);
					continue;
				}
				if (value instanceof Resource nested) {
					DomainResource container = element instanceof DomainResource domain && contains(domain, nested) ? domain : null;
					pseudonymise(nested, pass.owner(), container);
					continue;
				}
				if (value instanceof Reference reference) {
					rewrite(reference, pass.container());
				} else if (value instanceof BaseDateTimeType date && value != pass.birthDate()) {
					redate(date, pass.shift());
				}
				if (!value.isPrimitive() || value instanceof Element withExtensions && withExtensions.hasExtension()) {
					walk(value, pass);
				}
				if (isEmptied(value)) {
					element.removeChild(property.getName(), value);
				}
			}
		}
	}

	private static boolean isDirectIdentifier(Base value) {
		return value instanceof Annotation || value instanceof HumanName
				|| value instanceof Identifier identifier && SSIN_SYSTEM.equals(identifier.getSystem());
	}

	/** A composite left with nothing in it, or an extension left without value or sub-extensions. */
	private static boolean isEmptied(Base value) {
		if (value instanceof Extension extension) {
			return !extension.hasValue() && !extension.hasExtension();
		}
		return !value.isPrimitive() && value.isEmpty();
	}

	private void rewrite(Reference reference, DomainResource container) {
		reference.setDisplay(null);
		reference.setIdentifier(null);
		IBaseResource target = reference.getResource();
		if (!reference.hasReference() && target != null) {
			reference.setReference(referenceTo(target, container));
		}
		reference.setResource(null);
		if (!reference.hasReference()) {
			return;
		}
		String text = reference.getReference();
		Matcher patient = PATIENT_REFERENCE.matcher(text);
		if (patient.matches()) {
			reference.setReference("Patient/" + pseudonym(patient.group(1)));
		} else if (text.indexOf('?') >= 0) {
			reference.setReference(null);
		}
	}

	/** The text of a reference given only as an object: local ({@code #id}) to a contained resource, else Type/id. */
	private static String referenceTo(IBaseResource target, DomainResource container) {
		String id = target.getIdElement().getIdPart();
		if (id == null || id.isEmpty()) {
			return null;
		}
		if (id.startsWith("#")) {
			return id;
		}
		return container != null && contains(container, target) ? "#" + id : target.fhirType() + "/" + id;
	}

	private static boolean contains(DomainResource container, IBaseResource resource) {
		return container.getContained().stream().anyMatch(contained -> contained == resource);
	}

	private void redate(BaseDateTimeType date, int shift) {
		String text = date.getValueAsString();
		if (text == null || text.isEmpty()) {
			return;
		}
		String changed;
		if (policy == DatePolicy.TRUNCATE) {
			changed = truncated(text, date instanceof InstantType);
		} else if (shift != 0) {
			changed = shifted(text, shift);
		} else {
			return;
		}
		if (changed == null) {
			date.setValue(null);
		} else if (!changed.equals(text)) {
			date.setValueAsString(changed);
		}
	}

	/** The value moved by whole days in its own local date, or {@code null} if it is not a date or leaves the calendar. */
	static String shifted(String text, int days) {
		Matcher date = DATE.matcher(text);
		if (!date.matches()) {
			return null;
		}
		if (date.group(2) == null) {
			return text;
		}
		try {
			int year = Integer.parseInt(date.group(1));
			int month = Integer.parseInt(date.group(2));
			if (date.group(3) == null) {
				LocalDate moved = LocalDate.of(year, month, 1).plusDays(days);
				return inCalendar(moved) ? YearMonth.from(moved).toString() : null;
			}
			LocalDate moved = LocalDate.of(year, month, Integer.parseInt(date.group(3))).plusDays(days);
			return inCalendar(moved) ? moved + Objects.toString(date.group(4), "") : null;
		} catch (DateTimeException e) {
			return null;
		}
	}

	/** The value cut to year-month (an instant: the first second of its month, at its offset), or {@code null}. */
	static String truncated(String text, boolean instant) {
		Matcher date = DATE.matcher(text);
		if (!date.matches()) {
			return null;
		}
		if (date.group(3) == null) {
			return text;
		}
		String yearMonth = date.group(1) + "-" + date.group(2);
		if (!instant) {
			return yearMonth;
		}
		Matcher zone = ZONE.matcher(Objects.toString(date.group(4), ""));
		return yearMonth + "-01T00:00:00" + (zone.matches() ? zone.group(1) : "Z");
	}

	private static boolean inCalendar(LocalDate date) {
		return date.getYear() >= 1 && date.getYear() <= 9999;
	}

	private byte[] hmac(String input) {
		try {
			Mac mac = Mac.getInstance(HMAC);
			mac.init(key);
			return mac.doFinal(input.getBytes(StandardCharsets.UTF_8));
		} catch (GeneralSecurityException e) {
			throw new IllegalStateException("HMAC-SHA256 is not available", e);
		}
	}
}
