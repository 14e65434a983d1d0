package be.lungcare.fhir.synthetic;

import java.util.Random;

/**
 * Independent, reproducible random streams derived from the run's seed: one per patient and purpose, so that a
 * patient's data does not depend on how much randomness earlier patients used, and identities (SSINs) can be
 * produced without the clinical data.
 */
final class Seeds {

	static final int IDENTITY = 1;
	static final int CLINICAL = 2;
	static final int PRACTITIONERS = 3;
	static final int ORGANISATIONS = 4;
	static final int AFFILIATION = 5;

	private Seeds() {
	}

	/** A {@link java.util.Random} (its sequence is specified, hence the same on every JVM) for one stream. */
	static Random random(long seed, long index, int stream) {
		return new Random(mix(seed, index, stream));
	}

	/** SplitMix64 of the seed, index and stream. */
	static long mix(long seed, long index, int stream) {
		return splitMix64(seed ^ splitMix64(index * 0x9E3779B97F4A7C15L + stream));
	}

	private static long splitMix64(long z) {
		z += 0x9E3779B97F4A7C15L;
		z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
		z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
		return z ^ (z >>> 31);
	}
}
