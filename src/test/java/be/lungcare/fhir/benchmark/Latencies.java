package be.lungcare.fhir.benchmark;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Percentiles and medians (nearest-rank) for the benchmark's reports. */
public final class Latencies {

	private Latencies() {
	}

	static double percentile(double[] sorted, double p) {
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int rank = (int) Math.ceil(p / 100.0 * sorted.length);
		return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
	}

	static double median(List<Double> values) {
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		if (sorted.length == 0) {
			return Double.NaN;
		}
		int mid = sorted.length / 2;
		return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
	}

	/** p50, p95 and p99 in milliseconds of the given durations in nanoseconds. */
	public static Map<String, Object> summary(long[] nanos) {
		double[] ms = Arrays.stream(nanos).mapToDouble(n -> n / 1e6).sorted().toArray();
		Map<String, Object> out = new LinkedHashMap<>();
		out.put("p50Ms", round(percentile(ms, 50)));
		out.put("p95Ms", round(percentile(ms, 95)));
		out.put("p99Ms", round(percentile(ms, 99)));
		return out;
	}

	public static double round(double value) {
		return Math.round(value * 100) / 100.0;
	}
}
