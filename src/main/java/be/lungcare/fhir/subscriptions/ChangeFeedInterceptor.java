package be.lungcare.fhir.subscriptions;

import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.RestOperationTypeEnum;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.InstantType;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * {@code _history} as a change feed with stable pages. HAPI lists history newest first and pages it by offset
 * without an upper bound, so a change made while a client pages shifts every later page (an entry shown twice,
 * another never). Here a history request without {@code _at} gets the range {@code [_since, now]} (as {@code _at}
 * bounds, which HAPI keeps for every page of the result), and its bundle's {@code meta.lastUpdated} says that
 * {@code now}: the {@code _since} of the client's next poll.
 */
@Interceptor
final class ChangeFeedInterceptor implements RestInterceptor {

	private static final String POSITION = "lungcare.subscriptions.feed-position";

	private final Clock clock;

	ChangeFeedInterceptor(Clock clock) {
		this.clock = clock;
	}

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean bound(RequestDetails request) {
		RestOperationTypeEnum operation = request.getRestOperationType();
		if (operation != RestOperationTypeEnum.HISTORY_SYSTEM && operation != RestOperationTypeEnum.HISTORY_TYPE
				&& operation != RestOperationTypeEnum.HISTORY_INSTANCE) {
			return true;
		}
		Map<String, String[]> parameters = new HashMap<>(request.getParameters());
		if (parameters.containsKey("_at")) {
			return true; // the client's own range (HAPI refuses _at with _since)
		}
		String position = new InstantType(java.util.Date.from(Instant.now(clock).truncatedTo(ChronoUnit.MILLIS))).getValueAsString();
		List<String> range = new ArrayList<>();
		String[] since = parameters.remove("_since");
		if (since != null) {
			if (since.length != 1 || !validInstant(since[0])) {
				String message = "_since must be one instant with a time zone, such as 2026-12-01T10:00:00Z";
				throw new InvalidRequestException(message, Problems.outcome(IssueType.INVALID, message, "_since"));
			}
			range.add("ge" + since[0]);
		}
		range.add("le" + position);
		parameters.put("_at", range.toArray(String[]::new));
		request.setParameters(parameters);
		request.getUserData().put(POSITION, position);
		return true;
	}

	@Hook(Pointcut.SERVER_OUTGOING_RESPONSE)
	public void position(RequestDetails request, IBaseResource response) {
		if (request.getUserData().get(POSITION) instanceof String position && response instanceof Bundle bundle) {
			bundle.getMeta().setLastUpdatedElement(new InstantType(position));
		}
	}

	private static boolean validInstant(String value) {
		try {
			InstantType instant = new InstantType(value);
			return instant.getValue() != null && instant.getTimeZone() != null;
		} catch (RuntimeException e) {
			return false;
		}
	}
}
