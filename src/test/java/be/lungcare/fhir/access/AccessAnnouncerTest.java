package be.lungcare.fhir.access;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;

/** What the CapabilityStatement says about access, open or with tokens; and the settings that must go together. */
class AccessAnnouncerTest {

	private static AccessProperties properties(boolean enabled, String issuer, URI keys) {
		return new AccessProperties(enabled, issuer, keys, "lungcare-fhir", Duration.ofSeconds(60), null, null, "nihdi", "patient",
				"ssin", "lungcare.admin", List.of("research"), Duration.ofMinutes(5), Duration.ofSeconds(5), Duration.ofMinutes(5));
	}

	private static CapabilityStatement statement() {
		CapabilityStatement statement = new CapabilityStatement();
		statement.addRest();
		statement.getImplementation().setDescription("LungCare FHIR");
		return statement;
	}

	@Test
	void anOpenServerSaysSoLoudly() {
		CapabilityStatement statement = statement();
		new AccessAnnouncer(properties(false, null, null)).announce(statement);
		assertThat(statement.getRestFirstRep().getSecurity().getDescription()).startsWith("WARNING: access control is OFF");
		assertThat(statement.getImplementation().getDescription()).startsWith("WARNING: access control is OFF").endsWith("LungCare FHIR");
		assertThat(statement.getRestFirstRep().getSecurity().hasService()).isFalse();
	}

	@Test
	void aSecuredServerAnnouncesSmartAndItsEndpoints() {
		CapabilityStatement statement = statement();
		new AccessAnnouncer(properties(true, "https://idp.test/realms/lungcare", URI.create("https://idp.test/certs"))).announce(statement);
		CapabilityStatement.CapabilityStatementRestSecurityComponent security = statement.getRestFirstRep().getSecurity();
		assertThat(security.getServiceFirstRep().getCodingFirstRep().getCode()).isEqualTo("SMART-on-FHIR");
		assertThat(security.getExtensionByUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris")
				.getExtensionByUrl("token").getValue().primitiveValue())
				.isEqualTo("https://idp.test/realms/lungcare/protocol/openid-connect/token");
		assertThat(statement.getImplementation().getDescription()).isEqualTo("LungCare FHIR");
	}

	@Test
	void tokensNeedAnIssuerAndItsKeys() {
		assertThatThrownBy(() -> properties(true, null, URI.create("https://idp.test/certs")))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("LUNGCARE_ACCESS_ISSUER");
		assertThatThrownBy(() -> properties(true, "https://idp.test", null))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("LUNGCARE_ACCESS_JWK_SET_URI");
	}
}
