package be.lungcare.fhir.audit;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.access.PatientCompartment;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.config.r4.FhirContextR4Config;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.RequestTypeEnum;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import java.util.List;
import org.hl7.fhir.r4.model.AuditEvent;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventAction;
import org.hl7.fhir.r4.model.AuditEvent.AuditEventOutcome;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/** The direct writer gives, for every kind of event the server records, exactly what HAPI's encoder gives. */
class AuditEventJsonTest {

	/** A context with the parser options of the server's (HAPI's JPA configuration). */
	private static final FhirContext FHIR = FhirContext.forR4();

	static {
		FhirContextR4Config.configureDefaultParserOptions(FHIR);
	}

	private final AuditEventBuilder builder = new AuditEventBuilder(new PatientCompartment(FHIR), new AuditAgents());

	@AfterEach
	void clearUser() {
		SecurityContextHolder.clearContext();
	}

	private static ServletRequestDetails request(RequestTypeEnum type, String path, String query) {
		MockHttpServletRequest servlet = new MockHttpServletRequest(type.name(), "/fhir/" + path);
		servlet.setRemoteAddr("192.0.2.7");
		ServletRequestDetails request = new ServletRequestDetails();
		request.setServletRequest(servlet);
		request.setRequestType(type);
		request.setRequestPath(path);
		request.setCompleteUrl("http://localhost/fhir/" + path + (query == null ? "" : "?" + query));
		return request;
	}

	private static void signedIn(String nihdi) {
		signedIn(Jwt.withTokenValue("t").header("alg", "RS256").subject("user-7").claim("azp", "ehr-client"), nihdi);
	}

	private static void signedIn(Jwt.Builder token, String nihdi) {
		if (nihdi != null) {
			token.claim("nihdi", nihdi);
		}
		SecurityContextHolder.getContext().setAuthentication(new JwtAuthenticationToken(token.build()));
	}

	private static IParser hapi() {
		return FHIR.newJsonParser();
	}

	private static void assertSameAsHapi(AuditEvent event) {
		String direct = AuditEventJson.write(event);
		assertThat(direct).isEqualTo(hapi().encodeResourceToString(event));
		assertThat(hapi().encodeResourceToString(hapi().parseResource(AuditEvent.class, direct))).isEqualTo(direct);
	}

	@Test
	void anAnonymousSearchNamingSeveralPatients() {
		AuditEvent event = builder.query(request(RequestTypeEnum.GET, "CareTeam", "participant=Practitioner/p1&_include=*"),
				AuditEventAction.E, "search-type", List.of("1", "2", "abc-3"), AuditEventOutcome._0, null);
		assertThat(event.getEntity()).hasSize(4);
		assertSameAsHapi(event);
	}

	@Test
	void aRefusedOperationWithAnOutcomeThatNeedsEscaping() {
		signedIn(null);
		AuditEvent event = builder.query(request(RequestTypeEnum.POST, "Patient/$everything", null), AuditEventAction.E,
				"operation", List.of(), AuditEventOutcome._4, "403 \"not in the care team\" – é\n\tü " + "x".repeat(600));
		assertSameAsHapi(event);
	}

	@Test
	void aWriteByAPractitionerWithAVersionedResource() {
		signedIn("10012345004");
		Observation written = new Observation();
		written.setId("Observation/42/_history/3");
		written.getSubject().setReference("Patient/7");
		AuditEvent event = builder.resource(request(RequestTypeEnum.PUT, "Observation/42", null), AuditEventAction.U, "update",
				written, builder.patientsOf(written));
		assertThat(AuditEvents.patientsOf(event)).containsExactly("7");
		assertSameAsHapi(event);
		assertThat(AuditEventJson.write(event)).contains("\"Observation/42/_history/3\"");
	}

	@Test
	void aResourceWithoutIdAndAStoredEventWithItsId() {
		AuditEvent event = builder.resource(request(RequestTypeEnum.GET, "Patient", null), AuditEventAction.R, "read",
				new Patient(), List.of());
		assertSameAsHapi(event);
		event.setId("0b1c9a55-0000-4000-8000-000000000001");
		assertSameAsHapi(event);
	}

	@Test
	void aServerErrorWithoutSubtypeNetworkAddressOrAzp() {
		// a client known by client_id only, a blank subject: HAPI leaves blank values out, so must the writer
		signedIn(Jwt.withTokenValue("t").header("alg", "RS256").subject(" ").claim("client_id", "batch-client"), null);
		ServletRequestDetails noServlet = new ServletRequestDetails();
		noServlet.setRequestType(RequestTypeEnum.GET);
		noServlet.setRequestPath("Patient");
		AuditEvent event = builder.query(noServlet, AuditEventAction.E, null, List.of("9"), AuditEventOutcome._8,
				"500 incident 0b1c9a55");
		assertThat(event.getAgent().get(1).getNetwork().hasAddress()).isFalse();
		assertSameAsHapi(event);
	}

	@Test
	void anUnauthenticatedRequest() {
		assertSameAsHapi(AuditEventBuilder.unauthenticated("GET /fhir/Patient", "/fhir/Patient?name=a%20b", "198.51.100.4"));
	}
}
