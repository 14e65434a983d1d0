package be.lungcare.fhir.warmup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import be.lungcare.fhir.TestData;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.rest.server.exceptions.InternalErrorException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Practitioner;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.AbstractPlatformTransactionManager;
import org.springframework.transaction.support.DefaultTransactionStatus;

class StorageWarmUpTest {

	private static final String SSIN = TestData.SSIN_SYSTEM;
	private static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	private static final String NIHDI_ORGANIZATION = NIHDI + "-organization";

	private final FhirContext fhirContext = FhirContext.forR4Cached();
	private final Transactions transactions = new Transactions();
	@SuppressWarnings("unchecked")
	private final IFhirSystemDao<Bundle, Meta> systemDao = mock(IFhirSystemDao.class);
	private final List<Bundle> written = new ArrayList<>();

	@Test
	void eachPassIsRolledBackAndNeverMatchesStoredData() {
		when(systemDao.transactionNested(any(), any())).thenAnswer(call -> {
			written.add(call.getArgument(1));
			return new Bundle().setType(Bundle.BundleType.TRANSACTIONRESPONSE);
		});

		int passes = warmUp().run(Duration.ZERO);

		assertThat(passes).isEqualTo(1);
		assertThat(transactions.rollbacks).isEqualTo(1);
		assertThat(transactions.commits).isZero();
		Bundle bundle = written.get(0);
		Patient patient = (Patient) bundle.getEntry().get(0).getResource();
		Practitioner practitioner = (Practitioner) bundle.getEntry().get(1).getResource();
		String ssin = patient.getIdentifierFirstRep().getSystem();
		String nihdi = practitioner.getIdentifier().get(0).getSystem();
		String nihdiOrganization = practitioner.getIdentifier().get(1).getSystem();
		assertThat(List.of(ssin, nihdi, nihdiOrganization)).allMatch(system -> system.startsWith("urn:lungcare:warm-up:"))
				.doesNotHaveDuplicates();
		assertThat(bundle.getEntry().get(0).getRequest().getUrl()).isEqualTo("Patient?identifier=" + ssin + "|68051704535");
		assertThat(bundle.getEntry().get(1).getRequest().getIfNoneExist()).isEqualTo("identifier=" + nihdi + "|13456769003");
	}

	@Test
	void aFailureEndsTheWarmUpWithoutStoppingTheServer() {
		when(systemDao.transactionNested(any(), any())).thenThrow(new InternalErrorException("database gone"));

		int passes = warmUp().run(Duration.ofMinutes(1));

		assertThat(passes).isZero();
		assertThat(transactions.rollbacks).isEqualTo(1);
		assertThat(transactions.commits).isZero();
	}

	private StorageWarmUp warmUp() {
		Bundle bundle = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Patient patient = new Patient();
		patient.addIdentifier().setSystem(SSIN).setValue("68051704535");
		bundle.addEntry().setFullUrl("urn:uuid:1").setResource(patient).getRequest()
				.setMethod(Bundle.HTTPVerb.PUT).setUrl("Patient?identifier=" + SSIN + "|68051704535");
		Practitioner practitioner = new Practitioner();
		practitioner.addIdentifier().setSystem(NIHDI).setValue("13456769003");
		practitioner.addIdentifier().setSystem(NIHDI_ORGANIZATION).setValue("71000436000");
		bundle.addEntry().setFullUrl("urn:uuid:2").setResource(practitioner).getRequest()
				.setMethod(Bundle.HTTPVerb.POST).setUrl("Practitioner").setIfNoneExist("identifier=" + NIHDI + "|13456769003");
		List<IBaseResource> examples = List.of(bundle);
		return new StorageWarmUp(fhirContext, examples, systemDao, mock(DaoRegistry.class), transactions);
	}

	/** Counts what the warm-up's transactions end with. */
	private static final class Transactions extends AbstractPlatformTransactionManager {
		int commits;
		int rollbacks;

		@Override
		protected Object doGetTransaction() {
			return new Object();
		}

		@Override
		protected void doBegin(Object transaction, TransactionDefinition definition) {}

		@Override
		protected void doCommit(DefaultTransactionStatus status) {
			commits++;
		}

		@Override
		protected void doRollback(DefaultTransactionStatus status) {
			rollbacks++;
		}
	}
}
