package be.lungcare.fhir.terminology;

import be.lungcare.fhir.errors.Problems;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The language a client asks displays in ({@code displayLanguage}, a BCP-47 tag), and which designations are in
 * it. A designation matches when its language is the tag ({@code fr-BE} for {@code fr-BE}), a regional variant of
 * it ({@code fr-BE} for {@code fr}) or, failing those, the same language without or with another region ({@code de}
 * for {@code de-BE}).
 * Tags compare without regard to case, as BCP-47 says.
 *
 * @param tag the requested tag, as the client sent it
 */
record DisplayLanguage(String tag) {

	private static final Pattern TAG = Pattern.compile("[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*");
	private static final int NO_MATCH = -1;

	/**
	 * The language asked for in a parameter; null when the parameter is absent or empty.
	 *
	 * @throws ca.uhn.fhir.rest.server.exceptions.InvalidRequestException (400, naming the parameter) when the value
	 *     is not a language tag
	 */
	static DisplayLanguage parse(String value, String parameter) {
		if (value == null || value.isBlank()) {
			return null;
		}
		String trimmed = value.trim();
		if (!TAG.matcher(trimmed).matches()) {
			throw Problems.invalid(parameter + " must be a language tag such as nl, fr-BE, de or en, not '" + value + "'",
					parameter);
		}
		return new DisplayLanguage(trimmed);
	}

	/** The language of a tag already accepted elsewhere; empty when the value is absent or not a language tag. */
	static Optional<DisplayLanguage> ofTag(String value) {
		return value == null || !TAG.matcher(value.trim()).matches()
				? Optional.empty()
				: Optional.of(new DisplayLanguage(value.trim()));
	}

	/**
	 * How well a designation's language matches: 0 the same tag, 1 a regional variant of it ({@code nl-BE} for
	 * {@code nl}), 2 its language alone ({@code de} for {@code de-BE}), 3 its language in another region
	 * ({@code fr-BE} for {@code fr-CH}), -1 no match.
	 */
	int match(String language) {
		if (language == null || language.isBlank()) {
			return NO_MATCH;
		}
		String wanted = tag.toLowerCase(Locale.ROOT);
		String offered = language.trim().toLowerCase(Locale.ROOT);
		if (offered.equals(wanted)) {
			return 0;
		}
		if (offered.startsWith(wanted + "-")) {
			return 1;
		}
		String primary = primary(wanted);
		if (offered.equals(primary)) {
			return 2;
		}
		return primary(offered).equals(primary) ? 3 : NO_MATCH;
	}

	boolean matches(String language) {
		return match(language) != NO_MATCH;
	}

	/**
	 * The designation to show as the display: the best language match, a designation meant as a display before a
	 * synonym, then the first given (a value set's designations come before its code system's).
	 */
	Optional<Designation> choose(List<Designation> designations) {
		return IntStream.range(0, designations.size())
				.filter(i -> designations.get(i).value() != null && matches(designations.get(i).language()))
				.boxed()
				.min(Comparator.<Integer>comparingInt(i -> match(designations.get(i).language()))
						.thenComparingInt(i -> designations.get(i).isDisplay() ? 0 : 1)
						.thenComparingInt(i -> i))
				.map(designations::get);
	}

	/** The display in this language: the chosen designation's text, or the given display when none matches. */
	String display(List<Designation> designations, String defaultDisplay) {
		return choose(designations).map(Designation::value).orElse(defaultDisplay);
	}

	private static String primary(String tag) {
		int dash = tag.indexOf('-');
		return dash < 0 ? tag : tag.substring(0, dash);
	}
}
