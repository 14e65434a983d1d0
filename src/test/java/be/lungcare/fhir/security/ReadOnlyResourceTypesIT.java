package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import java.net.http.HttpResponse;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.CapabilityStatement.SystemRestfulInteraction;
import org.hl7.fhir.r4.model.CapabilityStatement.TypeRestfulInteraction;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

/** Conformance resources are read-only through the API, and the CapabilityStatement says so. */
class ReadOnlyResourceTypesIT extends AbstractServerIT {

	private static final String SEARCH_PARAMETER = "{\"resourceType\":\"SearchParameter\",\"url\":\"https://example.org/sp\","
			+ "\"name\":\"x\",\"status\":\"active\",\"description\":\"x\",\"code\":\"nickname\",\"base\":[\"Patient\"],"
			+ "\"type\":\"string\",\"expression\":\"Patient.name\"}";

	private void assertForbidden(HttpResponse<String> response, String type) {
		assertThat(response.statusCode()).as(response.body()).isEqualTo(403);
		OperationOutcome oo = parse(OperationOutcome.class, response.body());
		assertThat(oo.getIssueFirstRep().getDiagnostics()).contains(type);
	}

	@Test
	void conformanceResourcesCannotBeWritten() {
		assertForbidden(postJson("SearchParameter", SEARCH_PARAMETER), "SearchParameter");
		assertForbidden(send("PUT", "SearchParameter/mine", "application/fhir+json", SEARCH_PARAMETER.replace("{", "{\"id\":\"mine\",")),
				"SearchParameter");
		assertForbidden(postJson("", "{\"resourceType\":\"Bundle\",\"type\":\"transaction\",\"entry\":[{\"resource\":"
				+ SEARCH_PARAMETER + ",\"request\":{\"method\":\"POST\",\"url\":\"SearchParameter\"}}]}"), "SearchParameter");
		assertForbidden(postJson("ValueSet", "{\"resourceType\":\"ValueSet\",\"status\":\"active\"}"), "ValueSet");

		Bundle installed = parse(Bundle.class, get("CodeSystem?url=https://fhir.lungcare.be/CodeSystem/lungcare-gold-grade").body());
		assertThat(installed.getEntry()).hasSize(1);
		String id = installed.getEntryFirstRep().getResource().getIdElement().getIdPart();
		assertForbidden(send("DELETE", "CodeSystem/" + id, null, null), "CodeSystem");
		assertThat(get("CodeSystem/" + id).statusCode()).isEqualTo(200);
		assertThat(parse(Bundle.class, get("SearchParameter?url=https://example.org/sp").body()).getEntry()).isEmpty();
	}

	@Test
	void theCapabilityStatementSaysWhatIsOffered() {
		CapabilityStatement capabilities = parse(CapabilityStatement.class, get("metadata").body());
		CapabilityStatement.CapabilityStatementRestComponent rest = capabilities.getRestFirstRep();
		assertThat(rest.getInteraction()).extracting(i -> i.getCode())
				.contains(SystemRestfulInteraction.TRANSACTION, SystemRestfulInteraction.BATCH);
		for (String readOnly : new String[] {"SearchParameter", "StructureDefinition", "ValueSet", "CodeSystem"}) {
			CapabilityStatement.CapabilityStatementRestResourceComponent resource = rest.getResource().stream()
					.filter(r -> r.getType().equals(readOnly)).findFirst().orElseThrow();
			assertThat(resource.getInteraction()).extracting(i -> i.getCode())
					.as(readOnly).contains(TypeRestfulInteraction.READ, TypeRestfulInteraction.SEARCHTYPE)
					.doesNotContain(TypeRestfulInteraction.CREATE, TypeRestfulInteraction.UPDATE, TypeRestfulInteraction.DELETE,
							TypeRestfulInteraction.PATCH);
		}
		CapabilityStatement.CapabilityStatementRestResourceComponent patients = rest.getResource().stream()
				.filter(r -> r.getType().equals("Patient")).findFirst().orElseThrow();
		assertThat(patients.getInteraction()).extracting(i -> i.getCode()).contains(TypeRestfulInteraction.CREATE);
	}
}
