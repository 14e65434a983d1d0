package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.StorageInterceptor;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.server.exceptions.UnprocessableEntityException;
import ca.uhn.fhir.rest.server.interceptor.ValidationResultEnrichingInterceptor;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Binary;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Parameters;
import org.hl7.fhir.r4.model.Resource;
import org.hl7.fhir.instance.model.api.IBaseResource;

/**
 * Validation on write: every create, update, patch result and transaction / batch entry passes
 * here just before it is stored. Errors reject the write with 422 and an OperationOutcome naming
 * the element and the rule (for a transaction, nothing of the bundle is stored); warnings are
 * kept for the response's OperationOutcome.
 */
@Interceptor
final class ProfileValidatingInterceptor implements StorageInterceptor {

	/** Request user-data key: the resources of the current transaction already validated with it. */
	private static final String VALIDATED_IN_BUNDLE = "lungcare.validation.validated-in-bundle";

	private final FhirContext fhirContext;
	private final FhirValidator validator;
	private final ValidationPolicy policy;
	private final ValidationProperties.Mode mode;

	ProfileValidatingInterceptor(
			FhirContext fhirContext, FhirValidator validator, ValidationPolicy policy, ValidationProperties.Mode mode) {
		this.fhirContext = fhirContext;
		this.validator = validator;
		this.policy = policy;
		this.mode = mode;
	}

	/**
	 * A transaction is validated in one pass over a copy of the bundle in which each resource
	 * declares the profiles the policy gives it: one validator run instead of one per entry
	 * (HAPI's per-run set-up is a large part of the cost). The resources covered are then not
	 * validated again one by one; patch entries are, after the patch is applied.
	 */
	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void transaction(IBaseBundle bundle, RequestDetails request) {
		if (mode != ValidationProperties.Mode.STRICT || isInternal(request)
				|| ((Bundle) bundle).getType() != Bundle.BundleType.TRANSACTION) {
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
			copy.getMeta().getProfile().clear();
			policy.profilesFor(resource).forEach(copy.getMeta()::addProfile);
			withPolicyProfiles.addEntry().setFullUrl(entry.getFullUrl()).setResource(copy).setRequest(entry.getRequest().copy());
			covered.add(resource);
		}
		if (covered.isEmpty()) {
			return;
		}
		ValidationResult result = validator.validateWithResult(withPolicyProfiles);
		if (hasErrors(result)) {
			throw new UnprocessableEntityException(
					"The transaction does not conform: " + firstError(result), result.toOperationOutcome());
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
		ValidationResult result = switch (mode) {
			case STRICT -> validateStrict(resource);
			case LENIENT -> validator.validateWithResult(withoutProfiles(resource));
			case OFF -> null;
		};
		if (result == null) {
			return;
		}
		if (hasErrors(result)) {
			throw new UnprocessableEntityException(
					"The " + resource.fhirType() + " does not conform: " + firstError(result), result.toOperationOutcome());
		}
		ValidationResultEnrichingInterceptor.addValidationResultToRequestDetails(request, result);
	}

	private ValidationResult validateStrict(IBaseResource resource) {
		Set<String> profiles = policy.profilesFor(resource);
		if (profiles.isEmpty()) {
			return validator.validateWithResult(resource); // base R4
		}
		ValidationOptions options = new ValidationOptions();
		profiles.forEach(options::addProfile);
		return validator.validateWithResult(resource, options);
	}

	private IBaseResource withoutProfiles(IBaseResource resource) {
		IBaseResource copy = fhirContext.newTerser().clone(resource);
		copy.getMeta().getProfile().clear();
		return copy;
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
