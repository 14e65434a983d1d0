package be.lungcare.fhir.security;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request limits and the operation allow list. Every limit is checked before the work it bounds is done
 * (docs/hardening.md explains the figures).
 *
 * @param allowedOperations    FHIR operations the server answers; every other one ({@code $expunge},
 *                             {@code $reindex}, {@code $diff}, ...) is refused
 * @param maxRequestBody       largest request body accepted, as sent
 * @param maxDecompressedBody  largest request body after gzip decompression
 * @param maxBundleEntries     most entries in one Bundle, of any type
 * @param maxElements          most elements (JSON objects and values, XML elements and attributes) in one body
 * @param maxDepth             deepest nesting in one body
 * @param maxRepetitions       most repetitions of one element in one body (e.g. identifiers of a resource)
 * @param workInFlight         the elements of all the bodies being processed at once (a body byte weighs 1/200 of
 *                             an element); a request that would exceed it waits for its turn
 * @param workQueueLength      how many requests may wait for their turn; more get 503 at once
 * @param workQueueTimeout     how long a request waits for its turn before it gets 503
 */
@ConfigurationProperties("lungcare.security")
record SecurityProperties(
		@DefaultValue({"$validate", "$everything", "$meta", "$validate-code", "$lookup", "$translate", "$expand", "$export",
				"$export-poll-status", "$lungcare-indicators", "$lungcare-indicator-report", "$trigger-subscription"})
				List<String> allowedOperations,
		@DefaultValue("10MB") DataSize maxRequestBody,
		@DefaultValue("10MB") DataSize maxDecompressedBody,
		@DefaultValue("1000") int maxBundleEntries,
		@DefaultValue("50000") int maxElements,
		@DefaultValue("64") int maxDepth,
		@DefaultValue("1000") int maxRepetitions,
		@DefaultValue("100000") int workInFlight,
		@DefaultValue("32") int workQueueLength,
		@DefaultValue("30s") Duration workQueueTimeout) {

	Set<String> allowedOperationSet() {
		return Set.copyOf(allowedOperations);
	}

	BodyShapeScanner.Limits shapeLimits() {
		return new BodyShapeScanner.Limits(maxElements, maxDepth, maxRepetitions, maxBundleEntries);
	}
}
