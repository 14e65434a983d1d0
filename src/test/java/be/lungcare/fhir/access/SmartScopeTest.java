package be.lungcare.fhir.access;

import static be.lungcare.fhir.access.SmartScope.Context.PATIENT;
import static be.lungcare.fhir.access.SmartScope.Context.SYSTEM;
import static be.lungcare.fhir.access.SmartScope.Context.USER;
import static be.lungcare.fhir.access.SmartScope.Permission.CREATE;
import static be.lungcare.fhir.access.SmartScope.Permission.DELETE;
import static be.lungcare.fhir.access.SmartScope.Permission.READ;
import static be.lungcare.fhir.access.SmartScope.Permission.SEARCH;
import static be.lungcare.fhir.access.SmartScope.Permission.UPDATE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.access.SmartScope.Context;
import be.lungcare.fhir.access.SmartScope.Permission;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

class SmartScopeTest {

	private static final Predicate<String> TYPES = Set.of("Patient", "Observation", "Condition", "Encounter",
			"MedicationRequest", "Practitioner")::contains;

	private static final String LABORATORY = "http://terminology.hl7.org/CodeSystem/observation-category|laboratory";

	private static SmartScope parsed(String scope) {
		return SmartScope.parse(scope, TYPES).orElseThrow(() -> new AssertionError("not parsed: " + scope));
	}

	static Stream<Arguments> valid() {
		return Stream.of(
				Arguments.of("patient/Observation.rs", PATIENT, "Observation", EnumSet.of(READ, SEARCH), Map.of()),
				Arguments.of("patient/Observation.rs?category=" + LABORATORY, PATIENT, "Observation",
						EnumSet.of(READ, SEARCH), Map.of("category", List.of(LABORATORY))),
				Arguments.of("patient/Observation.rs?category=http://terminology.hl7.org/CodeSystem/observation-category%7Claboratory",
						PATIENT, "Observation", EnumSet.of(READ, SEARCH), Map.of("category", List.of(LABORATORY))),
				Arguments.of("user/*.cruds", USER, "*", EnumSet.allOf(Permission.class), Map.of()),
				Arguments.of("system/*.rs", SYSTEM, "*", EnumSet.of(READ, SEARCH), Map.of()),
				Arguments.of("user/Condition.cud", USER, "Condition", EnumSet.of(CREATE, UPDATE, DELETE), Map.of()),
				Arguments.of("patient/Patient.r", PATIENT, "Patient", EnumSet.of(READ), Map.of()),
				Arguments.of("patient/Patient.s", PATIENT, "Patient", EnumSet.of(SEARCH), Map.of()),
				Arguments.of("user/Encounter.cs", USER, "Encounter", EnumSet.of(CREATE, SEARCH), Map.of()),
				Arguments.of("system/Observation.d", SYSTEM, "Observation", EnumSet.of(DELETE), Map.of()),
				// v1 forms, mapped as SMART 2.x says
				Arguments.of("patient/*.read", PATIENT, "*", EnumSet.of(READ, SEARCH), Map.of()),
				Arguments.of("user/Patient.write", USER, "Patient", EnumSet.of(CREATE, UPDATE, DELETE), Map.of()),
				Arguments.of("system/*.*", SYSTEM, "*", EnumSet.allOf(Permission.class), Map.of()),
				Arguments.of("patient/Observation.*", PATIENT, "Observation", EnumSet.allOf(Permission.class), Map.of()),
				// query details: modifiers, chains, escapes of any case, UTF-8, wildcard type with a filter
				Arguments.of("user/Condition.rs?code:in=http://x.org/ValueSet/copd", USER, "Condition",
						EnumSet.of(READ, SEARCH), Map.of("code:in", List.of("http://x.org/ValueSet/copd"))),
				Arguments.of("user/Observation.rs?subject.name=%C3%A9mile", USER, "Observation", EnumSet.of(READ, SEARCH),
						Map.of("subject.name", List.of("émile"))),
				Arguments.of("user/Observation.rs?_tag=a%2cb%2Cc%20d%2B", USER, "Observation", EnumSet.of(READ, SEARCH),
						Map.of("_tag", List.of("a,b,c d+"))),
				Arguments.of("system/*.s?_security=http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N", SYSTEM, "*",
						EnumSet.of(SEARCH), Map.of("_security", List.of("http://terminology.hl7.org/CodeSystem/v3-Confidentiality|N"))));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource
	void valid(String scope, Context context, String type, Set<Permission> permissions, Map<String, List<String>> filter) {
		SmartScope parsed = parsed(scope);
		assertThat(parsed.context()).isEqualTo(context);
		assertThat(parsed.resourceType()).isEqualTo(type);
		assertThat(parsed.permissions()).containsExactlyInAnyOrderElementsOf(permissions);
		assertThat(parsed.filter()).isEqualTo(filter);
		assertThat(parsed.hasFilter()).isEqualTo(!filter.isEmpty());
		assertThat(parsed).isEqualTo(new SmartScope(context, type, permissions, filter));
	}

	static Stream<Arguments> invalid() {
		return Stream.of(
				// not resource scopes at all
				Arguments.of("openid", "OpenID Connect scope"),
				Arguments.of("fhirUser", "identity scope"),
				Arguments.of("profile", "identity scope"),
				Arguments.of("launch", "launch context scope"),
				Arguments.of("launch/patient", "launch context scope: 'launch' is no context, 'patient' has no permissions"),
				Arguments.of("launch/encounter", "launch context scope"),
				Arguments.of("offline_access", "refresh token scope"),
				Arguments.of("online_access", "refresh token scope"),
				Arguments.of("lungcare.admin", "this server's own scope"),
				Arguments.of("", "empty"),
				// context
				Arguments.of("Patient/Observation.rs", "context is case-sensitive"),
				Arguments.of("USER/*.cruds", "context is case-sensitive"),
				Arguments.of("practitioner/Observation.rs", "unknown context"),
				Arguments.of("/Observation.rs", "missing context"),
				Arguments.of("Observation.rs", "no context at all"),
				Arguments.of("patient//Observation.rs", "empty segment: '/Observation' is no type"),
				Arguments.of("patient/a/Observation.rs", "'a/Observation' is no type"),
				// type
				Arguments.of("patient/Specimen.rs", "not a resource type of this server"),
				Arguments.of("patient/observation.rs", "type names are case-sensitive"),
				Arguments.of("patient/.rs", "missing type"),
				Arguments.of("patient/**.rs", "'**' is no wildcard"),
				Arguments.of("patient/Observation", "no permissions"),
				Arguments.of("patient/Observation.", "empty permissions"),
				Arguments.of("patient/Observation.?category=x", "empty permissions before a query"),
				// v2 permissions
				Arguments.of("patient/Observation.sr", "letters out of order"),
				Arguments.of("patient/Observation.rc", "letters out of order"),
				Arguments.of("user/*.scrud", "letters out of order"),
				Arguments.of("patient/Observation.rr", "letter repeated"),
				Arguments.of("patient/Observation.crudss", "letter repeated"),
				Arguments.of("patient/Observation.x", "unknown letter"),
				Arguments.of("patient/Observation.rsx", "unknown letter after valid ones"),
				Arguments.of("patient/Observation.RS", "letters are case-sensitive"),
				Arguments.of("patient/Observation.r.s", "a second dot"),
				Arguments.of("patient/Observation.rs.", "a trailing dot"),
				// v1 words
				Arguments.of("patient/Observation.READ", "v1 words are case-sensitive"),
				Arguments.of("patient/Observation.Write", "v1 words are case-sensitive"),
				Arguments.of("patient/Observation.readwrite", "not a v1 word"),
				Arguments.of("patient/Observation.**", "not the v1 wildcard"),
				Arguments.of("patient/Observation.read?category=laboratory", "v1 scopes carry no query"),
				Arguments.of("user/Patient.write?name=x", "v1 scopes carry no query"),
				Arguments.of("system/*.*?_tag=x", "v1 scopes carry no query"),
				Arguments.of("patient/*.read?", "v1 scopes carry no query, not even an empty one"),
				// query shape
				Arguments.of("patient/Observation.rs?", "empty query"),
				Arguments.of("patient/Observation.rs?category", "missing '='"),
				Arguments.of("patient/Observation.rs?category=", "empty value"),
				Arguments.of("patient/Observation.rs?=laboratory", "empty name"),
				Arguments.of("patient/Observation.rs?category=laboratory&", "trailing '&': an empty pair"),
				Arguments.of("patient/Observation.rs?&category=laboratory", "leading '&': an empty pair"),
				Arguments.of("patient/Observation.rs?category=a&&code=b", "an empty pair in between"),
				Arguments.of("patient/Observation.rs?category=a&code", "second pair without '='"),
				Arguments.of("patient/Observation.rs?1category=x", "name starts with a digit"),
				Arguments.of("patient/Observation.rs?cat%65gory=x", "names are not percent-decoded"),
				Arguments.of("patient/Observation.rs?cat*gory=x", "character not allowed in a name"),
				Arguments.of("patient/Observation.rs?category=a=b", "raw '=' in a value"),
				Arguments.of("patient/Observation.rs?category=a?b", "a second '?'"),
				Arguments.of("patient/Observation.rs?category=a#b", "raw '#' in a value"),
				Arguments.of("patient/Observation.rs?code=a+b", "raw '+' is a space to some decoders and a plus to others"),
				// percent-decoding
				Arguments.of("patient/Observation.rs?category=%", "truncated escape"),
				Arguments.of("patient/Observation.rs?category=%7", "truncated escape"),
				Arguments.of("patient/Observation.rs?category=lab%", "truncated escape at the end"),
				Arguments.of("patient/Observation.rs?category=%zz", "not hex"),
				Arguments.of("patient/Observation.rs?category=%-1x", "not hex"),
				Arguments.of("patient/Observation.rs?category=%C3", "incomplete UTF-8 sequence"),
				Arguments.of("patient/Observation.rs?category=%FF%FE", "not UTF-8"),
				Arguments.of("patient/Observation.rs?category=%C0%AF", "overlong UTF-8"),
				Arguments.of("patient/Observation.rs?category=%ED%A0%80", "UTF-8 encoded surrogate"),
				Arguments.of("patient/Observation.rs?category=lab%00", "decodes to a control character"),
				Arguments.of("patient/Observation.rs?category=a%0Ab", "decodes to a control character"),
				Arguments.of("patient/Observation.rs?category=a%7Fb", "decodes to a control character"),
				Arguments.of("patient/Observation.rs?category=a%C2%85b", "decodes to a C1 control character"),
				// characters RFC 6749 does not allow in a scope token
				Arguments.of(" patient/Observation.rs", "leading space"),
				Arguments.of("patient/Observation.rs ", "trailing space"),
				Arguments.of("patient/Observation.rs\n", "trailing newline"),
				Arguments.of("patient/Observation.rs?code=a b", "space inside"),
				Arguments.of("patient/Observation.rs?code=é", "raw non-ASCII"),
				Arguments.of("patient/Observation.rs?code=a\"b", "double quote"),
				Arguments.of("patient/Observation.rs?code=a\\b", "backslash"),
				Arguments.of("patient/Observation.rs?code=a\u0000b", "raw control character"));
	}

	@ParameterizedTest(name = "{0} — {1}")
	@MethodSource
	void invalid(String scope, String why) {
		assertThat(SmartScope.parse(scope, TYPES)).as(why).isEmpty();
	}

	@Test
	void nullIsNoScope() {
		assertThat(SmartScope.parse(null, TYPES)).isEmpty();
	}

	@Test
	void theWildcardTypeIsNeverPutToThePredicate() {
		List<String> asked = new ArrayList<>();
		Predicate<String> recording = name -> {
			asked.add(name);
			return false;
		};
		assertThat(SmartScope.parse("user/*.rs", recording)).isPresent();
		assertThat(SmartScope.parse("user/Observation.rs", recording)).isEmpty();
		assertThat(asked).containsExactly("Observation");
	}

	@Test
	void repeatedNamesKeepAllValuesInOrderAndNamesKeepFirstSeenOrder() {
		SmartScope scope = parsed("user/Observation.rs?code=b&category=laboratory&code=a&code=c&_tag=x");
		assertThat(scope.filter()).containsExactly(
				Map.entry("code", List.of("b", "a", "c")),
				Map.entry("category", List.of("laboratory")),
				Map.entry("_tag", List.of("x")));
	}

	@Test
	void thePartsAreUnmodifiable() {
		SmartScope scope = parsed("user/Observation.rs?code=a");
		assertThatThrownBy(() -> scope.permissions().add(CREATE)).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> scope.permissions().clear()).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> scope.filter().put("x", List.of("y"))).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> scope.filter().get("code").add("b")).isInstanceOf(UnsupportedOperationException.class);
		assertThatThrownBy(() -> parsed("user/*.cruds").filter().put("x", List.of("y")))
				.isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void theConstructorCopiesWhatItIsGiven() {
		EnumSet<Permission> permissions = EnumSet.of(READ);
		Map<String, List<String>> filter = new LinkedHashMap<>();
		List<String> values = new ArrayList<>(List.of("a"));
		filter.put("z", values);
		filter.put("a", List.of("b"));
		SmartScope scope = new SmartScope(USER, "Observation", permissions, filter);
		permissions.add(DELETE);
		values.add("more");
		filter.put("extra", List.of("x"));
		assertThat(scope.permissions()).containsExactly(READ);
		assertThat(scope.filter()).containsExactly(Map.entry("z", List.of("a")), Map.entry("a", List.of("b")));
		assertThatThrownBy(() -> scope.permissions().add(CREATE)).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void theConstructorRefusesAScopeThatNamesNothing() {
		assertThatThrownBy(() -> new SmartScope(USER, "Observation", Set.of(), Map.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SmartScope(USER, "", Set.of(READ), Map.of())).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new SmartScope(null, "Observation", Set.of(READ), Map.of())).isInstanceOf(NullPointerException.class);
	}

	@Test
	void parseAllKeepsTheResourceScopesInOrderAndIgnoresTheRest() {
		List<SmartScope> scopes = SmartScope.parseAll(
				"openid fhirUser launch/patient patient/Observation.rs?category=laboratory offline_access online_access "
						+ "lungcare.admin user/*.cruds patient/Observation.sr system/*.* patient/Specimen.rs launch profile",
				TYPES);
		assertThat(scopes).containsExactly(
				parsed("patient/Observation.rs?category=laboratory"),
				parsed("user/*.cruds"),
				parsed("system/*.*"));
	}

	@ParameterizedTest
	@ValueSource(strings = {"  patient/*.read   user/Patient.write  ", "\tpatient/*.read\n\nuser/Patient.write\r\n",
			"patient/*.read \u000B\f user/Patient.write"})
	void parseAllSkipsExtraWhitespace(String scopes) {
		assertThat(SmartScope.parseAll(scopes, TYPES)).containsExactly(parsed("patient/*.read"), parsed("user/Patient.write"));
	}

	@ParameterizedTest
	@ValueSource(strings = {"", " ", "  \t\n ", "openid fhirUser launch/patient offline_access lungcare.admin"})
	void parseAllOfNoResourceScopesIsEmpty(String scopes) {
		assertThat(SmartScope.parseAll(scopes, TYPES)).isEmpty();
	}

	@Test
	void parseAllOfNullIsEmpty() {
		assertThat(SmartScope.parseAll(null, TYPES)).isEmpty();
	}

	@Test
	void parseAllKeepsDuplicates() {
		assertThat(SmartScope.parseAll("user/*.rs user/*.rs", TYPES)).hasSize(2);
	}

	@Test
	void parseAllLooksAtTheFirst200TokensOnly() {
		List<String> tokens = IntStream.range(0, 300)
				.mapToObj(i -> i == 0 ? "patient/Patient.r" : i == 199 ? "user/Condition.s" : i == 200 ? "system/*.*" : "openid")
				.toList();
		List<SmartScope> scopes = SmartScope.parseAll(String.join(" ", tokens), TYPES);
		assertThat(scopes).containsExactly(parsed("patient/Patient.r"), parsed("user/Condition.s"));
	}

	@Test
	void parseAllOf300ResourceScopesGivesTheFirst200() {
		String scopes = IntStream.range(0, 300).mapToObj(i -> "user/Observation.rs?code=" + i).collect(Collectors.joining("  "));
		List<SmartScope> parsed = SmartScope.parseAll(scopes, TYPES);
		assertThat(parsed).hasSize(SmartScope.MAX_TOKENS);
		assertThat(parsed.get(0).filter()).containsEntry("code", List.of("0"));
		assertThat(parsed.get(199).filter()).containsEntry("code", List.of("199"));
	}

	@Test
	void parseAllIgnoresATokenLongerThan1000CharactersButCountsIt() {
		String prefix = "user/Observation.rs?code=";
		String atLimit = prefix + "a".repeat(SmartScope.MAX_TOKEN_LENGTH - prefix.length());
		String overLimit = atLimit + "a";
		assertThat(atLimit).hasSize(1_000);
		assertThat(SmartScope.parseAll(atLimit + " " + overLimit + " system/*.rs", TYPES))
				.containsExactly(parsed(atLimit), parsed("system/*.rs"));
		String filler = String.join(" ", Collections.nCopies(199, "openid"));
		assertThat(SmartScope.parseAll(filler + " " + overLimit + " system/*.rs", TYPES)).isEmpty();
	}

	@Test
	void parseAllOfAHugeClaimStaysBounded() {
		String huge = "x".repeat(2_000_000) + " user/*.rs";
		assertThat(SmartScope.parseAll(huge, TYPES)).containsExactly(parsed("user/*.rs"));
	}

	@Test
	void theListIsUnmodifiable() {
		List<SmartScope> scopes = SmartScope.parseAll("user/*.rs", TYPES);
		assertThatThrownBy(() -> scopes.add(parsed("system/*.*"))).isInstanceOf(UnsupportedOperationException.class);
	}

	@Test
	void coversItsOwnTypeOrEveryTypeForTheWildcard() {
		SmartScope observations = parsed("patient/Observation.rs");
		assertThat(observations.covers("Observation")).isTrue();
		assertThat(observations.covers("Condition")).isFalse();
		assertThat(observations.covers("observation")).isFalse();
		assertThat(observations.covers("*")).isFalse();
		assertThat(observations.covers(null)).isFalse();
		SmartScope everything = parsed("user/*.r");
		assertThat(everything.covers("Observation")).isTrue();
		assertThat(everything.covers("Specimen")).isTrue();
	}

	@Test
	void allowsOnlyWhatItNames() {
		SmartScope readSearch = parsed("patient/Observation.rs");
		assertThat(EnumSet.allOf(Permission.class).stream().filter(readSearch::allows)).containsExactly(READ, SEARCH);
		SmartScope write = parsed("user/Patient.write");
		assertThat(EnumSet.allOf(Permission.class).stream().filter(write::allows)).containsExactly(CREATE, UPDATE, DELETE);
		SmartScope all = parsed("system/*.*");
		assertThat(EnumSet.allOf(Permission.class).stream().filter(all::allows)).containsExactly(Permission.values());
		assertThat(parsed("user/*.r").allows(SEARCH)).as("read does not imply search").isFalse();
		assertThat(parsed("user/*.s").allows(READ)).as("search does not imply read").isFalse();
		assertThat(readSearch.allows(null)).isFalse();
	}
}
