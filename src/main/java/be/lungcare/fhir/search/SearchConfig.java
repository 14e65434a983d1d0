package be.lungcare.fhir.search;

import be.lungcare.fhir.config.ServerProperties;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SearchConfig {

	@Bean
	OffsetPagingInterceptor offsetPagingInterceptor(SearchProperties search, ServerProperties server) {
		return new OffsetPagingInterceptor(search.offsetPaging(), server.defaultPageSize(), server.maxPageSize(),
				search.maxOffset());
	}

	@Bean
	SearchCriteriaCheck searchCriteriaCheck(SearchProperties search, ISearchParamRegistry registry) {
		return new SearchCriteriaCheck(registry, search.maxParameters(), search.maxValues());
	}

	@Bean
	SearchParameterCheckInterceptor searchParameterCheckInterceptor(SearchCriteriaCheck check) {
		return new SearchParameterCheckInterceptor(check);
	}

	@Bean
	BundleSearchRequestCheckInterceptor bundleSearchRequestCheckInterceptor(SearchCriteriaCheck check) {
		return new BundleSearchRequestCheckInterceptor(check);
	}

	@Bean
	BundleSearchCheckInterceptor bundleSearchCheckInterceptor(SearchCriteriaCheck check) {
		return new BundleSearchCheckInterceptor(check);
	}
}
