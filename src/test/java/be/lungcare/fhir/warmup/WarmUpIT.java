package be.lungcare.fhir.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.time.Duration;
import java.util.Map;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Reference;
import org.springframework.transaction.support.TransactionTemplate;
import org.hl7.fhir.r4.model.Meta;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The warm-up writes the example bundles and reads them back through the FHIR servlet, and leaves nothing behind. */
class WarmUpIT extends AbstractServerIT {

	@Autowired
	ImplementationGuidePackage guide;
	@Autowired
	IFhirSystemDao<Bundle, Meta> systemDao;
	@Autowired
	RestfulServer fhirServlet;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPassWritesAndReadsTheExamplesAndStoresNothing() {
		Map<String, Object> before = counts();
		RestWarmUp rest = new RestWarmUp(fhirServlet);
		StorageWarmUp warmUp = new StorageWarmUp(fhirContext, guide.examples(fhirContext), systemDao, rest, transactions);

		int passes = warmUp.run(Duration.ZERO);

		assertThat(passes).as("one complete pass, every in-process request answered 200").isEqualTo(1);
		assertThat(rest.requests()).as("reads and searches through the FHIR servlet").isGreaterThan(100);
		assertThat(counts()).as("resources, versions, index rows, tags, conditional-create URLs").isEqualTo(before);
	}

	@Test
	void theServletSeesWhatTheRolledBackTransactionWrote() {
		Map<String, Object> before = counts();
		RestWarmUp rest = new RestWarmUp(fhirServlet);
		Patient patient = new Patient();
		patient.addName().setFamily("Warm");
		Condition condition = new Condition();
		condition.setSubject(new Reference("urn:uuid:patient"));
		condition.getCode().addCoding().setSystem("http://snomed.info/sct").setCode("13645005");
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		bundle.addEntry().setFullUrl("urn:uuid:patient").setResource(patient).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Patient");
		bundle.addEntry().setResource(condition).getRequest().setMethod(Bundle.HTTPVerb.POST).setUrl("Condition");

		String everything = new TransactionTemplate(transactions).execute(status -> {
			status.setRollbackOnly();
			Bundle stored = systemDao.transactionNested(new SystemRequestDetails(), bundle);
			String patientId = new IdType(stored.getEntry().get(0).getResponse().getLocation()).toUnqualifiedVersionless().getValue();
			return rest.as(() -> rest.get(patientId + "/$everything"));
		});

		Bundle shown = fhirContext.newJsonParser().parseResource(Bundle.class, everything);
		assertThat(shown.getEntry()).extracting(entry -> entry.getResource().fhirType()).contains("Patient", "Condition");
		assertThat(counts()).as("nothing stored, no audit event either").isEqualTo(before);
	}

	private Map<String, Object> counts() {
		return jdbc.queryForMap("select (select count(*) from hfj_resource) resources, (select count(*) from hfj_res_ver) versions,"
				+ " (select count(*) from hfj_spidx_token) tokens, (select count(*) from hfj_spidx_string) strings,"
				+ " (select count(*) from hfj_spidx_date) dates, (select count(*) from hfj_spidx_quantity) quantities,"
				+ " (select count(*) from hfj_spidx_uri) uris, (select count(*) from hfj_res_link) links,"
				+ " (select count(*) from hfj_res_tag) tags, (select count(*) from hfj_res_search_url) conditional_urls,"
				+ " (select count(*) from lc_audit_event) audit_events");
	}
}
