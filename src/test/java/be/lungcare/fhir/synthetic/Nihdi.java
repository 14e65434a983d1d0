package be.lungcare.fhir.synthetic;

import java.util.Locale;

/**
 * NIHDI (RIZIV/INAMI) numbers as in the IG examples: 6 digits (profession digit + 5-digit serial), 2 check
 * digits {@code 97 - (first six digits mod 97)}, then a 3-digit suffix (qualification code of a physician,
 * 000 otherwise). An organisation number (e.g. a hospital, 710...) has the same 8-digit body and suffix 000.
 * The IG itself checks only the format (lungcare-nihdi-1: 11 digits; lungcare-nihdi-org-1: 8 or 11 digits).
 */
final class Nihdi {

	private Nihdi() {
	}

	/** The number for a 6-digit body (e.g. 134567) and a 3-digit suffix (e.g. "003"). */
	static String of(int firstSix, String suffix) {
		if (firstSix < 100_000 || firstSix > 999_999 || !suffix.matches("\\d{3}")) {
			throw new IllegalArgumentException("NIHDI body must have 6 digits and the suffix 3: " + firstSix + " " + suffix);
		}
		return String.format(Locale.ROOT, "%06d%02d%s", firstSix, 97 - firstSix % 97, suffix);
	}

	/** True for 11 digits whose digits 7-8 are the check digits of the first six. */
	static boolean isValid(String nihdi) {
		return nihdi != null && nihdi.matches("\\d{11}")
				&& Integer.parseInt(nihdi.substring(6, 8)) == 97 - Integer.parseInt(nihdi.substring(0, 6)) % 97;
	}
}
