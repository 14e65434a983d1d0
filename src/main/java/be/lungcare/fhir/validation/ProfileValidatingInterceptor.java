package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.PayloadTooLargeException;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.interceptor.ValidationResultEnrichingInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validation on write: every create, update, patch result and transaction / batch entry passes
 * here just before it is stored. Errors reject the write with 422 and an OperationOutcome naming
 * the element and the rule (for a transaction, nothing of the bundle is stored); warnings are
 * kept for the response's OperationOutcome.
 */
@Interceptor(order = HookOrder.VALIDATION)
final class ProfileValidatingInterceptor implements StorageInterceptor {

	/**
	 * Request user-data key: the results of the bundle's one validation pass, by resource (identity): the messages
	 * of each entry's resource. A resource found here is not validated again when it is stored.
	 */
	private static final String BUNDLE_RESULTS = "lungcare.validation.bundle-results";
	/**
	 * Request user-data key: the full OperationOutcome of each batch entry refused here, by entry index. HAPI answers
	 * a refused batch entry with the exception's message only; {@link BatchEntryOutcomeInterceptor} puts these back.
	 */
	static final String REFUSED_BATCH_ENTRIES = "lungcare.validation.refused-batch-entries";
	/** Request user-data key: when the request's validation time is spent ({@link System#nanoTime()}). */
	private static final String DEADLINE = "lungcare.validation.deadline";
	/** Where a validation message of a bundle's entry sits: {@code Bundle.entry[3]...}. */
	private static final Pattern ENTRY = Pattern.compile("^Bundle\\.entry\\[(\\d+)\\]");

	private final FhirContext fhirContext;
	private final FhirValidator validator;
	private final ValidationPolicy policy;
	private final ValidationProperties.Mode mode;
	private final Duration timeBudget;

	ProfileValidatingInterceptor(FhirContext fhirContext, FhirValidator validator, ValidationPolicy policy,
			ValidationProperties.Mode mode, Duration timeBudget) {
		this.fhirContext = fhirContext;
		this.validator = validator;
		this.policy = policy;
		this.mode = mode;
		this.timeBudget = timeBudget;
	}

	/**
	 * A transaction or batch is validated in one pass over a copy of the bundle, in which each resource (and each
	 * resource it contains) declares the profiles the policy gives it (strict) or none (lenient): one validator run
	 * instead of one per entry (HAPI's per-run set-up is a large part of the cost). A transaction with an error is
	 * refused as a whole. A batch's results are kept per entry: HAPI then runs each entry as a transaction of one,
	 * and an entry with an error is refused alone, when it is stored. The resources covered are not validated again
	 * one by one; patch entries are, after the patch is applied.
	 */
	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void transaction(IBaseBundle bundle, RequestDetails request) {
		Bundle.BundleType type = ((Bundle) bundle).getType();
		if (mode == ValidationProperties.Mode.OFF || isInternal(request)
				|| (type != Bundle.BundleType.TRANSACTION && type != Bundle.BundleType.BATCH)
				|| request.getUserData().containsKey(BUNDLE_RESULTS)) {
			return; // not validated here, or a batch entry's own transaction: its batch was validated
		}
		// the copy has one entry per entry, so that a message's Bundle.entry[i] names the client's entry i
		Bundle copy = new Bundle().setType(type);
		Map<Integer, IBaseResource> byIndex = new HashMap<>();
		for (Bundle.BundleEntryComponent entry : ((Bundle) bundle).getEntry()) {
			Bundle.BundleEntryComponent copied = copy.addEntry().setRequest(entry.hasRequest() ? entry.getRequest().copy() : null);
			Resource resource = entry.getResource();
			if (resource == null || resource instanceof Binary || resource instanceof Parameters) {
				copied.setFullUrl(entry.getFullUrl());
				continue; // no resource, or a patch: validated once applied
			}
			Resource declared = resource.copy();
			if (mode == ValidationProperties.Mode.STRICT) {
				policy.declareProfiles(declared);
			} else {
				ValidationPolicy.removeProfiles(declared);
			}
			// an entry without fullUrl (allowed for a POST) gets one in the copy, so the validator does not object
			copied.setFullUrl(entry.hasFullUrl() ? entry.getFullUrl() : "urn:uuid:" + UUID.randomUUID()).setResource(declared);
			byIndex.put(copy.getEntry().size() - 1, resource);
		}
		if (byIndex.isEmpty()) {
			return;
		}
		ValidationResult result = run(copy, request);
		if (type == Bundle.BundleType.TRANSACTION && hasErrors(result)) {
			throw new UnprocessableEntityException(
					"The transaction does not conform: " + firstError(result), outcome(result));
		}
		Map<IBaseResource, EntryResult> byResource = new IdentityHashMap<>();
		byIndex.forEach((index, resource) -> byResource.put(resource, new EntryResult(index, new ArrayList<>())));
		for (SingleValidationMessage message : result.getMessages()) {
			Matcher entry = message.getLocationString() == null ? null : ENTRY.matcher(message.getLocationString());
			IBaseResource owner = entry != null && entry.find() ? byIndex.get(Integer.parseInt(entry.group(1))) : null;
			if (owner != null) {
				byResource.get(owner).messages().add(message);
			}
		}
		if (type == Bundle.BundleType.TRANSACTION) {
			ValidationResultEnrichingInterceptor.addValidationResultToRequestDetails(request, result);
		} else {
			request.getUserData().put(REFUSED_BATCH_ENTRIES, new ConcurrentHashMap<Integer, OperationOutcome>());
		}
		request.getUserData().put(BUNDLE_RESULTS, byResource);
	}

	/** The messages of one entry of a validated bundle, and where the entry is in the client's bundle. */
	private record EntryResult(int index, List<SingleValidationMessage> messages) {}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void created(IBaseResource resource, RequestDetails request) {
		validate(resource, request);
	}

	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void updated(IBaseResource previous, IBaseResource resource, RequestDetails request) {
		validate(resource, request);
	}

	private static boolean isInternal(RequestDetails request) {
		return request == null || request instanceof SystemRequestDetails; // e.g. IG installation: not client data
	}

	@SuppressWarnings("unchecked") // the map put under REFUSED_BATCH_ENTRIES by transaction()
	private void validate(IBaseResource resource, RequestDetails request) {
		if (mode == ValidationProperties.Mode.OFF || isInternal(request)) {
			return;
		}
		if (request.getUserData().get(BUNDLE_RESULTS) instanceof Map<?, ?> results
				&& results.get(resource) instanceof EntryResult entry) {
			ValidationResult entryResult = new ValidationResult(fhirContext, entry.messages());
			if (hasErrors(entryResult)) {
				OperationOutcome outcome = outcome(entryResult);
				if (request.getUserData().get(REFUSED_BATCH_ENTRIES) instanceof Map<?, ?> refused) {
					((Map<Integer, OperationOutcome>) refused).put(entry.index(), outcome);
				}
				throw new UnprocessableEntityException("The " + resource.fhirType() + " does not conform: "
						+ firstError(entryResult), outcome);
			}
			return; // a transaction's warnings are on the request already; a batch entry's are not reported
		}
		Resource copy = ((Resource) resource).copy();
		if (mode == ValidationProperties.Mode.STRICT) {
			policy.declareProfiles(copy); // declared and enforced profiles, also of contained resources
		} else {
			ValidationPolicy.removeProfiles(copy); // lenient: base FHIR only
		}
		ValidationResult result = run(copy, request);
		if (hasErrors(result)) {
			throw new UnprocessableEntityException(
					"The " + resource.fhirType() + " does not conform: " + firstError(result), outcome(result));
		}
		ValidationResultEnrichingInterceptor.addValidationResultToRequestDetails(request, result);
	}

	/** One validator run, within what is left of the request's validation time budget. */
	private ValidationResult run(IBaseResource resource, RequestDetails request) {
		long deadline = (Long) request.getUserData().computeIfAbsent(DEADLINE, k -> System.nanoTime() + timeBudget.toNanos());
		try {
			return ValidationBudget.within(deadline, () -> validator.validateWithResult(resource));
		} catch (ValidationBudget.Exceeded e) {
			throw new PayloadTooLargeException("Validating this request took longer than the limit of "
					+ timeBudget.toSeconds() + " s, so this resource (or bundle) was not stored. Split the request into smaller ones.");
		}
	}

	/** The validation messages as an OperationOutcome, errors first: its first issue is the rule that failed. */
	private static OperationOutcome outcome(ValidationResult result) {
		OperationOutcome outcome = (OperationOutcome) result.toOperationOutcome();
		outcome.getIssue().sort(Comparator.comparing(issue -> issue.getSeverity() == null ? Integer.MAX_VALUE
				: issue.getSeverity().ordinal()));
		return outcome;
	}

	private static boolean hasErrors(ValidationResult result) {
		return result.getMessages().stream().anyMatch(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal());
	}

	private static String firstError(ValidationResult result) {
		return result.getMessages().stream()
				.filter(m -> m.getSeverity().ordinal() >= ResultSeverityEnum.ERROR.ordinal())
				.map(m -> m.getLocationString() + ": " + m.getMessage())
				.findFirst()
				.orElse("");
	}
}
