package be.lungcare.fhir.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * A value axis with round ticks (steps of 1, 2, 2.5 or 5 times a power of ten) that covers the data, so that the
 * grid lines fall on values people read at a glance.
 */
record Scale(double min, double max, double step, int decimals) {

	/** An axis from at most {@code low} to at least {@code high}, in about {@code intervals} steps. */
	static Scale covering(double low, double high, int intervals) {
		if (!(high > low)) {
			high = low + 1;
		}
		double rough = (high - low) / intervals;
		double magnitude = Math.pow(10, Math.floor(Math.log10(rough)));
		double normalized = rough / magnitude;
		double step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 2.5 ? 2.5 : normalized <= 5 ? 5 : 10)
				* magnitude;
		double min = Math.floor(low / step + 1e-9) * step;
		double max = Math.ceil(high / step - 1e-9) * step;
		int decimals = 0;
		while (decimals < 6 && Math.abs(step * Math.pow(10, decimals) - Math.rint(step * Math.pow(10, decimals))) > 1e-6) {
			decimals++;
		}
		return new Scale(min, max, step, decimals);
	}

	List<Double> ticks() {
		List<Double> ticks = new ArrayList<>();
		for (int i = 0; min + i * step <= max + step * 1e-6; i++) {
			ticks.add(BigDecimal.valueOf(min + i * step).setScale(decimals, RoundingMode.HALF_UP).doubleValue());
		}
		return ticks;
	}

	String label(double value) {
		return BigDecimal.valueOf(value).setScale(decimals, RoundingMode.HALF_UP).toPlainString();
	}

	/** Where {@code value} is between {@code bottom} (the axis minimum) and {@code top} (its maximum), in pixels. */
	double position(double value, double bottom, double top) {
		return bottom + (value - min) / (max - min) * (top - bottom);
	}
}
