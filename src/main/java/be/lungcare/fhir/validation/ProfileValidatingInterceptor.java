package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
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
import ca.uhn.fhir.validation.ValidationResult;
import java.time.Duration;
import java.util.Collections;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.Set;
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

	/** Request user-data key: the resources of the current transaction already validated with it. */
	private static final String VALIDATED_IN_BUNDLE = "lungcare.validation.validated-in-bundle";
	/** Request user-data key: when the request's validation time is spent ({@link System#nanoTime()}). */
	private static final String DEADLINE = "lungcare.validation.deadline";

	private final FhirValidator validator;
	private final ValidationPolicy policy;
	private final ValidationProperties.Mode mode;
	private final Duration timeBudget;

	ProfileValidatingInterceptor(FhirValidator validator, ValidationPolicy policy, ValidationProperties.Mode mode,
			Duration timeBudget) {
		this.validator = validator;
		this.policy = policy;
		this.mode = mode;
		this.timeBudget = timeBudget;
	}

	/**
	 * A transaction is validated in one pass over a copy of the bundle in which each resource (and each resource
	 * it contains) declares the profiles the policy gives it: one validator run instead of one per entry (HAPI's
	 * per-run set-up is a large part of the cost). The resources covered are then not validated again one by
	 * one; patch entries are, after the patch is applied. A batch's entries are validated one by one as they are
	 * stored (HAPI runs each as a transaction of one entry, which is not validated as a bundle).
	 */
	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void transaction(IBaseBundle bundle, RequestDetails request) {
		if (mode != ValidationProperties.Mode.STRICT || isInternal(request)) {
			return;
		}
		Bundle.BundleType type = ((Bundle) bundle).getType();
		if (type == Bundle.BundleType.BATCH) {
			request.getUserData().put(VALIDATED_IN_BUNDLE, Boolean.FALSE); // entries follow as sub-transactions
			return;
		}
		if (type != Bundle.BundleType.TRANSACTION || request.getUserData().get(VALIDATED_IN_BUNDLE) == Boolean.FALSE) {
			return;
		}
		Bundle withPolicyProfiles = new Bundle().setType(Bundle.BundleType.TRANSACTION);
		Set<IBaseResource> covered = Collections.newSetFromMap(new IdentityHashMap<>());
		for (Bundle.BundleEntryComponent entry : ((Bundle) bundle).getEntry()) {
			Resource resource = entry.getResource();
			if (resource == null || resource instanceof Binary || resource instanceof Parameters) {
				continue; // no resource, or a patch: validated once applied
			}
			Resource copy = resource.copy();
			policy.declareProfiles(copy);
			withPolicyProfiles.addEntry().setFullUrl(entry.getFullUrl()).setResource(copy).setRequest(entry.getRequest().copy());
			covered.add(resource);
		}
		if (covered.isEmpty()) {
			return;
		}
		ValidationResult result = run(withPolicyProfiles, request);
		if (hasErrors(result)) {
			throw new UnprocessableEntityException(
					"The transaction does not conform: " + firstError(result), outcome(result));
		}
		ValidationResultEnrichingInterceptor.addValidationResultToRequestDetails(request, result);
		request.getUserData().put(VALIDATED_IN_BUNDLE, covered);
	}

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

	private void validate(IBaseResource resource, RequestDetails request) {
		if (mode == ValidationProperties.Mode.OFF || isInternal(request)) {
			return;
		}
		if (request.getUserData().get(VALIDATED_IN_BUNDLE) instanceof Set<?> covered && covered.contains(resource)) {
			return;
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
