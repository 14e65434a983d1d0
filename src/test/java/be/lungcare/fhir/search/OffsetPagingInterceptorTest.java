package be.lungcare.fhir.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;
import org.junit.jupiter.api.Test;

class OffsetPagingInterceptorTest {

	private final OffsetPagingInterceptor interceptor = new OffsetPagingInterceptor(true, 20, 200, 10_000);
	private final ServletRequestDetails client = new ServletRequestDetails();

	@Test
	void aClientSearchWithoutPagingBecomesTheFirstOffsetPageOfTheDefaultSize() {
		SearchParameterMap search = new SearchParameterMap();
		interceptor.offsetSearch(search, client);
		assertThat(search.getOffset()).isZero();
		assertThat(search.getCount()).isEqualTo(20);
		assertThat(search.isOffsetQuery()).isTrue();
	}

	@Test
	void theClientsOffsetAndCountAreKeptWithinTheLimits() {
		SearchParameterMap search = new SearchParameterMap();
		search.setOffset(40);
		search.setCount(5);
		interceptor.offsetSearch(search, client);
		assertThat(search.getOffset()).isEqualTo(40);
		assertThat(search.getCount()).isEqualTo(5);

		SearchParameterMap huge = new SearchParameterMap();
		huge.setCount(100_000);
		interceptor.offsetSearch(huge, client);
		assertThat(huge.getCount()).isEqualTo(200);

		SearchParameterMap deep = new SearchParameterMap();
		deep.setOffset(10_001);
		assertThatThrownBy(() -> interceptor.offsetSearch(deep, client))
				.isInstanceOf(InvalidRequestException.class).hasMessageContaining("_offset");
	}

	@Test
	void hapisOwnSearchesLoadEverythingTheyAskFor() {
		SearchParameterMap internal = new SearchParameterMap();
		internal.setCount(10_000);
		interceptor.offsetSearch(internal, new SystemRequestDetails());
		interceptor.offsetSearch(internal, null);
		assertThat(internal.getOffset()).isNull();
		assertThat(internal.getCount()).isEqualTo(10_000);
	}

	@Test
	void whenOffLeavesTheSearchToHapisStoredSearches() {
		SearchParameterMap search = new SearchParameterMap();
		new OffsetPagingInterceptor(false, 20, 200, 10_000).offsetSearch(search, client);
		assertThat(search.getOffset()).isNull();
		assertThat(search.getCount()).isNull();
	}

	@Test
	void aSortGetsTheIdAsItsLastKey() {
		SearchParameterMap byDate = new SearchParameterMap();
		byDate.setSort(new SortSpec("birthdate", SortOrderEnum.DESC));
		interceptor.offsetSearch(byDate, client);
		assertThat(byDate.getSort().getParamName()).isEqualTo("birthdate");
		assertThat(byDate.getSort().getChain().getParamName()).isEqualTo("_id");
		assertThat(byDate.getSort().getChain().getChain()).isNull();

		SearchParameterMap alreadyById = new SearchParameterMap();
		alreadyById.setSort(new SortSpec("family", SortOrderEnum.ASC, new SortSpec("_id")));
		interceptor.offsetSearch(alreadyById, client);
		assertThat(alreadyById.getSort().getChain().getChain()).isNull();

		SearchParameterMap unsorted = new SearchParameterMap();
		interceptor.offsetSearch(unsorted, client);
		assertThat(unsorted.getSort()).isNull();
	}
}
