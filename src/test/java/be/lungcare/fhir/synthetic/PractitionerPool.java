package be.lungcare.fhir.synthetic;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.hl7.fhir.r4.model.ContactPoint;
import org.hl7.fhir.r4.model.Organization;
import org.hl7.fhir.r4.model.Practitioner;

/**
 * The practitioners and organisations shared by all patients of a run: about one practitioner per 20 patients
 * (at least 30) and one organisation per 100 (at least 10), each with valid NIHDI / CBE numbers. Members are
 * drawn one after the other from the seed, so a larger pool starts with the members of a smaller one.
 */
final class PractitionerPool {

	static final int MIN_PRACTITIONERS = 30;
	static final int MIN_ORGANISATIONS = 10;

	enum Kind {
		HOSPITAL, GP_PRACTICE, PHARMACY, HOME_CARE
	}

	/** Kinds of the organisations in the order they are assigned (repeating every 10). */
	private static final Kind[] ORGANISATION_PATTERN = {Kind.HOSPITAL, Kind.GP_PRACTICE, Kind.HOSPITAL,
			Kind.GP_PRACTICE, Kind.PHARMACY, Kind.HOSPITAL, Kind.GP_PRACTICE, Kind.HOME_CARE, Kind.HOSPITAL,
			Kind.GP_PRACTICE};

	/** An organisation: a hospital has an NIHDI organisation number and a CBE number, the others a CBE number. */
	record Organisation(Kind kind, String name, Region region, Region.City city, String street,
			String phone, String nihdi, String cbe) {
	}

	/** A practitioner with the organisation they work for (null for independent ones). */
	record Member(Role role, String nihdi, String given, String family, boolean male, String prefix,
			Region region, List<Lang> languages, String phone, Organisation affiliation) {
	}

	private final List<Member> members;
	private final List<Organisation> organisations;
	private final Map<Role, List<Member>> byRole = new EnumMap<>(Role.class);

	private PractitionerPool(List<Member> members, List<Organisation> organisations) {
		this.members = List.copyOf(members);
		this.organisations = List.copyOf(organisations);
		for (Member member : members) {
			byRole.computeIfAbsent(member.role(), r -> new ArrayList<>()).add(member);
		}
	}

	static int practitionersFor(int patients) {
		return Math.max(MIN_PRACTITIONERS, (patients + 19) / 20);
	}

	static int organisationsFor(int patients) {
		return Math.max(MIN_ORGANISATIONS, (patients + 99) / 100);
	}

	/** The pool for a population of {@code patients}. */
	static PractitionerPool forPatients(long seed, int patients) {
		List<Organisation> organisations = organisations(seed, organisationsFor(patients));
		Random rnd = Seeds.random(seed, 0, Seeds.PRACTITIONERS);
		Set<String> nihdis = new HashSet<>();
		List<Member> members = new ArrayList<>();
		for (int i = 0; i < practitionersFor(patients); i++) {
			Role role = Role.POOL_PATTERN[i % Role.POOL_PATTERN.length];
			String nihdi;
			do {
				nihdi = Nihdi.of(role.nihdiFirstDigit * 100_000 + rnd.nextInt(100_000), role.nihdiSuffix);
			} while (!nihdis.add(nihdi));
			Region region = Region.draw(rnd);
			Lang language = region.drawLanguage(rnd);
			boolean male = rnd.nextBoolean();
			List<Lang> languages = new ArrayList<>(List.of(language));
			if (region == Region.BRUSSELS && rnd.nextInt(10) < 6 || region == Region.EAST_BELGIUM) {
				languages.add(language == Lang.FR ? Lang.NL : Lang.FR);
			}
			members.add(new Member(role, nihdi, region.drawGivenName(rnd, language, male),
					region.drawFamilyName(rnd, language), male, prefix(role, language, male), region,
					List.copyOf(languages), Region.landline(rnd, region.drawCity(rnd)),
					affiliation(seed, i, role, region, organisations)));
		}
		return new PractitionerPool(members, organisations);
	}

	private static List<Organisation> organisations(long seed, int count) {
		Random rnd = Seeds.random(seed, 0, Seeds.ORGANISATIONS);
		Set<String> numbers = new HashSet<>();
		List<Organisation> organisations = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			Kind kind = ORGANISATION_PATTERN[i % ORGANISATION_PATTERN.length];
			Region region = Region.draw(rnd);
			Region.City city = region.drawCity(rnd);
			String nihdi = null;
			if (kind == Kind.HOSPITAL) {
				do {
					nihdi = Nihdi.of(710_000 + rnd.nextInt(10_000), "000");
				} while (!numbers.add(nihdi));
			}
			String cbe;
			do {
				cbe = Cbe.of(2_000_000 + rnd.nextInt(8_000_000));
			} while (!numbers.add(cbe));
			organisations.add(new Organisation(kind, name(rnd, kind, region, city), region, city,
					region.drawStreet(rnd, region.language), Region.landline(rnd, city), nihdi, cbe));
		}
		return organisations;
	}

	/** The organisation a practitioner works for, in their region if possible; from its own stream. */
	private static Organisation affiliation(long seed, int index, Role role, Region region,
			List<Organisation> organisations) {
		long hash = Seeds.mix(seed, index, Seeds.AFFILIATION);
		Kind kind = switch (role) {
			case GP -> Kind.GP_PRACTICE;
			case PHARMACIST -> Kind.PHARMACY;
			case NURSE -> Kind.HOME_CARE;
			case PULMONOLOGIST, PAEDIATRICIAN, DERMATOLOGIST, ENT -> Kind.HOSPITAL;
			default -> Math.floorMod(hash >>> 32, 3) == 0 ? Kind.HOSPITAL : null;
		};
		if (kind == null) {
			return null;
		}
		List<Organisation> candidates = organisations.stream()
				.filter(o -> o.kind() == kind && o.region() == region).toList();
		if (candidates.isEmpty()) {
			candidates = organisations.stream()
					.filter(o -> o.kind() == kind && o.region().language == region.language).toList();
		}
		if (candidates.isEmpty()) {
			candidates = organisations.stream().filter(o -> o.kind() == kind).toList();
		}
		return candidates.get((int) Math.floorMod(hash, (long) candidates.size()));
	}

	/** A practitioner of a profession for a patient: in the patient's region, else speaking their language. */
	Member pick(Role role, Region region, Lang language, Random rnd) {
		List<Member> all = byRole.get(role);
		List<Member> candidates = all.stream().filter(m -> m.region() == region).toList();
		if (candidates.isEmpty()) {
			candidates = all.stream().filter(m -> m.languages().contains(language)).toList();
		}
		if (candidates.isEmpty()) {
			candidates = all;
		}
		return candidates.get(rnd.nextInt(candidates.size()));
	}

	List<Organisation> organisations() {
		return organisations;
	}

	List<String> nihdis() {
		return members.stream().map(Member::nihdi).toList();
	}

	/** The Practitioner resource of a member (LungCarePractitioner). */
	static Practitioner practitioner(Member member, Terminology t) {
		Practitioner practitioner = new Practitioner();
		practitioner.getMeta().addProfile(t.practitionerProfile);
		practitioner.addIdentifier().setSystem(t.nihdiSystem).setValue(member.nihdi());
		practitioner.setActive(true);
		practitioner.addName().setUse(org.hl7.fhir.r4.model.HumanName.NameUse.OFFICIAL).setFamily(member.family())
				.addGiven(member.given()).addPrefix(member.prefix());
		practitioner.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setUse(ContactPoint.ContactPointUse.WORK)
				.setValue(member.phone());
		for (Lang language : member.languages()) {
			practitioner.addCommunication(Terminology.cc(t.language(language.practitionerCode)));
		}
		return practitioner;
	}

	/** The Organization resource of an organisation (LungCareOrganization). */
	static Organization organization(Organisation organisation, Terminology t) {
		Organization organization = new Organization();
		organization.getMeta().addProfile(t.organizationProfile);
		if (organisation.nihdi() != null) {
			organization.addIdentifier().setSystem(t.nihdiOrganizationSystem).setValue(organisation.nihdi());
		}
		organization.addIdentifier().setSystem(t.cbeSystem).setValue(organisation.cbe());
		organization.setActive(true);
		organization.addType(Terminology.cc(Terminology.ORGANIZATION_TYPE, "prov", "Healthcare Provider"));
		organization.setName(organisation.name());
		organization.addTelecom().setSystem(ContactPoint.ContactPointSystem.PHONE).setValue(organisation.phone());
		organization.addAddress().addLine(organisation.street()).setCity(organisation.city().name())
				.setPostalCode(organisation.city().postalCode()).setCountry("BE");
		return organization;
	}

	/** The conditional-create query of an organisation: its NIHDI number if it has one, else its CBE number. */
	static String identifierQuery(Organisation organisation, Terminology t) {
		return organisation.nihdi() != null ? "identifier=" + t.nihdiOrganizationSystem + "|" + organisation.nihdi()
				: "identifier=" + t.cbeSystem + "|" + organisation.cbe();
	}

	private static String prefix(Role role, Lang language, boolean male) {
		if (role.physician) {
			return language == Lang.FR ? "Dr" : "Dr.";
		}
		if (role == Role.PHARMACIST && language != Lang.DE) {
			return language == Lang.NL ? "Apr." : "Pharm.";
		}
		return language.pick(male ? "Dhr." : "Mevr.", male ? "M." : "Mme", male ? "Herr" : "Frau");
	}

	private static String name(Random rnd, Kind kind, Region region, Region.City city) {
		Lang lang = region.language;
		return switch (kind) {
			case HOSPITAL -> lang.pick("AZ " + Region.pick(rnd, NL_SAINTS), "Clinique " + Region.pick(rnd, FR_SAINTS),
					Region.pick(rnd, DE_SAINTS) + "-Klinik") + " " + city.name();
			case GP_PRACTICE -> lang.pick("Huisartsenpraktijk ", "Maison médicale ", "Gemeinschaftspraxis ")
					+ Region.pick(rnd, lang.pick(NL_PRACTICES, FR_PRACTICES, DE_PRACTICES)) + " " + city.name();
			case PHARMACY -> lang.pick("Apotheek ", "Pharmacie ", "Apotheke ") + region.drawFamilyName(rnd, lang);
			case HOME_CARE -> lang.pick("Thuisverpleging ", "Soins à domicile ", "Häusliche Krankenpflege ")
					+ city.name();
		};
	}

	private static final List<String> NL_SAINTS = List.of("Sint-Jan", "Sint-Maarten", "Sint-Elisabeth",
			"Sint-Vincentius", "Sint-Lucas", "Sint-Jozef", "Maria Middelares", "Heilig Hart", "Lieveheer");
	private static final List<String> FR_SAINTS = List.of("Saint-Luc", "Saint-Pierre", "Saint-Joseph",
			"Sainte-Elisabeth", "Saint-Nicolas", "Notre-Dame", "Saint-Vincent", "Saint-Hubert");
	private static final List<String> DE_SAINTS = List.of("St. Nikolaus", "St. Josef", "Marien");
	private static final List<String> NL_PRACTICES = List.of("De Linde", "De Eik", "Het Anker", "De Bron",
			"De Wilg", "Zonnebloem", "De Brug");
	private static final List<String> FR_PRACTICES = List.of("du Centre", "des Tilleuls", "La Source", "Le Cèdre",
			"Les Marronniers", "Le Pont");
	private static final List<String> DE_PRACTICES = List.of("Am Markt", "Lindenhof", "Kirchplatz");
}
