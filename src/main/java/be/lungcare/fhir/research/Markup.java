package be.lungcare.fhir.research;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;

/**
 * Text for SVG and HTML, shared so that both escape the same way and show the same numbers. Escaped text is valid in
 * XML as well as in HTML (only the five XML entities, and the characters XML 1.0 forbids left out), so both documents
 * stay well-formed whatever a title contains.
 */
final class Markup {

	private Markup() {
	}

	/** Text for an element's content or a quoted attribute value. */
	static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder escaped = new StringBuilder(text.length() + 16);
		text.codePoints().forEach(c -> {
			switch (c) {
				case '&' -> escaped.append("&amp;");
				case '<' -> escaped.append("&lt;");
				case '>' -> escaped.append("&gt;");
				case '"' -> escaped.append("&quot;");
				case '\'' -> escaped.append("&#39;");
				default -> {
					if (allowedInXml(c)) {
						escaped.appendCodePoint(c);
					}
				}
			}
		});
		return escaped.toString();
	}

	private static boolean allowedInXml(int c) {
		return c == '\t' || c == '\n' || c == '\r' || c >= 0x20 && c <= 0xD7FF || c >= 0xE000 && c <= 0xFFFD
				|| c >= 0x10000 && c <= 0x10FFFF;
	}

	/** A proportion (0..1) as a percentage with one decimal: 0.7 is "70.0 %". */
	static String percent(BigDecimal proportion) {
		return proportion.movePointRight(2).setScale(1, RoundingMode.HALF_UP).toPlainString() + " %";
	}

	/** A rate with two decimals: "0.42". */
	static String rate(BigDecimal rate) {
		return rate.setScale(2, RoundingMode.HALF_UP).toPlainString();
	}

	/** A coordinate for SVG: at most one decimal, always with a dot. */
	static String number(double value) {
		long tenths = Math.round(value * 10);
		return tenths % 10 == 0 ? Long.toString(tenths / 10) : String.format(Locale.ROOT, "%.1f", tenths / 10.0);
	}
}
