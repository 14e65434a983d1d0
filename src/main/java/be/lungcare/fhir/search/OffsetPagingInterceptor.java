package be.lungcare.fhir.search;

import be.lungcare.fhir.config.StorageInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.Constants;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/**
 * Runs every client search as an offset search: one page is read straight from the database in the request's
 * own read-only transaction, and the next link carries {@code _offset}. HAPI otherwise stores each search and
 * its result list in the database (HFJ_SEARCH, HFJ_SEARCH_RESULT) from a background thread so that pages can be
 * fetched later, which costs several writes per query. A sort gets the resource id as its last key, so that
 * pages neither overlap nor skip rows. Page sizes are capped at the server's maximum, offsets
 * at {@code maxOffset} (400 beyond). HAPI's own internal searches (no servlet request) are left alone: they
 * load everything they ask for.
 */
@Interceptor
final class OffsetPagingInterceptor implements StorageInterceptor {

	private final boolean enabled;
	private final int defaultPageSize;
	private final int maxPageSize;
	private final int maxOffset;

	OffsetPagingInterceptor(boolean enabled, int defaultPageSize, int maxPageSize, int maxOffset) {
		this.enabled = enabled;
		this.defaultPageSize = defaultPageSize;
		this.maxPageSize = maxPageSize;
		this.maxOffset = maxOffset;
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void offsetSearch(SearchParameterMap search, RequestDetails request) {
		if (!enabled || !(request instanceof ServletRequestDetails)) {
			return;
		}
		if (search.getOffset() == null) {
			search.setOffset(0);
		} else if (search.getOffset() > maxOffset) {
			throw Problems.invalid("_offset: " + search.getOffset() + " is beyond the limit of " + maxOffset
					+ "; narrow the search (e.g. by date) instead of paging this deep", "_offset");
		}
		breakTies(search);
		if (search.getCount() == null) {
			search.setCount(defaultPageSize);
		} else if (search.getCount() > maxPageSize) {
			search.setCount(maxPageSize);
		}
	}

	/**
	 * A sort on values that repeat (a date, a status) leaves the order of equal rows to the database, which may
	 * differ from one page's query to the next: pages would overlap or skip rows. The resource id, unique, is
	 * added as the last sort key.
	 */
	static void breakTies(SearchParameterMap search) {
		SortSpec sort = search.getSort();
		if (sort == null) {
			return;
		}
		while (true) {
			if (Constants.PARAM_ID.equals(sort.getParamName())) {
				return;
			}
			if (sort.getChain() == null) {
				sort.setChain(new SortSpec(Constants.PARAM_ID));
				return;
			}
			sort = sort.getChain();
		}
	}
}
