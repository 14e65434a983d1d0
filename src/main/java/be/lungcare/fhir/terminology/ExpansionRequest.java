package be.lungcare.fhir.terminology;

import be.lungcare.fhir.errors.Problems;

/**
 * The parameters of one {@code $expand}, checked.
 *
 * @param displayLanguage     the language of the displays, or null for the code systems' own displays
 * @param filter              only codes whose display (in that language) contains this text, ignoring case; or null
 * @param count               at most this many codes (at most {@link #MAX_COUNT}); null when the client gave none
 * @param offset              the codes start after this many
 * @param includeDesignations list every designation of each code
 */
record ExpansionRequest(DisplayLanguage displayLanguage, String filter, Integer count, int offset,
		boolean includeDesignations) {

	/** The most codes one expansion returns: a client pages through larger value sets with {@code offset}. */
	static final int MAX_COUNT = 1000;

	/**
	 * @throws ca.uhn.fhir.rest.server.exceptions.InvalidRequestException (400, naming the parameter) for a negative
	 *     count or offset, or a display language that is not a language tag
	 */
	static ExpansionRequest of(String displayLanguage, String filter, Integer count, Integer offset,
			Boolean includeDesignations) {
		if (count != null && count < 0) {
			throw Problems.invalid("count must be 0 or more, not " + count, "count");
		}
		if (offset != null && offset < 0) {
			throw Problems.invalid("offset must be 0 or more, not " + offset, "offset");
		}
		return new ExpansionRequest(DisplayLanguage.parse(displayLanguage, "displayLanguage"),
				filter == null || filter.isBlank() ? null : filter.trim(),
				count == null ? null : Math.min(count, MAX_COUNT),
				offset == null ? 0 : offset,
				Boolean.TRUE.equals(includeDesignations));
	}

	/** How many codes this page holds at most. */
	int pageSize() {
		return count == null ? MAX_COUNT : count;
	}
}
