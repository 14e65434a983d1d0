package be.lungcare.fhir.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.time.Duration;
import java.util.Map;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The storage warm-up writes and reads the example bundles, and leaves nothing behind. */
class WarmUpIT extends AbstractServerIT {

	@Autowired
	ImplementationGuidePackage guide;
	@Autowired
	IFhirSystemDao<Bundle, Meta> systemDao;
	@Autowired
	DaoRegistry daos;
	@Autowired
	PlatformTransactionManager transactions;
	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aPassWritesAndReadsTheExamplesAndStoresNothing() {
		Map<String, Object> before = counts();
		StorageWarmUp warmUp = new StorageWarmUp(fhirContext, guide.examples(fhirContext), systemDao, daos, transactions);

		int passes = warmUp.run(Duration.ZERO);

		assertThat(passes).as("one complete pass, without a failure").isEqualTo(1);
		assertThat(counts()).as("resources, versions, index rows, tags, conditional-create URLs, stored searches, audit events").isEqualTo(before);
	}

	private Map<String, Object> counts() {
		return jdbc.queryForMap("select (select count(*) from hfj_resource) resources, (select count(*) from hfj_res_ver) versions,"
				+ " (select count(*) from hfj_spidx_token) tokens, (select count(*) from hfj_spidx_string) strings,"
				+ " (select count(*) from hfj_spidx_date) dates, (select count(*) from hfj_spidx_quantity) quantities,"
				+ " (select count(*) from hfj_spidx_uri) uris, (select count(*) from hfj_res_link) links,"
				+ " (select count(*) from hfj_res_tag) tags, (select count(*) from hfj_res_search_url) conditional_urls,"
				+ " (select count(*) from hfj_search) stored_searches, (select count(*) from lc_audit_event) audit_events");
	}
}
