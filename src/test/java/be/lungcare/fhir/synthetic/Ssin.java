package be.lungcare.fhir.synthetic;

import java.time.LocalDate;
import java.util.Locale;

/**
 * Belgian SSIN (INSZ/NISS, national register number): YYMMDD + 3-digit serial (odd for men, even for women)
 * + 2 check digits, {@code 97 - (first nine digits mod 97)}; for people born in 2000 or later the nine digits
 * are prefixed with "2" first (invariant lungcare-ssin-1, /work/shared/domain.md).
 */
public final class Ssin {

	private Ssin() {
	}

	/** The SSIN of someone born on {@code birthDate} with {@code serial} (1-997). */
	public static String of(LocalDate birthDate, int serial) {
		if (serial < 1 || serial > 997) {
			throw new IllegalArgumentException("SSIN serial must be 1-997: " + serial);
		}
		String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", birthDate.getYear() % 100, birthDate.getMonthValue(),
				birthDate.getDayOfMonth(), serial);
		return nine + String.format(Locale.ROOT, "%02d", check(nine, birthDate.getYear() >= 2000));
	}

	private static int check(String nine, boolean bornFrom2000) {
		long n = Long.parseLong(nine) + (bornFrom2000 ? 2_000_000_000L : 0);
		return (int) (97 - n % 97);
	}
}
