package be.lungcare.fhir.terminology;

import be.lungcare.fhir.config.RestInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The number and boolean parameters of {@code ValueSet/$expand} in a URL, checked before HAPI binds them: HAPI's
 * binding turns a {@code count} that is not a number into a server error. A bad value is a 400 naming the parameter.
 * (In a POSTed Parameters body, the parser already refuses such values.)
 */
@Interceptor
final class ExpandParameterCheckInterceptor implements RestInterceptor {

	private static final Pattern WHOLE_NUMBER = Pattern.compile("[0-9]{1,9}");
	private static final Pattern BOOLEAN = Pattern.compile("true|false");

	/** Each checked parameter, with its pattern and what a client must send instead. */
	private record Rule(Pattern pattern, String expected) {}

	private static final Map<String, Rule> RULES = Map.of(
			"count", new Rule(WHOLE_NUMBER, "a whole number from 0 (at most " + ExpansionRequest.MAX_COUNT + " codes are returned)"),
			"offset", new Rule(WHOLE_NUMBER, "a whole number from 0"),
			"includeDesignations", new Rule(BOOLEAN, "true or false"));

	@Hook(Pointcut.SERVER_INCOMING_REQUEST_POST_PROCESSED)
	public boolean check(RequestDetails request) {
		if (!"$expand".equals(request.getOperation()) || !"ValueSet".equals(request.getResourceName())) {
			return true;
		}
		RULES.forEach((name, rule) -> {
			String[] values = request.getParameters().get(name);
			if (values == null) {
				return;
			}
			if (values.length > 1) {
				throw Problems.invalid(name + " may be given once", name);
			}
			if (!rule.pattern().matcher(values[0]).matches()) {
				String shown = values[0].length() > 100 ? values[0].substring(0, 100) + "..." : values[0];
				throw Problems.invalid(name + " must be " + rule.expected() + ", not '" + shown + "'", name);
			}
		});
		return true;
	}
}
