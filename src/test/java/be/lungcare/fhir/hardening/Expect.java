package be.lungcare.fhir.hardening;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a hostile request must get, beyond what every request must get (no 5xx, no timeout, no internals in the
 * body, nothing invalid stored). {@link #problem} says what is wrong with an answer, or returns null.
 */
sealed interface Expect {

	String describe();

	String problem(Answer answer);

	/** A 4xx with an OperationOutcome that names each of {@code named} (parameter, header, element). */
	static Expect clientError(String... named) {
		return new ClientError(List.of(named), false);
	}

	/** A 4xx with an OperationOutcome that names at least one of {@code named}. */
	static Expect clientErrorNamingOneOf(String... named) {
		return new ClientError(List.of(named), true);
	}

	/** Exactly one of {@code statuses}, with an OperationOutcome, within {@code within}. */
	static Expect refused(Duration within, Integer... statuses) {
		return new Refused(new TreeSet<>(List.of(statuses)), within);
	}

	/** A 4xx with an OperationOutcome, or a batch answer (200) in which every entry got a 4xx. */
	static Expect rejected(String... named) {
		return new Rejected(List.of(named), null);
	}

	/** As {@link #rejected}, and within {@code within}. */
	static Expect rejectedWithin(Duration within) {
		return new Rejected(List.of(), within);
	}

	/** A 200 searchset with exactly {@code matches} matches, whose body contains {@code mustContain} (if any). */
	static Expect matches(int matches, String mustContain) {
		return new Matches(matches, mustContain);
	}

	/**
	 * Either refused (any 4xx: the servlet container refuses an oversized URL before the FHIR server sees it) or
	 * answered (2xx) within the time, with at most so many matches.
	 */
	static Expect bounded(Duration within, int maxMatches) {
		return new Bounded(within, maxMatches);
	}

	/** A 4xx, from whichever layer (the servlet container answers some of these before the FHIR server). */
	static Expect anyClientError() {
		return new AnyClientError();
	}

	/** Anything below 500 (the general rules still apply). */
	static Expect noServerError() {
		return new NoServerError();
	}

	/** A 2xx within the time: an accepted request. */
	static Expect accepted(Duration within) {
		return new Accepted(within);
	}

	private static String clientErrorProblem(Answer answer, List<String> named, boolean anyOf) {
		if (answer.status() < 400 || answer.status() >= 500) {
			return "status " + answer.status() + ", expected 4xx";
		}
		if (!answer.isOperationOutcome()) {
			return "4xx without an OperationOutcome";
		}
		if (anyOf) {
			return named.isEmpty() || named.stream().anyMatch(answer::mentions) ? null
					: "the OperationOutcome names none of " + String.join(", ", named);
		}
		for (String name : named) {
			if (!answer.mentions(name)) {
				return "the OperationOutcome does not name " + name;
			}
		}
		return null;
	}

	private static String late(Answer answer, Duration within) {
		return within != null && answer.response().nanos() > within.toNanos()
				? String.format("answered after %.0f ms, limit %d ms", answer.response().millis(), within.toMillis())
				: null;
	}

	record ClientError(List<String> named, boolean anyOf) implements Expect {
		@Override
		public String describe() {
			return named.isEmpty() ? "4xx + OperationOutcome" : "4xx + OperationOutcome naming "
					+ String.join(anyOf ? " or " : ", ", named);
		}

		@Override
		public String problem(Answer answer) {
			return clientErrorProblem(answer, named, anyOf);
		}
	}

	record Refused(Set<Integer> statuses, Duration within) implements Expect {
		@Override
		public String describe() {
			return "exactly " + statuses + " + OperationOutcome within " + within.toMillis() + " ms";
		}

		@Override
		public String problem(Answer answer) {
			if (!statuses.contains(answer.status())) {
				return "status " + answer.status() + ", expected " + statuses;
			}
			if (!answer.isOperationOutcome()) {
				return answer.status() + " without an OperationOutcome";
			}
			return late(answer, within);
		}
	}

	record Rejected(List<String> named, Duration within) implements Expect {
		@Override
		public String describe() {
			return "4xx + OperationOutcome (or every batch entry 4xx)" + (named.isEmpty() ? "" : " naming " + named)
					+ (within == null ? "" : " within " + within.toMillis() + " ms");
		}

		@Override
		public String problem(Answer answer) {
			String problem;
			if (answer.status() >= 200 && answer.status() < 300 && answer.isBundleOfType("batch-response")) {
				List<Integer> statuses = answer.entryStatuses();
				problem = !statuses.isEmpty() && statuses.stream().allMatch(s -> s >= 400 && s < 500) ? null
						: "batch entries answered " + statuses + ", expected 4xx";
			} else {
				problem = clientErrorProblem(answer, named, false);
			}
			return problem != null ? problem : late(answer, within);
		}
	}

	record Matches(int matches, String mustContain) implements Expect {
		@Override
		public String describe() {
			return "200 searchset with exactly " + matches + " match(es)";
		}

		@Override
		public String problem(Answer answer) {
			if (answer.status() != 200) {
				return "status " + answer.status() + ", expected 200";
			}
			int found = answer.matches();
			if (found != matches) {
				return found < 0 ? "not a searchset" : found + " matches, expected " + matches;
			}
			if (mustContain != null && !answer.text().contains(mustContain)) {
				return "the match is not the expected resource (" + mustContain + " missing)";
			}
			return null;
		}
	}

	record Bounded(Duration within, int maxMatches) implements Expect {
		@Override
		public String describe() {
			return "4xx, or 2xx with at most " + maxMatches + " matches, within " + within.toMillis() + " ms";
		}

		@Override
		public String problem(Answer answer) {
			if (answer.status() >= 400 && answer.status() < 500) {
				return late(answer, within);
			}
			if (answer.status() < 200 || answer.status() >= 300) {
				return "status " + answer.status();
			}
			if (answer.matches() > maxMatches) {
				return answer.matches() + " matches on one page, more than " + maxMatches;
			}
			return late(answer, within);
		}
	}

	record AnyClientError() implements Expect {
		@Override
		public String describe() {
			return "4xx";
		}

		@Override
		public String problem(Answer answer) {
			return answer.status() >= 400 && answer.status() < 500 ? null : "status " + answer.status() + ", expected 4xx";
		}
	}

	record NoServerError() implements Expect {
		@Override
		public String describe() {
			return "any status below 500";
		}

		@Override
		public String problem(Answer answer) {
			return answer.status() > 0 && answer.status() < 500 ? null : "status " + answer.status();
		}
	}

	record Accepted(Duration within) implements Expect {
		@Override
		public String describe() {
			return "2xx within " + within.toMillis() + " ms";
		}

		@Override
		public String problem(Answer answer) {
			if (answer.status() < 200 || answer.status() >= 300) {
				return "status " + answer.status() + ", expected 2xx";
			}
			return late(answer, within);
		}
	}
}
