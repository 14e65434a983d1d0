package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import ca.uhn.fhir.rest.api.SummaryEnum;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The server installs the IG at start-up, announces it, and installing again changes nothing. */
class ImplementationGuideIT extends AbstractServerIT {

	private static final String BASE = "https://fhir.lungcare.be/";

	@Autowired
	private ImplementationGuideInstaller installer;

	@Autowired
	private ImplementationGuidePackage guide;

	@Test
	void capabilityStatementListsOurProfilesAndSearchParameters() {
		CapabilityStatement cs = client().capabilities().ofType(CapabilityStatement.class).execute();
		var resources = cs.getRestFirstRep().getResource();
		for (String[] typeAndProfile : new String[][] {
			{"Patient", "lungcare-patient"}, {"Condition", "lungcare-condition"}, {"CarePlan", "lungcare-care-plan"},
			{"CareTeam", "lungcare-care-team"}, {"Observation", "lungcare-spirometry"}, {"Goal", "lungcare-goal"},
			{"Practitioner", "lungcare-practitioner"}, {"RelatedPerson", "lungcare-related-person"}
		}) {
			var resource = resources.stream().filter(r -> r.getType().equals(typeAndProfile[0])).findFirst().orElseThrow();
			assertThat(resource.getSupportedProfile()).extracting(CanonicalType::getValue)
					.contains(BASE + "StructureDefinition/" + typeAndProfile[1]);
		}
		var careTeam = resources.stream().filter(r -> r.getType().equals("CareTeam")).findFirst().orElseThrow();
		assertThat(careTeam.getSearchParam()).extracting(p -> p.getName())
				.contains("participant-role", "participant-identifier", "coordinator");
	}

	@Test
	void installingAgainNeitherDuplicatesNorFails() {
		installer.install(guide);
		assertThat(count("StructureDefinition?url=" + BASE + "StructureDefinition/lungcare-patient")).isEqualTo(1);
		assertThat(count("SearchParameter?url=" + BASE + "SearchParameter/lungcare-careteam-participant-role")).isEqualTo(1);
		assertThat(count("ValueSet?url=" + BASE + "ValueSet/lungcare-lung-disease")).isEqualTo(1);
	}

	private int count(String query) {
		return client().search().byUrl(query).summaryMode(SummaryEnum.COUNT).returnBundle(Bundle.class).execute().getTotal();
	}
}
