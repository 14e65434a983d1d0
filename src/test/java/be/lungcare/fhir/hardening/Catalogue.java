package be.lungcare.fhir.hardening;

import static be.lungcare.fhir.hardening.Payloads.LOINC;
import static be.lungcare.fhir.hardening.Payloads.LUNGCARE;
import static be.lungcare.fhir.hardening.Payloads.SSIN_SYSTEM;
import static be.lungcare.fhir.hardening.Payloads.TAG_SYSTEM;

import be.lungcare.fhir.hardening.Hostile.Kind;
import be.lungcare.fhir.synthetic.Ssin;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.IntFunction;

/**
 * The hostile requests of issue 11, as a table of small builders: each entry has a kind, a name, what it must get
 * and which resource types to search for its marker afterwards. Most rows are generated: every bad value times
 * several parameters or resource types. The order matters only at the end: the writes that would destroy the
 * fixture if the server let them through (form-body deletes, conformance writes, expunge) come last.
 */
final class Catalogue {

	private static final String JSON = "application/fhir+json";
	private static final String FORM = "application/x-www-form-urlencoded";
	private static final List<String> NONE = List.of();

	/** A request built for the marker of its catalogue row. */
	private interface Build {
		RawHttp.Request request(String marker);
	}

	private final Fixture fixture;
	private final Duration quick;
	private final int maxBundleEntries;
	private final int maxPageSize;
	private final List<Hostile> rows = new ArrayList<>();

	private Catalogue(Fixture fixture, Duration quick, int maxBundleEntries, int maxPageSize) {
		this.fixture = fixture;
		this.quick = quick;
		this.maxBundleEntries = maxBundleEntries;
		this.maxPageSize = maxPageSize;
	}

	static List<Hostile> build(Fixture fixture, Duration quick, int maxBundleEntries, int maxPageSize) {
		Catalogue catalogue = new Catalogue(fixture, quick, maxBundleEntries, maxPageSize);
		catalogue.formSearch();
		catalogue.clientErrors();
		catalogue.acceptedThoughInvalid();
		catalogue.belgianRules();
		catalogue.protocol();
		catalogue.oversize();
		catalogue.limitBypasses();
		return List.copyOf(catalogue.rows);
	}

	private void add(Kind kind, String name, Expect expect, List<String> storedTypes, Build build) {
		int n = rows.size() + 1;
		rows.add(new Hostile(n, kind, name, build.request(Hostile.marker(n)), expect, storedTypes));
	}

	// --- request helpers ------------------------------------------------------------------------------------

	/** A request to {@code /fhir + path}; {@code Accept: application/fhir+json} unless an Accept is given. */
	private static RawHttp.Request request(String method, String path, String contentType, byte[] body, String... headers) {
		List<RawHttp.Header> list = new ArrayList<>(RawHttp.headers(headers));
		if (list.stream().noneMatch(h -> h.name().equalsIgnoreCase("Accept"))) {
			list.add(new RawHttp.Header("Accept", JSON));
		}
		if (contentType != null) {
			list.add(new RawHttp.Header("Content-Type", contentType));
		}
		return new RawHttp.Request(method, "/fhir" + path, list, body);
	}

	private static RawHttp.Request get(String path, String... headers) {
		return request("GET", path, null, null, headers);
	}

	private static RawHttp.Request json(String method, String path, Object body, String... headers) {
		byte[] bytes = body instanceof byte[] raw ? raw : body instanceof String text ? Payloads.utf8(text)
				: Json.bytes((JsonNode) body);
		return request(method, path, JSON, bytes, headers);
	}

	private static RawHttp.Request form(String method, String path, String body) {
		return request(method, path, FORM, Payloads.utf8(body));
	}

	private static String enc(String value) {
		return URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private static List<String> types(String... types) {
		return List.of(types);
	}

	private String victimRef() {
		return fixture.victim.stored().reference();
	}

	// --- 1. form-encoded search -------------------------------------------------------------------------------

	private void formSearch() {
		Fixture.BaselinePatient a = fixture.a;
		Fixture.BaselinePatient b = fixture.b;
		String ssinA = SSIN_SYSTEM + "|" + a.person().ssin();
		String ssinB = SSIN_SYSTEM + "|" + b.person().ssin();
		String search = "/Patient/_search";
		add(Kind.FORM_SEARCH, "POST _search identifier=<ssin system>|<ssin A>", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search, "identifier=" + ssinA));
		add(Kind.FORM_SEARCH, "POST _search identifier, percent-encoded", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search, "identifier=" + enc(ssinA)));
		add(Kind.FORM_SEARCH, "POST _search identifier=<ssin B>", Expect.matches(1, b.person().ssin()), NONE,
				m -> form("POST", search, "identifier=" + ssinB));
		add(Kind.FORM_SEARCH, "POST _search identifier of nobody", Expect.matches(0, null), NONE,
				m -> form("POST", search, "identifier=" + SSIN_SYSTEM + "|99999999999"));
		add(Kind.FORM_SEARCH, "POST _search identifier + _summary=count", Expect.matches(1, null), NONE,
				m -> form("POST", search, "identifier=" + ssinA + "&_summary=count"));
		add(Kind.FORM_SEARCH, "POST _search identifier A or B", Expect.matches(2, null), NONE,
				m -> form("POST", search, "identifier=" + ssinA + "," + ssinB));
		add(Kind.FORM_SEARCH, "POST _search identifier A and B", Expect.matches(0, null), NONE,
				m -> form("POST", search, "identifier=" + ssinA + "&identifier=" + ssinB));
		add(Kind.FORM_SEARCH, "POST _search family=<family A>", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search, "family=" + a.family()));
		add(Kind.FORM_SEARCH, "POST _search _id=<id A>", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search, "_id=" + a.stored().id()));
		add(Kind.FORM_SEARCH, "POST _search gender + identifier", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search, "gender=female&identifier=" + ssinA));
		add(Kind.FORM_SEARCH, "POST _search, charset in Content-Type", Expect.matches(1, a.person().ssin()), NONE,
				m -> request("POST", search, FORM + "; charset=UTF-8", Payloads.utf8("identifier=" + ssinA)));
		add(Kind.FORM_SEARCH, "POST _search?_count=5 with identifier in the body", Expect.matches(1, a.person().ssin()), NONE,
				m -> form("POST", search + "?_count=5", "identifier=" + ssinA));
		add(Kind.FORM_SEARCH, "POST _search identifier B in URL and A in body", Expect.matches(0, null), NONE,
				m -> form("POST", search + "?identifier=" + ssinB, "identifier=" + ssinA));
	}

	// --- 3. client errors ---------------------------------------------------------------------------------------

	private void clientErrors() {
		String[][] dateParams = {
				{"Patient", "birthdate"}, {"Patient", "_lastUpdated"}, {"Observation", "date"},
				{"Condition", "onset-date"}, {"CarePlan", "date"}};
		String[] badDates = {"notadate", "2020-13-45", "ge999999-01-01", "2020-02-30", "2020-01-01T25:61:00", "ge", "1e10",
				"2020-01-01T10:00:00%2B99:00"};
		for (String[] param : dateParams) {
			for (String value : badDates) {
				add(Kind.CLIENT_ERROR, param[0] + "?" + param[1] + "=" + value, Expect.clientError(param[1]), NONE,
						m -> get("/" + param[0] + "?" + param[1] + "=" + value));
			}
		}
		String[] badQuantities = {"abc", "1e999999999", "gt", "5|x|y|z", "NaN", "--5", "5||", "Infinity"};
		for (String param : List.of("value-quantity", "component-value-quantity")) {
			for (String value : badQuantities) {
				add(Kind.CLIENT_ERROR, "Observation?" + param + "=" + value, Expect.clientError(param), NONE,
						m -> get("/Observation?" + param + "=" + value));
			}
		}
		for (String type : List.of("Patient", "Observation", "Condition")) {
			for (String value : List.of("-1", "abc", "1.5", "99999999999999999999")) {
				add(Kind.CLIENT_ERROR, type + "?_count=" + value, Expect.clientError("_count"), NONE,
						m -> get("/" + type + "?_count=" + value));
			}
			for (String value : List.of("-5", "abc", "1.5", "99999999999999999999")) {
				add(Kind.CLIENT_ERROR, type + "?_offset=" + value, Expect.clientError("_offset"), NONE,
						m -> get("/" + type + "?_offset=" + value));
			}
		}
		String[][] stringParams = {{"Patient", "name"}, {"Patient", "family"}, {"Patient", "address-city"},
				{"Practitioner", "name"}};
		String[] badEncodings = {"%zz", "%", "%0", "abc%00def", "%ff%fe", "%c0%af", "%ed%a0%80"};
		for (String[] param : stringParams) {
			for (String value : badEncodings) {
				add(Kind.CLIENT_ERROR, param[0] + "?" + param[1] + "=" + value, Expect.clientError(param[1]), NONE,
						m -> get("/" + param[0] + "?" + param[1] + "=" + value));
			}
		}
		String victim = "/" + victimRef();
		for (String ifMatch : List.of("*", "garbage", "W/\"abc", "W/\"\"", "W/\"1.5\"", "W/\"99999999999999999999\"")) {
			add(Kind.CLIENT_ERROR, "PUT " + victimRef() + " with If-Match: " + ifMatch, Expect.clientError("If-Match"),
					types("Patient"), m -> json("PUT", victim, fixture.victimWith(m), "If-Match", ifMatch));
		}
		add(Kind.CLIENT_ERROR, "PATCH " + victimRef() + " with If-Match: garbage", Expect.clientError("If-Match"),
				types("Patient"), m -> request("PATCH", victim, "application/json-patch+json",
						Payloads.utf8(addTagPatch(m)), "If-Match", "garbage"));
		Fixture.Stored canary = fixture.canary();
		add(Kind.CLIENT_ERROR, "DELETE a canary with If-Match: garbage", Expect.clientError("If-Match"), NONE,
				m -> request("DELETE", "/" + canary.reference(), null, null, "If-Match", "garbage"));
		for (String since : List.of("garbage", "Mon, 32 Jan 2020 00:00:00 GMT", "99999999999")) {
			add(Kind.CLIENT_ERROR, "GET " + victimRef() + " with If-Modified-Since: " + since,
					Expect.clientError("If-Modified-Since"), NONE, m -> get(victim, "If-Modified-Since", since));
		}
		add(Kind.CLIENT_ERROR, "GET Patient?_id with If-Modified-Since: garbage", Expect.clientError("If-Modified-Since"), NONE,
				m -> get("/Patient?_id=" + fixture.victim.stored().id(), "If-Modified-Since", "garbage"));
		for (String ifNoneExist : List.of("birthdate=notadate", "name=%zz", "name:foo=x", "_count=-1")) {
			add(Kind.CLIENT_ERROR, "POST Patient with If-None-Exist: " + ifNoneExist,
					Expect.clientErrorNamingOneOf("If-None-Exist", ifNoneExist.substring(0, ifNoneExist.indexOf('='))),
					types("Patient"), m -> json("POST", "/Patient", Payloads.patient(m), "If-None-Exist", ifNoneExist));
		}
		String[][] badChars = {
				{"a lone high surrogate \\ud800 in family", "\\ud800"},
				{"a lone low surrogate \\udc00 in family", "\\udc00"},
				{"a reversed surrogate pair in family", "\\udc00\\ud800"},
				{"a high surrogate at the end of family", "Peeters\\ud83d"},
				{"a NUL character \\u0000 in family", "abc\\u0000def"},
				{"an escaped control character \\u0008 in family", "abc\\u0008def"}};
		for (String[] bad : badChars) {
			add(Kind.CLIENT_ERROR, "POST Patient with " + bad[0], Expect.clientError(), types("Patient"),
					m -> json("POST", "/Patient", Json.text(Payloads.patient(m)).replace("\"family\":\"" + m + "\"",
							"\"family\":\"" + bad[1] + "\"")));
		}
		add(Kind.CLIENT_ERROR, "POST Basic with \\ud800 in code.text", Expect.clientError(), types("Basic"),
				m -> json("POST", "/Basic", Json.text(Payloads.basic(m)).replace("\"text\":\"hardening\"", "\"text\":\"x\\ud800y\"")));
		add(Kind.CLIENT_ERROR, "POST Basic with \\u0000 in code.text", Expect.clientError(), types("Basic"),
				m -> json("POST", "/Basic", Json.text(Payloads.basic(m)).replace("\"text\":\"hardening\"", "\"text\":\"x\\u0000y\"")));
		for (String linkType : List.of("seealso", "refer", "replaces", "replaced-by")) {
			add(Kind.CLIENT_ERROR, "transaction: Patient links to itself (" + linkType + ") through its urn:uuid",
					Expect.rejected(), types("Patient"), m -> {
						String self = Payloads.urnUuid(0, 1);
						ObjectNode patient = Payloads.patient(m);
						patient.set("link", Json.arr(Json.obj("other", Json.obj("reference", self), "type", linkType)));
						return json("POST", "", Payloads.bundle("transaction", Payloads.entry(self, patient, "POST", "Patient")));
					});
		}
		add(Kind.CLIENT_ERROR, "transaction: Patient is its own generalPractitioner through its urn:uuid",
				Expect.rejected(), types("Patient"), m -> {
					String self = Payloads.urnUuid(0, 2);
					ObjectNode patient = Payloads.patient(m);
					patient.set("generalPractitioner", Json.arr(Json.obj("reference", self)));
					return json("POST", "", Payloads.bundle("transaction", Payloads.entry(self, patient, "POST", "Patient")));
				});
		// "1e3" and "3" are not listed: HAPI reads them as the integers they denote (nothing is lost)
		for (String value : List.of("99999999999", "-99999999999", "2147483648", "1.5")) {
			add(Kind.CLIENT_ERROR, "POST Patient with multipleBirthInteger=" + value, Expect.clientError("multipleBirth"),
					types("Patient"), m -> json("POST", "/Patient", Payloads.patientWith(m, "\"multipleBirthInteger\":" + value)));
		}
		String tag = "{\"op\":\"add\",\"path\":\"/meta/tag/-\",\"value\":{\"system\":\"" + TAG_SYSTEM + "\",\"code\":\"%s\"}}";
		String[][] badPatches = {
				{"an unknown op", "[" + tag + ",{\"op\":\"bogus\",\"path\":\"/gender\"}]"},
				{"a number as gender", "[" + tag + ",{\"op\":\"replace\",\"path\":\"/gender\",\"value\":42}]"},
				{"the SSIN removed", "[" + tag + ",{\"op\":\"remove\",\"path\":\"/identifier/0\"}]"},
				{"another id", "[" + tag + ",{\"op\":\"replace\",\"path\":\"/id\",\"value\":\"hardening-other\"}]"},
				{"birthDate 2020-13-45", "[" + tag + ",{\"op\":\"replace\",\"path\":\"/birthDate\",\"value\":\"2020-13-45\"}]"},
				{"a path that does not exist", "[" + tag + ",{\"op\":\"remove\",\"path\":\"/contact/7/name\"}]"},
				{"not JSON", "[" + tag + ",{\"op\":"}};
		for (String[] patch : badPatches) {
			add(Kind.CLIENT_ERROR, "batch: PATCH " + victimRef() + " with " + patch[0], Expect.rejected(), types("Patient"),
					m -> json("POST", "", Payloads.bundle("batch", Payloads.jsonPatchEntry(victimRef(), patch[1].formatted(m)))));
		}
		add(Kind.CLIENT_ERROR, "transaction: PATCH " + victimRef() + " with the SSIN removed", Expect.rejected(), types("Patient"),
				m -> json("POST", "", Payloads.bundle("transaction", Payloads.jsonPatchEntry(victimRef(), badPatches[2][1].formatted(m)))));
		add(Kind.CLIENT_ERROR, "batch: FHIRPath PATCH " + victimRef() + " with an unknown operation type", Expect.rejected(),
				types("Patient"), m -> json("POST", "", Payloads.bundle("batch", Payloads.entry(Json.obj("resourceType", "Parameters",
						"parameter", Json.arr(Json.obj("name", "operation", "part", Json.arr(
								Json.obj("name", "type", "valueCode", "bogus"),
								Json.obj("name", "path", "valueString", "Patient.meta"),
								Json.obj("name", "name", "valueString", "tag"),
								Json.obj("name", "value", "valueCoding", Json.obj("system", TAG_SYSTEM, "code", m)))))),
						"PATCH", victimRef()))));
		add(Kind.CLIENT_ERROR, "PATCH " + victimRef() + " with an unknown op", Expect.clientError(), types("Patient"),
				m -> request("PATCH", victim, "application/json-patch+json", Payloads.utf8(badPatches[0][1].formatted(m))));
	}

	private static String addTagPatch(String marker) {
		return "[{\"op\":\"add\",\"path\":\"/meta/tag/-\",\"value\":{\"system\":\"" + TAG_SYSTEM + "\",\"code\":\"" + marker
				+ "\"}}]";
	}

	// --- 5. accepted though invalid ------------------------------------------------------------------------------

	private void acceptedThoughInvalid() {
		String[][] searches = {
				{"Patient", "name:foo", "x"}, {"Patient", "family:bogus", "x"}, {"Patient", "birthdate:exact", "2020"},
				{"Patient", "identifier:foo", "x"}, {"Patient", "gender:xyz", "male"}, {"Observation", "code:foo", "x"},
				{"Patient", "name:missing", "maybe"}, {"Patient", "birthdate:missing", "1"}, {"Patient", "gender:missing", "yes"},
				{"Patient", "_summary", "bogus"}, {"Observation", "_summary", "TRUE"}, {"Patient", "_total", "bogus"},
				{"Patient", "_contained", "bogus"}, {"Patient", "_sort", "bogus"},
				{"Observation", "code-value-quantity", "bad"}, {"Observation", "code-value-quantity", LOINC + "|82668-5$abc"},
				{"Observation", "code-value-quantity", "$5"}, {"Observation", "combo-code-value-quantity", "x"}};
		for (String[] search : searches) {
			String param = search[1].contains(":") ? search[1].substring(0, search[1].indexOf(':')) : search[1];
			add(Kind.ACCEPTED_INVALID, search[0] + "?" + search[1] + "=" + search[2], Expect.clientError(param), NONE,
					m -> get("/" + search[0] + "?" + search[1] + "=" + search[2]));
		}
		for (String type : List.of("batch", "transaction")) {
			add(Kind.ACCEPTED_INVALID, type + ": Patient in an entry whose request.url is Observation", Expect.rejected(),
					types("Patient", "Observation"), m -> json("POST", "", Payloads.bundle(type,
							Payloads.entry(Payloads.patient(m), "POST", "Observation"))));
			add(Kind.ACCEPTED_INVALID, type + ": Observation PUT to Patient/<id>", Expect.rejected(), types("Patient", "Observation"),
					m -> json("POST", "", Payloads.bundle(type, Payloads.entry(
							Payloads.actObservation(m, fixture.a.stored().id(), 20).put("id", m), "PUT", "Patient/" + m))));
			add(Kind.ACCEPTED_INVALID, type + ": Observation about a patient that does not exist", Expect.rejected(),
					types("Observation"), m -> json("POST", "", Payloads.bundle(type,
							Payloads.entry(Payloads.actObservation(m, "hardening-missing-" + m, 20), "POST", "Observation"))));
			add(Kind.ACCEPTED_INVALID, type + ": PUT entry whose URL id differs from the body id", Expect.rejected(),
					types("Patient"), m -> json("POST", "", Payloads.bundle(type, Payloads.entry(
							Payloads.patient(m).put("id", m + "-body"), "PUT", "Patient/" + m + "-url"))));
		}
		add(Kind.ACCEPTED_INVALID, "transaction: reference to a urn:uuid that no entry has", Expect.rejected(),
				types("Observation"), m -> json("POST", "", Payloads.bundle("transaction", Payloads.entry(
						Payloads.actObservation(m, "x", 20).set("subject", Json.obj("reference", Payloads.urnUuid(9, 9))),
						"POST", "Observation"))));
		add(Kind.ACCEPTED_INVALID, "PUT Patient/<a> with body id <b>", Expect.clientError(), types("Patient"),
				m -> json("PUT", "/Patient/" + m + "-url", Payloads.patient(m).put("id", m + "-body")));
		add(Kind.ACCEPTED_INVALID, "POST [base] Bundle without type", Expect.clientError(), types("Patient"),
				m -> json("POST", "", Json.obj("resourceType", "Bundle", "entry", Json.arr(
						Payloads.entry(Payloads.patient(m), "POST", "Patient")))));
		add(Kind.ACCEPTED_INVALID, "POST Bundle (collection store) without type", Expect.rejected(), types("Bundle"),
				m -> json("POST", "/Bundle", Json.obj("resourceType", "Bundle", "meta", Payloads.meta(m), "entry", Json.arr(
						Json.obj("fullUrl", Payloads.urnUuid(1, 1), "resource", Payloads.basic(null))))));
		byte[][] badUtf8 = {
				{(byte) 0xff, (byte) 0xfe}, {(byte) 0xc0, (byte) 0xaf}, {(byte) 0xe2, (byte) 0x82},
				{(byte) 0xed, (byte) 0xa0, (byte) 0x80}, {(byte) 0x80}, {(byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80}};
		String[] names = {"FF FE", "overlong C0 AF", "truncated E2 82", "CESU surrogate ED A0 80", "lone continuation 80",
				"5-byte F8 88 80 80 80"};
		for (int i = 0; i < badUtf8.length; i++) {
			byte[] raw = badUtf8[i];
			add(Kind.ACCEPTED_INVALID, "POST Patient with invalid UTF-8 (" + names[i] + ") in family", Expect.clientError(),
					types("Patient"), m -> json("POST", "/Patient", Payloads.splice(Json.text(Payloads.patient(m))
							.replace("\"family\":\"" + m + "\"", "\"family\":\"Pee@@ters\""), "@@", raw)));
		}
		add(Kind.ACCEPTED_INVALID, "transaction: invalid UTF-8 (FF FE) in a Patient", Expect.rejected(), types("Patient"),
				m -> json("POST", "", Payloads.splice(Json.text(Payloads.bundle("transaction",
						Payloads.entry(Payloads.patient(m, Payloads.Person.fresh(), "Pee@@ters"), "POST", "Patient"))), "@@", badUtf8[0])));
	}

	// --- 6. Belgian rules ------------------------------------------------------------------------------------------

	private void belgianRules() {
		String patientId = fixture.a.stored().id();
		for (Object value : List.<Object>of(30, 4, 12.5, -1, 0, 26, 1_000_000)) {
			add(Kind.BELGIAN_RULES, "ACT Observation (82668-5) value " + value + " without meta.profile", Expect.rejected(),
					types("Observation"), m -> json("POST", "/Observation", Payloads.actObservation(m, patientId, value)));
		}
		add(Kind.BELGIAN_RULES, "transaction: ACT value 30 without meta.profile", Expect.rejected(), types("Observation"),
				m -> json("POST", "", Payloads.bundle("transaction",
						Payloads.entry(Payloads.actObservation(m, patientId, 30), "POST", "Observation"))));
		add(Kind.BELGIAN_RULES, "batch: ACT value 4 without meta.profile", Expect.rejected(), types("Observation"),
				m -> json("POST", "", Payloads.bundle("batch",
						Payloads.entry(Payloads.actObservation(m, patientId, 4), "POST", "Observation"))));
		add(Kind.BELGIAN_RULES, "PUT Observation/<new id>: ACT value 12.5 without meta.profile", Expect.rejected(),
				types("Observation"), m -> json("PUT", "/Observation/" + m, Payloads.actObservation(m, patientId, 12.5).put("id", m)));
		add(Kind.BELGIAN_RULES, "CAT Observation value 41 without meta.profile", Expect.rejected(), types("Observation"),
				m -> json("POST", "/Observation", Payloads.scoreObservation(m, patientId,
						LUNGCARE + "/CodeSystem/lungcare-observation", "cat-total", 41)));
		add(Kind.BELGIAN_RULES, "mMRC Observation grade 5 without meta.profile", Expect.rejected(), types("Observation"),
				m -> json("POST", "/Observation", Payloads.scoreObservation(m, patientId, "http://snomed.info/sct", "870179002", 5)));
		LocalDate born = LocalDate.of(1970, 3, 14);
		String ssin1970 = Ssin.of(born, 123);
		String[][] mismatches = {{"another year", "1971-03-14"}, {"another month", "1970-04-14"}, {"another day", "1970-03-15"},
				{"another century", "2070-03-14"}};
		for (String[] mismatch : mismatches) {
			add(Kind.BELGIAN_RULES, "Patient whose SSIN date part disagrees with birthDate (" + mismatch[0] + ")",
					Expect.rejected(), types("Patient"), m -> json("POST", "/Patient",
							Payloads.patient(m, new Payloads.Person(ssin1970, LocalDate.parse(mismatch[1])), m)));
		}
		for (LocalDate birth : List.of(LocalDate.of(2003, 4, 5), LocalDate.of(2010, 12, 31), LocalDate.of(2000, 1, 1))) {
			String nine = String.format(Locale.ROOT, "%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(),
					birth.getDayOfMonth(), 42);
			String pre2000 = nine + String.format(Locale.ROOT, "%02d", 97 - Long.parseLong(nine) % 97);
			add(Kind.BELGIAN_RULES, "Patient born " + birth + " with pre-2000 SSIN check digits", Expect.rejected(),
					types("Patient"), m -> json("POST", "/Patient", Payloads.patient(m, new Payloads.Person(pre2000, birth), m)));
		}
		LocalDate born1985 = LocalDate.of(1985, 6, 7);
		String nine1985 = "850607042";
		String post2000 = nine1985 + String.format(Locale.ROOT, "%02d", 97 - (2_000_000_000L + Long.parseLong(nine1985)) % 97);
		add(Kind.BELGIAN_RULES, "Patient born 1985 with 2000+ SSIN check digits", Expect.rejected(), types("Patient"),
				m -> json("POST", "/Patient", Payloads.patient(m, new Payloads.Person(post2000, born1985), m)));
		add(Kind.BELGIAN_RULES, "transaction: Patient whose SSIN disagrees with birthDate", Expect.rejected(), types("Patient"),
				m -> json("POST", "", Payloads.bundle("transaction", Payloads.entry(
						Payloads.patient(m, new Payloads.Person(ssin1970, LocalDate.parse("1980-01-01")), m), "POST", "Patient"))));
		String badCheck = ssin1970.substring(0, 9) + String.format(Locale.ROOT, "%02d",
				(Integer.parseInt(ssin1970.substring(9)) + 1) % 100);
		String[][] containers = {{"Observation", "bad check digits", badCheck}, {"Observation", "10 digits", "7003141230"},
				{"Basic", "bad check digits", badCheck}};
		for (String[] container : containers) {
			add(Kind.BELGIAN_RULES, container[0] + " with a contained Patient whose SSIN has " + container[1], Expect.rejected(),
					types(container[0], "Patient"), m -> {
						ObjectNode contained = Payloads.patient(null, new Payloads.Person(container[2], born), m);
						contained.put("id", "p1");
						contained.remove("meta");
						ObjectNode resource = container[0].equals("Basic")
								? Payloads.basic(m).set("subject", Json.obj("reference", "#p1"))
								: Payloads.actObservation(m, "x", 20).set("subject", Json.obj("reference", "#p1"));
						resource.set("contained", Json.arr(contained));
						return json("POST", "/" + container[0], resource);
					});
		}
		add(Kind.BELGIAN_RULES, "PUT " + victimRef() + " with an SSIN that disagrees with birthDate", Expect.rejected(),
				types("Patient"), m -> {
					ObjectNode victim = fixture.victimWith(m);
					victim.put("birthDate", "1999-09-09");
					return json("PUT", "/" + victimRef(), victim);
				});
	}

	// --- 7. protocol: XML, content types, headers, URLs, search abuse, methods -----------------------------------

	private String xmlPatient(String marker, String doctype, String family) {
		Payloads.Person person = Payloads.Person.fresh();
		return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + doctype + "<Patient xmlns=\"http://hl7.org/fhir\"><meta><tag><system value=\""
				+ TAG_SYSTEM + "\"/><code value=\"" + marker + "\"/></tag></meta><identifier><system value=\"" + SSIN_SYSTEM
				+ "\"/><value value=\"" + person.ssin() + "\"/></identifier><name><family value=\"" + family
				+ "\"/><given value=\"Hardening\"/></name><gender value=\"female\"/><birthDate value=\"" + person.birthDate()
				+ "\"/></Patient>";
	}

	private static RawHttp.Request xml(String path, String body) {
		return request("POST", path, "application/fhir+xml", Payloads.utf8(body));
	}

	private void protocol() {
		String[][] xmlAttacks = {
				{"XXE: external entity file:///etc/passwd", "<!DOCTYPE Patient [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n", "&xxe;"},
				{"XXE: external entity to the management port", "<!DOCTYPE Patient [<!ENTITY xxe SYSTEM \"http://127.0.0.1:"
						+ fixture.managementPort + "/actuator/health\">]>\n", "&xxe;"},
				{"XXE: parameter entity", "<!DOCTYPE Patient [<!ENTITY % p SYSTEM \"file:///etc/hostname\"> %p;]>\n", "x"},
				{"XXE: external DTD", "<!DOCTYPE Patient SYSTEM \"http://127.0.0.1:" + fixture.managementPort + "/x.dtd\">\n", "x"},
				{"billion laughs", billionLaughs(), "&lol9;"},
				{"quadratic blow-up", "<!DOCTYPE Patient [<!ENTITY a \"" + "a".repeat(50_000) + "\">]>\n", "&a;".repeat(20_000)},
				{"internal entity only", "<!DOCTYPE Patient [<!ENTITY n \"Peeters\">]>\n", "&n;"},
				{"xml-stylesheet processing instruction", "<?xml-stylesheet type=\"text/xsl\" href=\"file:///etc/passwd\"?>\n", "x"}};
		for (String[] attack : xmlAttacks) {
			add(Kind.PROTOCOL, "XML Patient: " + attack[0], Expect.clientError(), types("Patient"),
					m -> xml("/Patient", xmlPatient(m, attack[1], attack[2])));
		}
		add(Kind.PROTOCOL, "XML Patient: XInclude of /etc/passwd", Expect.clientError(), types("Patient"),
				m -> xml("/Patient", xmlPatient(m, "", "x").replace("<given value=\"Hardening\"/>",
						"<given value=\"Hardening\"/><xi:include xmlns:xi=\"http://www.w3.org/2001/XInclude\" href=\"file:///etc/passwd\" parse=\"text\"/>")));
		add(Kind.PROTOCOL, "XML Patient: 10,000 nested elements", Expect.clientError(), types("Patient"),
				m -> xml("/Patient", xmlPatient(m, "", "x").replace("<gender value=\"female\"/>",
						Payloads.repeat("<extension url=\"" + LUNGCARE + "/x\">", "<valueString value=\"x\"/>", "</extension>", 10_000)
								+ "<gender value=\"female\"/>")));
		add(Kind.PROTOCOL, "XML Patient declared UTF-16, sent as UTF-8", Expect.clientError(), types("Patient"),
				m -> xml("/Patient", xmlPatient(m, "", "x").replace("encoding=\"UTF-8\"", "encoding=\"UTF-16\"")));
		add(Kind.PROTOCOL, "XML transaction with an XXE in an entry", Expect.rejected(), types("Patient"),
				m -> {
					String patient = xmlPatient(m, "", "&xxe;");
					return xml("", "<?xml version=\"1.0\"?>\n<!DOCTYPE Bundle [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>\n"
							+ "<Bundle xmlns=\"http://hl7.org/fhir\"><type value=\"transaction\"/><entry><resource>"
							+ patient.substring(patient.indexOf("<Patient"))
							+ "</resource><request><method value=\"POST\"/><url value=\"Patient\"/></request></entry></Bundle>");
				});
		String[] contentTypes = {"text/plain", "application/xml", "multipart/form-data; boundary=x", "image/png",
				"application/fhir+json; charset=utf-16", "application/fhir+json; charset=bogus", "application/json-patch+json",
				"application/fhir+json, text/html", "application/fhir+xml"};
		for (String contentType : contentTypes) {
			add(Kind.PROTOCOL, "POST Patient (JSON) with Content-Type: " + contentType, Expect.clientError(), types("Patient"),
					m -> request("POST", "/Patient", contentType, Json.bytes(Payloads.patient(m))));
		}
		add(Kind.PROTOCOL, "POST Patient (JSON) without Content-Type", Expect.clientError(), types("Patient"),
				m -> request("POST", "/Patient", null, Json.bytes(Payloads.patient(m))));
		add(Kind.PROTOCOL, "GET Patient with a 1 MB header", Expect.anyClientError(), NONE,
				m -> get("/Patient?_count=1", "X-Hardening", "a".repeat(1024 * 1024)));
		add(Kind.PROTOCOL, "GET Patient with a 100 kB header", Expect.anyClientError(), NONE,
				m -> get("/Patient?_count=1", "X-Hardening", "a".repeat(100 * 1024)));
		add(Kind.PROTOCOL, "GET Patient with a 1 MB Cookie", Expect.anyClientError(), NONE,
				m -> get("/Patient?_count=1", "Cookie", "a=" + "b".repeat(1024 * 1024)));
		add(Kind.PROTOCOL, "GET Patient with 5,000 headers", Expect.anyClientError(), NONE, m -> {
			String[] headers = new String[10_000];
			for (int i = 0; i < 5000; i++) {
				headers[2 * i] = "X-Hardening-" + i;
				headers[2 * i + 1] = "x";
			}
			return get("/Patient?_count=1", headers);
		});
		add(Kind.PROTOCOL, "GET Patient with a 100 kB URL", Expect.anyClientError(), NONE,
				m -> get("/Patient?name=" + "a".repeat(100 * 1024)));
		add(Kind.PROTOCOL, "GET Patient with a 1 MB URL", Expect.anyClientError(), NONE,
				m -> get("/Patient?name=" + "a".repeat(1024 * 1024)));
		add(Kind.PROTOCOL, "GET Patient/<100 kB id>", Expect.anyClientError(), NONE, m -> get("/Patient/" + "a".repeat(100 * 1024)));
		add(Kind.PROTOCOL, "GET Patient with 500 ANDed name= parameters", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?" + repeated("name", 500, i -> "n" + i, "&")));
		add(Kind.PROTOCOL, "GET Patient with 2,000 ANDed name= parameters", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?" + repeated("name", 2000, i -> "n" + i, "&")));
		add(Kind.PROTOCOL, "GET Patient with 500 ORed name values", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?name=" + repeated("", 500, i -> "n" + i, ",").replace("=", "")));
		add(Kind.PROTOCOL, "GET Patient with 500 ANDed _id= parameters", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?" + repeated("_id", 500, i -> "h" + i, "&")));
		add(Kind.PROTOCOL, "GET Patient with a 20-level _has chain", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?" + "_has:Group:member:".repeat(20) + "_id=x"));
		add(Kind.PROTOCOL, "GET Observation with a 30-level chained parameter", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Observation?subject:Patient.general-practitioner:Organization" + ".partof".repeat(30) + ".name=x"));
		String[][] includes = {
				{"Patient", "_include=*"}, {"Patient", "_revinclude=*"}, {"Patient", "_include=*&_revinclude=*&_count=" + maxPageSize},
				{"Patient", "_include:iterate=*&_revinclude:iterate=*"}, {"Observation", "_include=*&_revinclude=*"},
				{"Patient", "_revinclude=*:*"}, {"Patient", "_include=*&_include:iterate=*&_revinclude=*&_revinclude:iterate=*&_count=1000"}};
		for (String[] include : includes) {
			add(Kind.PROTOCOL, include[0] + "?" + include[1], Expect.bounded(quick, maxPageSize), NONE,
					m -> get("/" + include[0] + "?" + include[1]));
		}
		for (String type : List.of("Patient", "Observation", "Basic")) {
			add(Kind.PROTOCOL, type + "?_count=100000", Expect.bounded(quick, maxPageSize), NONE,
					m -> get("/" + type + "?_count=100000"));
		}
		add(Kind.PROTOCOL, "Patient?_count=100000&_summary=count", Expect.bounded(quick, maxPageSize), NONE,
				m -> get("/Patient?_count=100000&_summary=count"));
		add(Kind.PROTOCOL, "Patient/<victim>/$everything?_count=100000", Expect.bounded(quick, Integer.MAX_VALUE), NONE,
				m -> get("/" + victimRef() + "/$everything?_count=100000"));
		for (String offset : List.of("999999", "10001", "2147483648")) {
			add(Kind.PROTOCOL, "Patient?_offset=" + offset, Expect.clientError("_offset"), NONE, m -> get("/Patient?_offset=" + offset));
		}
		String[][] channels = {{"rest-hook", "http://127.0.0.1:" + fixture.managementPort + "/actuator/health"},
				{"rest-hook", "file:///etc/passwd"}, {"websocket", null}, {"email", "mailto:hardening@example.org"}};
		for (String[] channel : channels) {
			add(Kind.PROTOCOL, "POST Subscription (" + channel[0] + " " + channel[1] + ")", Expect.rejected(), types("Subscription"),
					m -> json("POST", "/Subscription", subscription(m, channel[0], channel[1])));
		}
		add(Kind.PROTOCOL, "transaction: POST Subscription (rest-hook)", Expect.rejected(), types("Subscription"),
				m -> json("POST", "", Payloads.bundle("transaction",
						Payloads.entry(subscription(m, "rest-hook", "http://127.0.0.1:" + fixture.managementPort + "/"), "POST", "Subscription"))));
		add(Kind.PROTOCOL, "PUT Subscription/<new id>", Expect.rejected(), types("Subscription"),
				m -> json("PUT", "/Subscription/" + m, subscription(m, "rest-hook", "http://127.0.0.1:1/").put("id", m)));
		// $trigger-subscription is offered, for a client's own subscriptions; the type-level form triggers them all
		add(Kind.LIMIT_BYPASS, "POST /Subscription/$trigger-subscription (all subscriptions)", Expect.clientError(), NONE,
				m -> json("POST", "/Subscription/$trigger-subscription", Json.obj("resourceType", "Parameters")));
		String[][] methods = {{"TRACE", "/Patient"}, {"TRACE", "/" + victimRef()}, {"TRACE", "/metadata"}, {"PROPFIND", "/Patient"},
				{"FOO", "/Patient"}, {"CONNECT", "/Patient"}};
		for (String[] method : methods) {
			add(Kind.PROTOCOL, method[0] + " " + method[1], Expect.anyClientError(), NONE,
					m -> request(method[0], method[1], null, null, "X-Hardening-Echo", "secret-" + m));
		}
		for (String path : List.of("/Patient", "/" + victimRef(), "")) {
			add(Kind.PROTOCOL, "OPTIONS " + (path.isEmpty() ? "[base]" : path), Expect.noServerError(), NONE,
					m -> request("OPTIONS", path, null, null));
		}
		add(Kind.PROTOCOL, "HEAD " + victimRef(), Expect.noServerError(), NONE, m -> request("HEAD", "/" + victimRef(), null, null));
		add(Kind.PROTOCOL, "PATCH Patient (type level, no search)", Expect.clientError(), types("Patient"),
				m -> request("PATCH", "/Patient", "application/json-patch+json", Payloads.utf8(addTagPatch(m))));
		String[] semantics = {"retryCount=5; minRetryDelay=10000; maxRetryDelay=10000",
				"retryCount=5; minRetryDelay=10000; maxRetryDelay=10000; tryBatchAsTransactionFirst=true",
				"tryBatchAsTransactionFirst=true", "retryCount=2147483647", "retryCount=-1; maxRetryDelay=-5", "garbage;;=="};
		for (String value : semantics) {
			add(Kind.PROTOCOL, "batch with an invalid entry, X-Transaction-Semantics: " + value, Expect.rejectedWithin(quick),
					types("Observation"), m -> json("POST", "", Payloads.bundle("batch",
							Payloads.entry(Payloads.actObservation(m, fixture.a.stored().id(), 30), "POST", "Observation")),
							"X-Transaction-Semantics", value));
		}
		add(Kind.PROTOCOL, "transaction with an invalid entry, X-Transaction-Semantics: retries with delays",
				Expect.rejectedWithin(quick), types("Observation"), m -> json("POST", "", Payloads.bundle("transaction",
						Payloads.entry(Payloads.actObservation(m, fixture.a.stored().id(), 30), "POST", "Observation")),
						"X-Transaction-Semantics", semantics[1]));
		add(Kind.PROTOCOL, "batch with $get-resource-counts, X-Transaction-Semantics: tryBatchAsTransactionFirst",
				Expect.rejected(), NONE, m -> json("POST", "", Payloads.bundle("batch",
						Payloads.requestEntry("GET", "$get-resource-counts")), "X-Transaction-Semantics", semantics[2]));
		add(Kind.PROTOCOL, "batch of " + (maxBundleEntries + 1) + " entries, X-Transaction-Semantics: tryBatchAsTransactionFirst",
				Expect.rejectedWithin(quick), types("Basic"), m -> json("POST", "", basicBundle("batch", m, maxBundleEntries + 1),
						"X-Transaction-Semantics", semantics[2]));
	}

	private static String billionLaughs() {
		StringBuilder dtd = new StringBuilder("<!DOCTYPE Patient [<!ENTITY lol0 \"lol\">");
		for (int i = 1; i <= 9; i++) {
			dtd.append("<!ENTITY lol").append(i).append(" \"").append(("&lol" + (i - 1) + ";").repeat(10)).append("\">");
		}
		return dtd.append("]>\n").toString();
	}

	private static String repeated(String name, int times, IntFunction<String> value, String separator) {
		StringBuilder text = new StringBuilder();
		for (int i = 0; i < times; i++) {
			text.append(i == 0 ? "" : separator).append(name).append('=').append(value.apply(i));
		}
		return text.toString();
	}

	private static ObjectNode subscription(String marker, String channelType, String endpoint) {
		return Json.obj("resourceType", "Subscription", "meta", Payloads.meta(marker), "status", "requested",
				"reason", "hardening", "criteria", "Patient?",
				"channel", Json.obj("type", channelType, "endpoint", endpoint, "payload", "application/fhir+json"));
	}

	// --- 2. oversize work ---------------------------------------------------------------------------------------

	private ObjectNode basicBundle(String type, String marker, int entries) {
		ArrayNode list = Json.arr();
		for (int i = 0; i < entries; i++) {
			list.add(Payloads.entry(Payloads.urnUuid(0, i), Payloads.basic(marker), "POST", "Basic"));
		}
		return Payloads.bundle(type, list);
	}

	private void oversize() {
		Expect refused = Expect.refused(quick, 413, 422);
		// a number the server cannot hold is an invalid value (400), refused as quickly
		Expect refusedValue = Expect.refused(quick, 400, 413, 422);
		add(Kind.OVERSIZE, "Patient with 100,000 extensions", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patientWith(m, "\"extension\":[" + extensions(100_000) + "]")));
		add(Kind.OVERSIZE, "Basic with 100,000 extensions", refused, types("Basic"), m -> {
			String basic = Json.text(Payloads.basic(m));
			return json("POST", "/Basic", basic.substring(0, basic.length() - 1) + ",\"extension\":[" + extensions(100_000) + "]}");
		});
		add(Kind.OVERSIZE, "collection Bundle of 20,000 entries to /Bundle", refused, types("Bundle"), m -> {
			ArrayNode entries = Json.arr();
			for (int i = 0; i < 20_000; i++) {
				entries.add(Json.obj("fullUrl", Payloads.urnUuid(1, i), "resource", Payloads.basic(null)));
			}
			return json("POST", "/Bundle", Json.obj("resourceType", "Bundle", "meta", Payloads.meta(m), "type", "collection",
					"entry", entries));
		});
		add(Kind.OVERSIZE, "PUT collection Bundle of 20,000 entries", refused, types("Bundle"), m -> {
			ArrayNode entries = Json.arr();
			for (int i = 0; i < 20_000; i++) {
				entries.add(Json.obj("fullUrl", Payloads.urnUuid(2, i), "resource", Payloads.patient(null)));
			}
			return json("PUT", "/Bundle/" + m, Json.obj("resourceType", "Bundle", "id", m, "meta", Payloads.meta(m),
					"type", "collection", "entry", entries));
		});
		add(Kind.OVERSIZE, "batch of 20,000 GET entries", refused, NONE, m -> {
			ArrayNode entries = Json.arr();
			for (int i = 0; i < 20_000; i++) {
				entries.add(Payloads.requestEntry("GET", "Patient?_count=1"));
			}
			return json("POST", "", Payloads.bundle("batch", entries));
		});
		add(Kind.OVERSIZE, "transaction of 20,000 Basic entries", refused, types("Basic"),
				m -> json("POST", "", basicBundle("transaction", m, 20_000)));
		add(Kind.OVERSIZE, "transaction of " + (maxBundleEntries + 1) + " entries (limit + 1)", refused, types("Basic"),
				m -> json("POST", "", basicBundle("transaction", m, maxBundleEntries + 1)));
		add(Kind.OVERSIZE, "batch of " + (maxBundleEntries + 1) + " entries (limit + 1)", refused, types("Basic"),
				m -> json("POST", "", basicBundle("batch", m, maxBundleEntries + 1)));
		add(Kind.OVERSIZE, "Patient with 20,000 identifiers", refused, types("Patient"), m -> {
			ObjectNode patient = Payloads.patient(m);
			ArrayNode identifiers = (ArrayNode) patient.get("identifier");
			for (int i = 0; i < 20_000; i++) {
				identifiers.add(Json.obj("system", LUNGCARE + "/hardening/id", "value", "v" + i));
			}
			return json("POST", "/Patient", patient);
		});
		add(Kind.OVERSIZE, "Practitioner with 20,000 identifiers", refused, types("Practitioner"), m -> {
			ArrayNode identifiers = Json.arr();
			for (int i = 0; i < 20_000; i++) {
				identifiers.add(Json.obj("system", LUNGCARE + "/hardening/id", "value", "v" + i));
			}
			return json("POST", "/Practitioner", Json.obj("resourceType", "Practitioner", "meta", Payloads.meta(m),
					"identifier", identifiers));
		});
		add(Kind.OVERSIZE, "Observation with 20,000 components", refused, types("Observation"), m -> {
			ArrayNode components = Json.arr();
			for (int i = 0; i < 20_000; i++) {
				components.add(Json.obj("code", Json.obj("text", "c" + i), "valueString", "x"));
			}
			return json("POST", "/Observation", Json.obj("resourceType", "Observation", "meta", Payloads.meta(m), "status", "final",
					"code", Json.obj("text", "hardening"), "component", components));
		});
		add(Kind.OVERSIZE, "Patient with 10,000 nested extension levels", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patientWith(m, "\"extension\":[" + Payloads.nestedExtensions(10_000) + "]")));
		add(Kind.OVERSIZE, "Patient with 1,000 nested extension levels", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patientWith(m, "\"extension\":[" + Payloads.nestedExtensions(1_000) + "]")));
		add(Kind.OVERSIZE, "Patient with 10,000 nested JSON arrays in given", refused, types("Patient"),
				m -> json("POST", "/Patient", Json.text(Payloads.patient(m)).replace("\"given\":[\"Hardening\"]",
						"\"given\":" + Payloads.repeat("[", "\"x\"", "]", 10_000))));
		add(Kind.OVERSIZE, "Patient with 100,000 nested JSON objects in an unknown element", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patientWith(m, "\"hardening\":" + Payloads.repeat("{\"a\":", "1", "}", 100_000))));
		add(Kind.OVERSIZE, "Questionnaire with 5,000 nested items", refused, types("Questionnaire"), m -> {
			String q = Json.text(Json.obj("resourceType", "Questionnaire", "meta", Payloads.meta(m), "status", "draft"));
			return json("POST", "/Questionnaire", q.substring(0, q.length() - 1) + ",\"item\":"
					+ Payloads.repeat("[{\"linkId\":\"x\",\"type\":\"group\",\"item\":", "[{\"linkId\":\"y\",\"type\":\"string\"}]", "}]", 5_000)
					+ "}");
		});
		add(Kind.OVERSIZE, "Bundle nested 1,000 deep in Bundle.entry.resource", refused, types("Bundle"), m -> {
			String open = "{\"resourceType\":\"Bundle\",\"type\":\"collection\",\"entry\":[{\"resource\":";
			String meta = "{\"resourceType\":\"Bundle\",\"meta\":" + Json.text(Payloads.meta(m))
					+ ",\"type\":\"collection\",\"entry\":[{\"resource\":";
			return json("POST", "/Bundle", meta + Payloads.repeat(open, Json.text(Payloads.basic(null)), "}]}", 999) + "}]}");
		});
		int mb = 1024 * 1024;
		add(Kind.OVERSIZE, "Patient with a 5 MB family name", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patient(m, Payloads.Person.fresh(), "a".repeat(5 * mb))));
		add(Kind.OVERSIZE, "Patient with a 15 MB family name", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patient(m, Payloads.Person.fresh(), "a".repeat(15 * mb))));
		add(Kind.OVERSIZE, "Basic with a 19 MB code.text", refused, types("Basic"),
				m -> json("POST", "/Basic", Payloads.basic(m).set("code", Json.obj("text", "a".repeat(19 * mb)))));
		add(Kind.OVERSIZE, "Patient with a 10 MB narrative", refused, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patient(m).set("text", Json.obj("status", "generated",
						"div", "<div xmlns=\"http://www.w3.org/1999/xhtml\">" + "a".repeat(10 * mb) + "</div>"))));
		add(Kind.OVERSIZE, "Patient with an identifier value of 1 MB + 1 (FHIR strings are at most 1 MB)", refused, types("Patient"), m -> {
			ObjectNode patient = Payloads.patient(m);
			((ArrayNode) patient.get("identifier")).add(Json.obj("system", LUNGCARE + "/hardening/id", "value", "v".repeat(mb + 1)));
			return json("POST", "/Patient", patient);
		});
		add(Kind.OVERSIZE, "Observation with a 10 MB valueString", refused, types("Observation"),
				m -> json("POST", "/Observation", Json.obj("resourceType", "Observation", "meta", Payloads.meta(m), "status", "final",
						"code", Json.obj("text", "hardening"), "valueString", "a".repeat(10 * mb))));
		add(Kind.OVERSIZE, "Basic of 25 MB (over the body limit)", refused, types("Basic"),
				m -> json("POST", "/Basic", Payloads.basic(m).set("code", Json.obj("text", "a".repeat(25 * mb)))));
		add(Kind.OVERSIZE, "Basic of 25 MB sent chunked (no Content-Length)", refused, types("Basic"),
				m -> request("POST", "/Basic", JSON, chunked(Json.bytes(Payloads.basic(m).set("code",
						Json.obj("text", "a".repeat(25 * mb))))), "Transfer-Encoding", "chunked"));
		add(Kind.OVERSIZE, "Patient with a 100,000-digit multipleBirthInteger", refusedValue, types("Patient"),
				m -> json("POST", "/Patient", Payloads.patientWith(m, "\"multipleBirthInteger\":" + "9".repeat(100_000))));
		add(Kind.OVERSIZE, "Observation valueQuantity 1e999999999", refusedValue, types("Observation"),
				m -> json("POST", "/Observation", Json.text(Payloads.scoreObservation(m, fixture.a.stored().id(), LOINC, "29463-7", 1))
						.replace("\"value\":1", "\"value\":1e999999999")));
		add(Kind.OVERSIZE, "Observation valueQuantity with 100,000 digits", refusedValue, types("Observation"),
				m -> json("POST", "/Observation", Json.text(Payloads.scoreObservation(m, fixture.a.stored().id(), LOINC, "29463-7", 1))
						.replace("\"value\":1", "\"value\":1." + "3".repeat(100_000))));
		add(Kind.OVERSIZE, "gzip bomb: 1 GB of zeros", refused, types("Patient"),
				m -> request("POST", "/Patient", JSON, Payloads.gzip("", (byte) 0, 1024L * mb, ""), "Content-Encoding", "gzip"));
		add(Kind.OVERSIZE, "gzip bomb: Patient with 200 MB of JSON whitespace", refused, types("Patient"), m -> {
			String patient = Json.text(Payloads.patient(m));
			return request("POST", "/Patient", JSON, Payloads.gzip(patient.substring(0, patient.length() - 1) + ",",
					(byte) ' ', 200L * mb, "\"active\":true}"), "Content-Encoding", "gzip");
		});
		add(Kind.OVERSIZE, "gzip: Patient with a 45 MB family name (under the inflated limit)", refused, types("Patient"), m -> {
			String patient = Json.text(Payloads.patient(m));
			int at = patient.indexOf("\"family\":\"") + "\"family\":\"".length();
			return request("POST", "/Patient", JSON, Payloads.gzip(patient.substring(0, at), (byte) 'a', 45L * mb,
					patient.substring(at)), "Content-Encoding", "gzip");
		});
		add(Kind.OVERSIZE, "gzip bomb: transaction of 1 GB of zeros", refused, NONE,
				m -> request("POST", "", JSON, Payloads.gzip("", (byte) 0, 1024L * mb, ""), "Content-Encoding", "gzip"));
		add(Kind.OVERSIZE, "gzip bomb: form _search of 1 GB", refused, NONE,
				m -> request("POST", "/Patient/_search", FORM, Payloads.gzip("name=", (byte) 'a', 1024L * mb, ""),
						"Content-Encoding", "gzip"));
		add(Kind.OVERSIZE, "gzip of gzip (1 GB of zeros inside)", Expect.clientError(), types("Patient"),
				m -> request("POST", "/Patient", JSON, Payloads.gzip(Payloads.gzip("", (byte) 0, 1024L * mb, "")),
						"Content-Encoding", "gzip"));
		add(Kind.OVERSIZE, "truncated gzip body", Expect.clientError(), types("Patient"), m -> {
			byte[] gzip = Payloads.gzip(Json.bytes(Payloads.patient(m)));
			return request("POST", "/Patient", JSON, java.util.Arrays.copyOf(gzip, gzip.length / 2), "Content-Encoding", "gzip");
		});
		add(Kind.OVERSIZE, "Content-Encoding: deflate (not supported) on a Patient", Expect.clientError(), types("Patient"),
				m -> request("POST", "/Patient", JSON, Payloads.gzip(Json.bytes(Payloads.patient(m))), "Content-Encoding", "deflate"));
	}

	private static String extensions(int count) {
		StringBuilder text = new StringBuilder(count * 64);
		for (int i = 0; i < count; i++) {
			text.append(i == 0 ? "" : ",").append("{\"url\":\"").append(LUNGCARE).append("/hardening/x\",\"valueString\":\"")
					.append(i).append("\"}");
		}
		return text.toString();
	}

	private static byte[] chunked(byte[] body) {
		ByteArrayOutputStream out = new ByteArrayOutputStream(body.length + body.length / 1000);
		int chunk = 64 * 1024;
		for (int off = 0; off < body.length; off += chunk) {
			int length = Math.min(chunk, body.length - off);
			out.writeBytes(Payloads.utf8(Integer.toHexString(length) + "\r\n"));
			out.write(body, off, length);
			out.writeBytes(Payloads.utf8("\r\n"));
		}
		out.writeBytes(Payloads.utf8("0\r\n\r\n"));
		return out.toByteArray();
	}

	// --- 4. limit bypasses -----------------------------------------------------------------------------------------

	private void limitBypasses() {
		String victim = "/" + victimRef();
		String victimSsin = SSIN_SYSTEM + "|" + fixture.victim.person().ssin();
		ObjectNode expungeOld = Json.obj("resourceType", "Parameters", "parameter", Json.arr(
				Json.obj("name", "expungeDeletedResources", "valueBoolean", true),
				Json.obj("name", "expungePreviousVersions", "valueBoolean", true)));
		ObjectNode emptyParameters = Json.obj("resourceType", "Parameters");
		// %24-encoded and otherwise disguised operations inside bundle entries
		String[][] entryOperations = {
				{"GET", "%24get-resource-counts"}, {"GET", "/%24get-resource-counts"}, {"GET", "%2524get-resource-counts"},
				{"GET", "%24GET-RESOURCE-COUNTS"}, {"GET", "./%24get-resource-counts"}, {"GET", "Patient/../%24get-resource-counts"},
				{"GET", victimRef() + "/%24diff"}, {"GET", "%24diff?from=" + victimRef() + "&to=" + victimRef()},
				{"POST", "%24reindex"}, {"POST", "Patient/%24reindex"}, {"POST", "%24mark-all-resources-for-reindexing"},
				{"POST", "%24expunge"}, {"POST", "Patient/%24expunge"}, {"POST", victimRef() + "/%24expunge"},
				{"POST", victimRef() + "/%24meta-add"}};
		for (String type : List.of("batch", "transaction")) {
			for (String[] operation : entryOperations) {
				boolean metaAdd = operation[1].endsWith("meta-add");
				add(Kind.LIMIT_BYPASS, type + ": " + operation[0] + " " + operation[1], Expect.rejected(),
						metaAdd ? types("Patient") : NONE, m -> {
							ObjectNode entry = operation[0].equals("GET") ? Payloads.requestEntry("GET", operation[1])
									: Payloads.entry(metaAdd ? metaParameters(m) : operation[1].contains("expunge") ? expungeOld
											: emptyParameters, "POST", operation[1]);
							return json("POST", "", Payloads.bundle(type, entry));
						});
			}
		}
		// administrative operations, directly
		String[][] directOperations = {
				{"POST", "/$expunge", "$expunge"}, {"POST", "/Patient/$expunge", "$expunge"}, {"POST", victim + "/$expunge", "$expunge"},
				{"POST", "/$reindex", "$reindex"}, {"POST", "/Patient/$reindex", "$reindex"}, {"POST", victim + "/$reindex", "$reindex"},
				{"GET", victim + "/$diff", "$diff"}, {"GET", "/$diff?from=" + victimRef() + "&to=" + victimRef(), "$diff"},
				{"GET", victim + "/_history/1/$diff", "$diff"},
				{"POST", "/$mark-all-resources-for-reindexing", "$mark-all-resources-for-reindexing"},
				{"POST", "/Patient/$mark-all-resources-for-reindexing", "$mark-all-resources-for-reindexing"},
				{"GET", "/$get-resource-counts", "$get-resource-counts"}, {"POST", "/$reindex-terminology", "$reindex-terminology"},
				{"POST", "/$perform-reindexing-pass", "$perform-reindexing-pass"},
				{"POST", "/$hapi.fhir.replace-references", "$hapi.fhir.replace-references"},
				{"POST", victim + "/$meta-add", "$meta-add"}, {"POST", victim + "/$meta-delete", "$meta-delete"},
				{"GET", "/$export", "$export"}, {"POST", "/$import", "$import"}, {"POST", "/$process-message", "$process-message"},
				{"POST", "/CodeSystem/$upload-external-code-system", "$upload-external-code-system"},
				{"POST", "/CodeSystem/$apply-codesystem-delta-add", "$apply-codesystem-delta-add"},
				{"POST", "/StructureDefinition/$snapshot", "$snapshot"}, {"POST", "/Patient/$match", "$match"},
				{"GET", "/Observation/$lastn", "$lastn"}};
		for (String[] operation : directOperations) {
			add(Kind.LIMIT_BYPASS, operation[0] + " " + operation[1].replace(victim, "/" + victimRef()), Expect.clientError(operation[2]),
					operation[2].equals("$meta-add") ? types("Patient") : NONE,
					m -> operation[0].equals("GET") ? get(operation[1])
							: json("POST", operation[1], operation[2].equals("$meta-add") ? metaParameters(m)
									: operation[2].equals("$expunge") ? expungeOld : emptyParameters));
		}
		String[] disguised = {"/%24expunge", "/Patient/%24expunge", "/$EXPUNGE", "/$Expunge", "/$expunge;x=1", "/$expunge/",
				"//$expunge", "/Patient/../$expunge", "/./$expunge", "/%2524expunge", "/$expunge%20", "/Patient/%2e%2e/$expunge",
				"/%24get-resource-counts", victim + "/%24meta-add"};
		for (String path : disguised) {
			boolean metaAdd = path.endsWith("meta-add");
			add(Kind.LIMIT_BYPASS, "POST " + path.replace(victim, "/" + victimRef()), Expect.rejected(),
					metaAdd ? types("Patient") : NONE, m -> json("POST", path, metaAdd ? metaParameters(m) : expungeOld));
		}
		add(Kind.LIMIT_BYPASS, "POST " + victimRef() + " with X-HTTP-Method-Override: DELETE", Expect.clientError(), NONE,
				m -> request("POST", victim, null, null, "X-HTTP-Method-Override", "DELETE"));
		add(Kind.LIMIT_BYPASS, "POST " + victimRef() + "?_method=DELETE", Expect.clientError(), NONE,
				m -> request("POST", victim + "?_method=DELETE", null, null));
		// form bodies on PUT, PATCH, DELETE
		add(Kind.LIMIT_BYPASS, "PUT " + victimRef() + " with a form body", Expect.clientError(), NONE,
				m -> form("PUT", victim, "resourceType=Patient&gender=male&_tag=" + TAG_SYSTEM + "|" + m));
		add(Kind.LIMIT_BYPASS, "PATCH " + victimRef() + " with a form body", Expect.clientError(), NONE,
				m -> form("PATCH", victim, "op=replace&path=/gender&value=male"));
		add(Kind.LIMIT_BYPASS, "PUT Patient (conditional update) with the condition in a form body", Expect.clientError(), NONE,
				m -> form("PUT", "/Patient", "identifier=" + victimSsin));
		add(Kind.LIMIT_BYPASS, "POST Patient with a form body", Expect.clientError(), NONE,
				m -> form("POST", "/Patient", "resourceType=Patient&gender=male&family=" + m));
		add(Kind.LIMIT_BYPASS, "POST [base] with a form body", Expect.clientError(), NONE,
				m -> form("POST", "", "resourceType=Bundle&type=batch"));
		Fixture.Stored canary = fixture.canary();
		add(Kind.LIMIT_BYPASS, "DELETE Basic with _id=<canary> in a form body", Expect.clientError(), NONE,
				m -> form("DELETE", "/Basic", "_id=" + canary.id()));
		add(Kind.LIMIT_BYPASS, "DELETE Patient with identifier=<victim SSIN> in a form body", Expect.clientError(), NONE,
				m -> form("DELETE", "/Patient", "identifier=" + victimSsin));
		add(Kind.LIMIT_BYPASS, "DELETE Patient with _lastUpdated=gt1900-01-01 in a form body", Expect.clientError(), NONE,
				m -> form("DELETE", "/Patient", "_lastUpdated=gt1900-01-01"));
		add(Kind.LIMIT_BYPASS, "DELETE Basic (no condition at all)", Expect.clientError(), NONE,
				m -> request("DELETE", "/Basic", null, null));
		// the conformance resources are read-only
		for (String type : List.of("SearchParameter", "StructureDefinition", "ValueSet", "CodeSystem", "ConceptMap",
				"ImplementationGuide")) {
			add(Kind.LIMIT_BYPASS, "POST " + type, Expect.clientError(), types(type), m -> json("POST", "/" + type, conformance(type, m)));
			add(Kind.LIMIT_BYPASS, "PUT " + type + "/<new id>", Expect.clientError(), types(type),
					m -> json("PUT", "/" + type + "/" + m, conformance(type, m).put("id", m)));
			add(Kind.LIMIT_BYPASS, "transaction: POST " + type, Expect.rejected(), types(type),
					m -> json("POST", "", Payloads.bundle("transaction", Payloads.entry(conformance(type, m), "POST", type))));
			add(Kind.LIMIT_BYPASS, "batch: PUT " + type + "/<new id>", Expect.rejected(), types(type),
					m -> json("POST", "", Payloads.bundle("batch", Payloads.entry(conformance(type, m).put("id", m), "PUT", type + "/" + m))));
		}
		String profile = "/" + fixture.patientProfile.reference();
		add(Kind.LIMIT_BYPASS, "PUT over the installed lungcare-patient profile", Expect.clientError(), types("StructureDefinition"),
				m -> json("PUT", profile, fixture.patientProfileWith(m)));
		add(Kind.LIMIT_BYPASS, "PATCH the installed lungcare-patient profile", Expect.clientError(), types("StructureDefinition"),
				m -> request("PATCH", profile, "application/json-patch+json", Payloads.utf8(addTagPatch(m))));
		add(Kind.LIMIT_BYPASS, "batch: PUT over the installed lungcare-patient profile", Expect.rejected(),
				types("StructureDefinition"), m -> json("POST", "", Payloads.bundle("batch",
						Payloads.entry(fixture.patientProfileWith(m), "PUT", fixture.patientProfile.reference()))));
		add(Kind.LIMIT_BYPASS, "DELETE the installed lungcare-language value set", Expect.clientError(), NONE,
				m -> request("DELETE", "/" + fixture.languageValueSet.reference(), null, null));
		add(Kind.LIMIT_BYPASS, "batch: DELETE the installed lungcare-language value set", Expect.rejected(), NONE,
				m -> json("POST", "", Payloads.bundle("batch", Payloads.requestEntry("DELETE", fixture.languageValueSet.reference()))));
	}

	private static ObjectNode metaParameters(String marker) {
		return Json.obj("resourceType", "Parameters", "parameter", Json.arr(Json.obj("name", "meta",
				"valueMeta", Payloads.meta(marker))));
	}

	/** A small, plausible conformance resource of {@code type}, tagged. */
	private static ObjectNode conformance(String type, String marker) {
		String url = LUNGCARE + "/hardening/" + type + "/" + marker;
		ObjectNode resource = Json.obj("resourceType", type, "meta", Payloads.meta(marker), "url", url,
				"name", "Hardening" + marker.replace("-", ""), "status", "active");
		switch (type) {
			case "SearchParameter" -> resource.put("description", "hardening").put("code", marker).put("type", "token")
					.put("expression", "Patient.gender").set("base", Json.arr("Patient"));
			case "StructureDefinition" -> resource.put("kind", "resource").put("abstract", false).put("type", "Patient")
					.put("baseDefinition", "http://hl7.org/fhir/StructureDefinition/Patient").put("derivation", "constraint")
					.set("differential", Json.obj("element", Json.arr(Json.obj("id", "Patient.gender", "path", "Patient.gender",
							"min", 1))));
			case "ValueSet" -> resource.set("compose", Json.obj("include", Json.arr(Json.obj("system",
					"http://hl7.org/fhir/administrative-gender"))));
			case "CodeSystem" -> resource.put("content", "complete").set("concept", Json.arr(Json.obj("code", "a")));
			case "ImplementationGuide" -> resource.put("packageId", "hardening.ig").set("fhirVersion", Json.arr("4.0.1"));
			default -> {
			}
		}
		return resource;
	}
}
