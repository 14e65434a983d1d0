package be.lungcare.fhir;

import be.lungcare.fhir.synthetic.Ssin;
import java.time.LocalDate;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Patient;

/** Test data that passes the LungCare profiles: unique SSINs with valid check digits. */
public final class TestData {

	public static final String SSIN_SYSTEM = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";

	private static final AtomicInteger SERIAL = new AtomicInteger(ThreadLocalRandom.current().nextInt(1, 900));

	/** Every SSIN handed out in this JVM: the tests share one database, so no two may get the same number. */
	private static final Set<String> ISSUED = ConcurrentHashMap.newKeySet();

	private TestData() {}

	/** A fresh SSIN of someone born in the 1970s (pre-2000 check-digit rule), unique within the run. */
	public static String ssin() {
		while (true) {
			int n = SERIAL.getAndIncrement();
			String ssin = Ssin.of(LocalDate.of(1970 + n % 10, 1, 1 + (n / 997) % 28), 1 + n % 997);
			if (ISSUED.add(ssin)) {
				return ssin;
			}
		}
	}

	/** A fresh SSIN of someone born on the given day, unique within the run (shared with {@link #ssin()}). */
	public static String ssinBornOn(LocalDate birthDate) {
		for (int serial = 1; serial <= 997; serial++) {
			String ssin = Ssin.of(birthDate, serial);
			if (ISSUED.add(ssin)) {
				return ssin;
			}
		}
		throw new IllegalStateException("No SSIN serial left for " + birthDate);
	}

	/** The birth date an SSIN encodes (pre-2000 numbers). */
	public static String birthDateOf(String ssin) {
		return "19" + ssin.substring(0, 2) + "-" + ssin.substring(2, 4) + "-" + ssin.substring(4, 6);
	}

	public static Patient patient(String family, String ssin) {
		Patient p = new Patient();
		p.addIdentifier().setSystem(SSIN_SYSTEM).setValue(ssin);
		p.addName().setFamily(family).addGiven("Test");
		p.setGender(Enumerations.AdministrativeGender.FEMALE);
		p.getBirthDateElement().setValueAsString(birthDateOf(ssin));
		return p;
	}
}
