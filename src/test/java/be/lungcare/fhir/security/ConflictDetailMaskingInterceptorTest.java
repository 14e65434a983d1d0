package be.lungcare.fhir.security;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;
import ca.uhn.fhir.rest.server.exceptions.ResourceVersionConflictException;
import org.junit.jupiter.api.Test;

class ConflictDetailMaskingInterceptorTest {

	private final ConflictDetailMaskingInterceptor interceptor = new ConflictDetailMaskingInterceptor();

	@Test
	void aConflictCarryingDatabaseDetailIsReplacedByAPlainMessage() {
		BaseServerResponseException masked = interceptor.mask(new ResourceVersionConflictException(
				"HAPI-0550: could not execute batch [insert into HFJ_RES_SEARCH_URL (RES_SEARCH_URL) values ('x')]"));

		assertThat(masked).isInstanceOf(ResourceVersionConflictException.class);
		assertThat(masked.getStatusCode()).isEqualTo(409);
		assertThat(masked.getMessage()).contains("concurrent change", "incident")
				.doesNotContainIgnoringCase("insert").doesNotContain("HFJ_");
	}

	@Test
	void aConflictStillThereAfterTheRetriesIsMaskedToo() {
		BaseServerResponseException masked = interceptor.mask(new ResourceVersionConflictException(
				"HAPI-0549: Max retries (3) exceeded for version conflict: could not execute batch [Batch entry 0 insert into"
						+ " HFJ_RES_SEARCH_URL (RES_SEARCH_URL) values ('x')]"));
		assertThat(masked.getMessage()).contains("concurrent change").doesNotContain("HFJ_", "batch");
	}

	@Test
	void aConflictCausedByADatabaseErrorIsMaskedWhateverItsText() {
		BaseServerResponseException masked = interceptor.mask(new ResourceVersionConflictException("HAPI-0549: HAPI-9999: x",
				new org.springframework.dao.DataIntegrityViolationException("duplicate key value violates unique constraint"), null));
		assertThat(masked.getMessage()).contains("concurrent change").doesNotContain("duplicate");
	}

	@Test
	void aClientVersionConflictKeepsItsMessage() {
		assertThat(interceptor.mask(new ResourceVersionConflictException("HAPI-0989: Trying to update Patient/1/_history/1 but"
				+ " this is not the current version"))).isNull();
		assertThat(interceptor.mask(new ResourceVersionConflictException("HAPI-0550: HAPI-0989: Trying to update Patient/1"))).isNull();
		assertThat(interceptor.mask(new ResourceVersionConflictException("HAPI-0549: Max retries (3) exceeded for version"
				+ " conflict: HAPI-0989: Trying to update Patient/1/_history/1 but this is not the current version"))).isNull();
	}
}
