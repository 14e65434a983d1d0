package be.lungcare.fhir.search;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;

/**
 * Runs every search as an offset search: one page is read straight from the database in the request's own
 * read-only transaction, and the next link carries {@code _offset}. HAPI otherwise stores each search and its
 * result list in the database (HFJ_SEARCH, HFJ_SEARCH_RESULT) from a background thread so that pages can be
 * fetched later, which costs several writes per query. Page sizes are capped at the server's maximum.
 */
@Interceptor
final class OffsetPagingInterceptor implements StorageInterceptor {

	private final boolean enabled;
	private final int defaultPageSize;
	private final int maxPageSize;

	OffsetPagingInterceptor(boolean enabled, int defaultPageSize, int maxPageSize) {
		this.enabled = enabled;
		this.defaultPageSize = defaultPageSize;
		this.maxPageSize = maxPageSize;
	}

	@Hook(Pointcut.STORAGE_PRESEARCH_REGISTERED)
	public void offsetSearch(SearchParameterMap search) {
		if (!enabled) {
			return;
		}
		if (search.getOffset() == null) {
			search.setOffset(0);
		}
		if (search.getCount() == null) {
			search.setCount(defaultPageSize);
		} else if (search.getCount() > maxPageSize) {
			search.setCount(maxPageSize);
		}
	}
}
