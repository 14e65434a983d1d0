package be.lungcare.fhir.synthetic;

import java.util.Locale;

/**
 * CBE (KBO/BCE) enterprise number: 10 digits starting with 0 or 1, the last two
 * {@code 97 - (first eight digits mod 97)} (invariant lungcare-cbe-1).
 */
final class Cbe {

	private Cbe() {
	}

	/** The number for an 8-digit body below 20 000 000 (i.e. starting with 0 or 1). */
	static String of(int firstEight) {
		if (firstEight < 1_000_000 || firstEight >= 20_000_000) {
			throw new IllegalArgumentException("CBE body out of range: " + firstEight);
		}
		return String.format(Locale.ROOT, "%08d%02d", firstEight, 97 - firstEight % 97);
	}

	static boolean isValid(String cbe) {
		return cbe != null && cbe.matches("[01]\\d{9}")
				&& Integer.parseInt(cbe.substring(8)) == 97 - Integer.parseInt(cbe.substring(0, 8)) % 97;
	}
}
