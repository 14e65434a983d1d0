package be.lungcare.fhir.search;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.server.exceptions.InvalidRequestException;
import ca.uhn.fhir.rest.server.servlet.ServletRequestDetails;

/**
 * Runs every client search as an offset search: one page is read straight from the database in the request's
 * own read-only transaction, and the next link carries {@code _offset}. HAPI otherwise stores each search and
 * its result list in the database (HFJ_SEARCH, HFJ_SEARCH_RESULT) from a background thread so that pages can be
 * fetched later, which costs several writes per query. Page sizes are capped at the server's maximum, offsets
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
			throw new InvalidRequestException("_offset: " + search.getOffset() + " is beyond the limit of " + maxOffset
					+ "; narrow the search (e.g. by date) instead of paging this deep");
		}
		if (search.getCount() == null) {
			search.setCount(defaultPageSize);
		} else if (search.getCount() > maxPageSize) {
			search.setCount(maxPageSize);
		}
	}
}
