package be.lungcare.fhir.synthetic;

import java.util.Random;
import java.util.UUID;

/**
 * {@code urn:uuid:} fullUrls of one patient's entries: version-4 UUIDs whose first half comes from the patient's
 * seeded Random and whose second half is a bijective scramble of (patient index, entry counter), so that no two
 * entries of a run can get the same UUID.
 */
final class UuidSource {

	private static final long MASK_62 = (1L << 62) - 1;

	private final Random rnd;
	private final long seed;
	private final long patientIndex;
	private int counter;

	UuidSource(Random rnd, long seed, long patientIndex) {
		if (patientIndex >= 1L << 46) {
			throw new IllegalArgumentException("too many patients");
		}
		this.rnd = rnd;
		this.seed = seed;
		this.patientIndex = patientIndex;
	}

	String next() {
		if (counter == 0xFFFF) {
			throw new IllegalStateException("too many entries for one patient");
		}
		long msb = (rnd.nextLong() & ~0xF000L) | 0x4000L; // version 4
		long v = ((patientIndex << 16) | counter++) ^ (seed & MASK_62);
		v = (v * 0x9E3779B97F4A7C15L) & MASK_62; // odd multiplier: a bijection modulo 2^62
		v ^= v >>> 29;
		v = (v * 0xBF58476D1CE4E5B9L) & MASK_62;
		return "urn:uuid:" + new UUID(msb, Long.MIN_VALUE | v); // variant bits 10
	}
}
