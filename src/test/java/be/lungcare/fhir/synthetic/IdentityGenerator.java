package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.synthetic.Identity.Caregiver;
import be.lungcare.fhir.synthetic.Identity.Person;
import java.text.Normalizer;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.Locale;
import java.util.Random;
import java.util.Set;

/**
 * Identities of the patients of one run, in order: each from the patient's own identity stream, with SSINs
 * (patients and caregivers) unique across the run. A clash moves the serial to the next one of the same parity,
 * so the outcome depends only on the seed and the patient's position.
 */
final class IdentityGenerator {

	private final long seed;
	private final LocalDate referenceDate;
	/** SSINs issued so far in this run; only asked for membership, never iterated. */
	private final Set<String> issued = new HashSet<>();
	private int nextIndex;

	IdentityGenerator(long seed, LocalDate referenceDate) {
		this.seed = seed;
		this.referenceDate = referenceDate;
	}

	/** The identity of the next patient of the run. */
	Identity next() {
		int index = nextIndex++;
		Random rnd = Seeds.random(seed, index, Seeds.IDENTITY);
		Region region = Region.draw(rnd);
		Lang language = region.drawLanguage(rnd);
		int age = drawAge(rnd);
		boolean male = rnd.nextBoolean();
		String family = region.drawFamilyName(rnd, language);
		Person patient = person(rnd, region, language, male, family, age);
		Region.City city = region.drawCity(rnd);
		String street = region.drawStreet(rnd, language);

		Lang second = null;
		if (region == Region.BRUSSELS && rnd.nextInt(10) < 3) {
			second = language == Lang.NL ? Lang.FR : Lang.NL;
		} else if (region == Region.EAST_BELGIUM && rnd.nextInt(2) == 0) {
			second = Lang.FR;
		}
		boolean english = age >= 16 && age < 60 && rnd.nextInt(10) == 0;
		String email = age >= 16 && rnd.nextInt(100) < 35 ? email(patient) : null;
		return new Identity(index, patient, region, city, street, language, second, english, email,
				caregiver(rnd, region, language, patient, age));
	}

	/** Ages: 16 % children (4-17), 24 % 18-39, 20 % 40-54, 40 % 55 and over. */
	private static int drawAge(Random rnd) {
		int r = rnd.nextInt(100);
		if (r < 16) {
			return 4 + rnd.nextInt(14);
		} else if (r < 40) {
			return 18 + rnd.nextInt(22);
		} else if (r < 60) {
			return 40 + rnd.nextInt(15);
		}
		return 55 + rnd.nextInt(28) + rnd.nextInt(9);
	}

	private Caregiver caregiver(Random rnd, Region region, Lang language, Person patient, int age) {
		if (age < 18) {
			if (rnd.nextInt(10) >= 7) {
				return null;
			}
			boolean mother = rnd.nextInt(4) != 0;
			int parentAge = age + 24 + rnd.nextInt(17);
			String family = mother ? region.drawFamilyName(rnd, language) : patient.family();
			return new Caregiver(person(rnd, region, language, !mother, family, parentAge),
					mother ? "MTH" : "FTH", mother ? "mother" : "father");
		}
		int percent = age >= 65 ? 40 : age >= 40 ? 15 : 5;
		if (rnd.nextInt(100) >= percent) {
			return null;
		}
		boolean sameSex = rnd.nextInt(10) == 0;
		boolean male = sameSex == patient.male();
		int spouseAge = Math.max(18, age - 6 + rnd.nextInt(13));
		Person spouse = person(rnd, region, language, male, region.drawFamilyName(rnd, language), spouseAge);
		if (sameSex) {
			return new Caregiver(spouse, "SPS", "spouse");
		}
		return new Caregiver(spouse, male ? "HUSB" : "WIFE", male ? "husband" : "wife");
	}

	private Person person(Random rnd, Region region, Lang language, boolean male, String family, int age) {
		String given = region.drawGivenName(rnd, language, male);
		LocalDate birthDate = referenceDate.minusYears(age).minusDays(rnd.nextInt(365));
		int serial = male ? 1 + 2 * rnd.nextInt(499) : 2 + 2 * rnd.nextInt(498);
		String ssin = Ssin.of(birthDate, serial);
		for (int attempts = 0; !issued.add(ssin); attempts++) {
			if (attempts > 500) {
				throw new IllegalStateException("no SSIN serial left for " + birthDate);
			}
			serial = serial + 2 > 997 ? (male ? 1 : 2) : serial + 2;
			ssin = Ssin.of(birthDate, serial);
		}
		return new Person(given, family, male, birthDate, ssin, Region.mobile(rnd));
	}

	private static String email(Person person) {
		String local = (person.given() + "." + person.family()).toLowerCase(Locale.ROOT);
		local = Normalizer.normalize(local, Normalizer.Form.NFD).replaceAll("[^a-z.]", "");
		return local + "@example.be";
	}
}
