package be.lungcare.fhir.validation;

import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.rest.api.EncodingEnum;
import ca.uhn.fhir.validation.IValidationContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.exceptions.FHIRException;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.hl7.fhir.r5.context.IWorkerContext;
import org.hl7.fhir.r5.elementmodel.Element;
import org.hl7.fhir.r5.elementmodel.Manager;
import org.hl7.fhir.r5.fhirpath.IHostApplicationServices;
import org.hl7.fhir.r5.model.Base;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.model.StructureDefinition.StructureDefinitionKind;
import org.hl7.fhir.r5.model.StructureDefinition.TypeDerivationRule;
import org.hl7.fhir.r5.utils.validation.ValidatorSession;
import org.hl7.fhir.r5.utils.validation.constants.IdStatus;
import org.hl7.fhir.r5.utils.xver.XVerExtensionManagerOld;
import org.hl7.fhir.utilities.i18n.I18nConstants;
import org.hl7.fhir.utilities.validation.ValidationMessage;
import org.hl7.fhir.validation.ValidatorSettings;
import org.hl7.fhir.validation.instance.InstanceValidator;
import org.hl7.fhir.validation.instance.ResourcePercentageLogger;
import org.hl7.fhir.validation.instance.utils.NodeStack;
import org.hl7.fhir.validation.instance.utils.ValidationContext;

/**
 * HAPI's instance validator with one walk per resource of a bundle instead of two.
 *
 * <p>For a resource inside a bundle (or contained), HAPI's validator walks the resource against the base definition of
 * its type and then against each profile it declares, although a constraint profile's snapshot holds every rule of
 * the base definition (FHIR lets a profile only narrow its base). Here a resource that declares a constraint profile of
 * its own type, which the server knows, is walked against that profile in place of the base definition; the walk of
 * the declared profile that follows finds its result cached by the validator and adds nothing. What the base walk also
 * does for a resource (the resource-type special checks, the language and security-label rules) still runs. Slice
 * and reference-target matching are unchanged. A resource on its own was already walked against its profiles only.
 *
 * <p>The settings are those of {@link FhirInstanceValidator}, whose setters configure this one; the resource goes to
 * the validator as the JSON HAPI encodes for it, as in HAPI. A resource given as text, or as XML, is validated by
 * HAPI's own path (the server always validates resources it has parsed).
 */
final class SingleWalkInstanceValidator extends FhirInstanceValidator {

	SingleWalkInstanceValidator(IValidationSupport validationSupport) {
		super(validationSupport);
	}

	@Override
	protected List<ValidationMessage> validate(IValidationContext<?> validationContext) {
		// a resource given as an object (HAPI's ValidationContext; text input has a context of its own, parsed only on
		// demand) and encoded as JSON; anything else goes HAPI's own way
		if (!(validationContext instanceof ca.uhn.fhir.validation.ValidationContext<?> ofResource)
				|| !(ofResource.getResource() instanceof IBaseResource resource)
				|| validationContext.getResourceAsStringEncoding() != EncodingEnum.JSON) {
			return super.validate(validationContext);
		}
		IWorkerContext worker = provideWorkerContext();
		InstanceValidator validator = newInstanceValidator(worker);

		Set<String> profileUrls = new LinkedHashSet<>(validationContext.getOptions().getProfiles());
		for (IPrimitiveType<String> declared : resource.getMeta().getProfile()) {
			profileUrls.add(declared.getValue());
		}
		List<StructureDefinition> profiles = new ArrayList<>();
		List<ValidationMessage> unknownProfiles = new ArrayList<>();
		for (String url : profileUrls) {
			StructureDefinition profile = knownProfile(worker, url);
			if (profile != null) {
				profiles.add(profile);
			} else {
				unknownProfiles.add(new ValidationMessage().setMessageId(I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN)
						.setLevel(ValidationMessage.IssueSeverity.ERROR)
						.setMessage("Invalid profile. Failed to retrieve profile with url=" + url));
			}
		}

		List<ValidationMessage> messages = new ArrayList<>();
		byte[] json = validationContext.getResourceAsString().getBytes(StandardCharsets.UTF_8);
		validator.validate(validationContext.getOptions().getAppContext(), messages, new ByteArrayInputStream(json),
				Manager.FhirFormat.JSON, profiles);
		if (profiles.isEmpty()) {
			messages.addAll(unknownProfiles);
		}
		messages.removeIf(SingleWalkInstanceValidator::isNoise);
		for (ValidationMessage message : messages) {
			if (I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN.equals(message.getMessageId())
					|| I18nConstants.VALIDATION_VAL_PROFILE_UNKNOWN_NOT_POLICY.equals(message.getMessageId())) {
				message.setLevel(isErrorForUnknownProfiles() ? ValidationMessage.IssueSeverity.ERROR
						: ValidationMessage.IssueSeverity.WARNING);
			}
		}
		return messages;
	}

	/** The profile with this canonical URL, or null when the server does not know it (or the URL is not one). */
	private static StructureDefinition knownProfile(IWorkerContext worker, String url) {
		try {
			return url == null ? null : worker.fetchResource(StructureDefinition.class, url);
		} catch (FHIRException e) {
			return null; // reported as an unknown profile (HAPI drops such a profile without a word)
		}
	}

	/** Messages HAPI's own wrapper drops: a binding without a source, the mime-type value set it does not ship. */
	private static boolean isNoise(ValidationMessage message) {
		String id = message.getMessageId();
		return I18nConstants.TERMINOLOGY_TX_BINDING_NOSOURCE.equals(id)
				|| (I18nConstants.TERMINOLOGY_TX_VALUESET_NOTFOUND.equals(id) && message.getMessage() != null
						&& message.getMessage().contains("http://hl7.org/fhir/ValueSet/mimetypes"));
	}

	private InstanceValidator newInstanceValidator(IWorkerContext worker) {
		IHostApplicationServices host = getHostApplicationServices() != null ? getHostApplicationServices()
				: new FhirInstanceValidator.NullEvaluationContext();
		InstanceValidator validator = new ProfileInPlaceOfBase(worker, host);
		validator.setAssumeValidRestReferences(isAssumeValidRestReferences());
		validator.setBestPracticeWarningLevel(getBestPracticeWarningLevel());
		validator.setAnyExtensionsAllowed(isAnyExtensionsAllowed());
		validator.setResourceIdRule(IdStatus.OPTIONAL);
		validator.setNoTerminologyChecks(isNoTerminologyChecks());
		validator.setErrorForUnknownProfiles(isErrorForUnknownProfiles());
		validator.setUnknownCodeSystemsCauseErrors(true); // as HAPI: the chain's unknown-code-system support decides
		validator.getExtensionDomains().addAll(getExtensionDomains());
		validator.setFetcher(getValidatorResourceFetcher());
		validator.setPolicyAdvisor(getValidatorPolicyAdvisor());
		validator.setNoExtensibleWarnings(isNoExtensibleWarnings());
		validator.setNoBindingMsgSuppressed(isNoBindingMsgSuppressed());
		validator.setAllowExamples(isAllowExamples());
		validator.setAllowXsiLocation(true);
		return validator;
	}

	/** The validator itself: a resource's walk against its base definition becomes the walk against its profile. */
	private static final class ProfileInPlaceOfBase extends InstanceValidator {

		ProfileInPlaceOfBase(IWorkerContext worker, IHostApplicationServices host) {
			super(worker, host, new XVerExtensionManagerOld(worker), new ValidatorSession(), new ValidatorSettings());
		}

		@Override
		public boolean startInner(ValidationContext valContext, List<ValidationMessage> errors, Element resource,
				Element element, StructureDefinition defn, NodeStack stack, boolean checkSpecials,
				ResourcePercentageLogger pct, Base.ValidationMode mode, boolean fromContained) {
			StructureDefinition walked = mode.getReason() == Base.ValidationReason.Validation
					? declaredProfileInPlaceOf(defn, element) : defn;
			return super.startInner(valContext, errors, resource, element, walked, stack, checkSpecials, pct, mode,
					fromContained);
		}

		/**
		 * The first profile {@code element} declares that constrains the base definition {@code defn} and is known
		 * with a snapshot; otherwise {@code defn} itself.
		 */
		private StructureDefinition declaredProfileInPlaceOf(StructureDefinition defn, Element element) {
			if (defn.getDerivation() != TypeDerivationRule.SPECIALIZATION || defn.getKind() != StructureDefinitionKind.RESOURCE
					|| !defn.getType().equals(element.fhirType())) {
				return defn;
			}
			Element meta = element.getNamedChild("meta", false);
			if (meta == null) {
				return defn;
			}
			for (Element declared : meta.getChildrenByName("profile")) {
				StructureDefinition profile = knownProfile(context, declared.primitiveValue());
				if (profile != null && profile.getDerivation() == TypeDerivationRule.CONSTRAINT
						&& defn.getType().equals(profile.getType()) && profile.hasSnapshot()) {
					return profile;
				}
			}
			return defn;
		}
	}
}
