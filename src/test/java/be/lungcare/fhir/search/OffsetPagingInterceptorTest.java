package be.lungcare.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import org.junit.jupiter.api.Test;

class OffsetPagingInterceptorTest {

	private final OffsetPagingInterceptor interceptor = new OffsetPagingInterceptor(true, 20, 200);

	@Test
	void aSearchWithoutPagingBecomesTheFirstOffsetPageOfTheDefaultSize() {
		SearchParameterMap search = new SearchParameterMap();
		interceptor.offsetSearch(search);
		assertThat(search.getOffset()).isZero();
		assertThat(search.getCount()).isEqualTo(20);
		assertThat(search.isOffsetQuery()).isTrue();
	}

	@Test
	void theClientsOffsetAndCountAreKeptUpToTheMaximumPageSize() {
		SearchParameterMap search = new SearchParameterMap();
		search.setOffset(40);
		search.setCount(5);
		interceptor.offsetSearch(search);
		assertThat(search.getOffset()).isEqualTo(40);
		assertThat(search.getCount()).isEqualTo(5);

		SearchParameterMap huge = new SearchParameterMap();
		huge.setCount(100_000);
		interceptor.offsetSearch(huge);
		assertThat(huge.getCount()).isEqualTo(200);
	}

	@Test
	void whenOffLeavesTheSearchToHapisStoredSearches() {
		SearchParameterMap search = new SearchParameterMap();
		new OffsetPagingInterceptor(false, 20, 200).offsetSearch(search);
		assertThat(search.getOffset()).isNull();
		assertThat(search.getCount()).isNull();
	}
}
