package be.lungcare.fhir.synthetic;

import java.time.LocalDate;
import java.time.Period;

/**
 * Who a generated patient is: name, birth date, SSIN, where they live and which language they speak, and the
 * informal caregiver if they have one.
 */
record Identity(int index, Person person, Region region, Region.City city, String street, Lang language,
		Lang secondLanguage, boolean speaksEnglish, String email, Caregiver caregiver) {

	/** A person with a Belgian SSIN (the serial parity matches the sex, the date the birth date). */
	record Person(String given, String family, boolean male, LocalDate birthDate, String ssin, String phone) {

		int ageOn(LocalDate date) {
			return Period.between(birthDate, date).getYears();
		}

		String fullName() {
			return given + " " + family;
		}
	}

	/** An informal caregiver with the v3 RoleCode of the family relationship. */
	record Caregiver(Person person, String relationship, String relationshipDisplay) {
	}

	int ageOn(LocalDate date) {
		return person.ageOn(date);
	}
}
