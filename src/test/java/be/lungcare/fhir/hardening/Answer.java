package be.lungcare.fhir.hardening;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/** A server answer with its body read once: as text, and as JSON when it is JSON. */
record Answer(RawHttp.Response response, String text, JsonNode json) {

	static Answer of(RawHttp.Response response) {
		return new Answer(response, response.bodyText(), Json.parse(response.body()));
	}

	int status() {
		return response.status();
	}

	/** True for an OperationOutcome, in JSON or in XML. */
	boolean isOperationOutcome() {
		if (json != null) {
			return "OperationOutcome".equals(json.path("resourceType").asText());
		}
		String start = text.stripLeading();
		return start.startsWith("<OperationOutcome") || start.startsWith("<?xml") && start.contains("<OperationOutcome");
	}

	/** True when the body names {@code name}: not as the tail of a longer word ("name" is not named by "filename"). */
	boolean mentions(String name) {
		return Pattern.compile("(?<![\\w-])" + Pattern.quote(name), Pattern.CASE_INSENSITIVE).matcher(text).find();
	}

	boolean isBundleOfType(String type) {
		return json != null && "Bundle".equals(json.path("resourceType").asText()) && type.equals(json.path("type").asText());
	}

	/** The status codes of a batch or transaction response's entries ({@code "201 Created"} gives 201). */
	List<Integer> entryStatuses() {
		List<Integer> statuses = new ArrayList<>();
		if (json != null) {
			for (JsonNode entry : json.path("entry")) {
				String status = entry.path("response").path("status").asText("").trim();
				int space = status.indexOf(' ');
				try {
					statuses.add(Integer.parseInt(space < 0 ? status : status.substring(0, space)));
				} catch (NumberFormatException e) {
					statuses.add(0);
				}
			}
		}
		return statuses;
	}

	/**
	 * The matches of a searchset: {@code Bundle.total} when there are no entries ({@code _summary=count}), else the
	 * entries in {@code search.mode} match (or without a mode); -1 when this is no searchset.
	 */
	int matches() {
		if (!isBundleOfType("searchset")) {
			return -1;
		}
		JsonNode entries = json.path("entry");
		if (entries.isEmpty() && json.has("total")) {
			return json.path("total").asInt();
		}
		int matches = 0;
		for (JsonNode entry : entries) {
			String mode = entry.path("search").path("mode").asText("match");
			if (mode.equals("match")) {
				matches++;
			}
		}
		return matches;
	}

	/** The first {@code max} characters of the body, whitespace collapsed. */
	String abbreviated(int max) {
		String flat = text.replaceAll("\\s+", " ").trim();
		return flat.length() > max ? flat.substring(0, max) : flat;
	}
}
