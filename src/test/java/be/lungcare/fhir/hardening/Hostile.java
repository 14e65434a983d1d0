package be.lungcare.fhir.hardening;

import java.util.List;

/**
 * One request of the catalogue. Every write of an invalid input carries the marker {@link #marker()} as a
 * {@code meta.tag} (system {@link Payloads#TAG_SYSTEM}) on each resource it holds; {@code storedTypes} are the
 * resource types searched by that tag afterwards: any match is an invalid input that was stored.
 */
record Hostile(int n, Kind kind, String name, RawHttp.Request request, Expect expect, List<String> storedTypes) {

	Hostile {
		storedTypes = List.copyOf(storedTypes);
	}

	String marker() {
		return marker(n);
	}

	static String marker(int n) {
		return "hardening-" + n;
	}

	/** The kinds of issue 11, in its order, and the concurrent posting of the worst accepted request. */
	enum Kind {
		FORM_SEARCH("form-search"),
		OVERSIZE("oversize"),
		CLIENT_ERROR("client-error"),
		LIMIT_BYPASS("limit-bypass"),
		ACCEPTED_INVALID("accepted-invalid"),
		BELGIAN_RULES("belgian-rules"),
		PROTOCOL("protocol"),
		WORST_ACCEPTED("worst-accepted");

		final String label;

		Kind(String label) {
			this.label = label;
		}
	}
}
