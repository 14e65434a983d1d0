package be.lungcare.fhir.warmup;

import static org.assertj.core.api.Assertions.assertThat;

import be.lungcare.fhir.AbstractServerIT;
import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;

/** The storage warm-up writes and reads the example bundles, and leaves nothing behind. */
class WarmUpIT extends AbstractServerIT {

	@Autowired
	ImplementationGuidePackage guide;
	@Autowired
	IFhirSystemDao<?, ?> systemDao;
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
		assertThat(counts()).as("resources, versions, index rows, audit trail").isEqualTo(before);
	}

	private Map<String, Object> counts() {
		return jdbc.queryForMap("select (select count(*) from hfj_resource) resources, (select count(*) from hfj_res_ver) versions,"
				+ " (select count(*) from hfj_spidx_token) tokens, (select count(*) from hfj_res_link) links,"
				+ " (select count(*) from lc_audit_event) audit");
	}
}
