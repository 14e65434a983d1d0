package be.lungcare.fhir.access;

import be.lungcare.fhir.config.RestInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/**
 * The CapabilityStatement says how clients authenticate: SMART on FHIR with the identity provider's endpoints, or,
 * when access control is off, a warning that anyone who reaches the server may read and write everything.
 */
@Interceptor
final class AccessAnnouncer implements RestInterceptor {

	static final String OPEN_WARNING = "WARNING: access control is OFF (LUNGCARE_ACCESS_ENABLED=false). Anyone who reaches this"
			+ " server can read and write every patient's data. For local development only.";

	private final AccessProperties properties;

	AccessAnnouncer(AccessProperties properties) {
		this.properties = properties;
	}

	@Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
	public void announce(IBaseConformance capabilities) {
		CapabilityStatement statement = (CapabilityStatement) capabilities;
		for (CapabilityStatement.CapabilityStatementRestComponent rest : statement.getRest()) {
			CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
			if (!properties.enabled()) {
				security.setDescription(OPEN_WARNING);
				continue;
			}
			security.addService(new CodeableConcept().addCoding(new org.hl7.fhir.r4.model.Coding(
					"http://terminology.hl7.org/CodeSystem/restful-security-service", "SMART-on-FHIR", "SMART-on-FHIR")));
			Extension uris = security.addExtension().setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
			uris.addExtension("authorize", new UriType(properties.authorizationEndpointOrDefault()));
			uris.addExtension("token", new UriType(properties.tokenEndpointOrDefault()));
			security.setDescription("OAuth2 bearer tokens from " + properties.issuer() + " with SMART App Launch v2 scopes (v1 read/write"
					+ " accepted). Practitioners see the patients in whose active care teams they are, or whose general practitioner"
					+ " they are; see /.well-known/smart-configuration.");
		}
		if (!properties.enabled()) {
			statement.getImplementation().setDescription(OPEN_WARNING + " " + statement.getImplementation().getDescription());
		}
	}
}
