package be.lungcare.fhir.validation;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.PrePopulatedValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.UnknownCodeSystemWarningValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.hl7.fhir.r5.utils.validation.constants.BestPracticeWarningLevel;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.springframework.core.io.ClassPathResource;

/**
 * The one offline validator of the project, used by the server (validation on write) and by the
 * profile tests: the LungCare IG package on top of the R4 core definitions, in-memory terminology
 * only. Codes of our own code systems and of value sets that enumerate their codes are checked
 * strictly; code systems without local content (SNOMED CT, LOINC, ICD-10, cd-hcparty) give
 * warnings. Nothing is ever fetched from the network.
 */
public final class OfflineValidatorFactory {

	private OfflineValidatorFactory() {}

	/** The validation support chain for a package on the classpath (tests and benchmark). */
	public static IValidationSupport supportChain(FhirContext context, String packageClasspath) {
		try (InputStream in = new ClassPathResource(packageClasspath.replaceFirst("^classpath:", "")).getInputStream()) {
			return supportChain(context, NpmPackage.fromPackage(in));
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot load the implementation guide package " + packageClasspath, e);
		}
	}

	/** The validation support chain: package, core, terminology; cached by HAPI's chain. */
	public static IValidationSupport supportChain(FhirContext context, NpmPackage guide) {
		PrePopulatedValidationSupport lungCarePackage = new PrePopulatedValidationSupport(context);
		try {
			for (String file : guide.list("package")) {
				if (file.endsWith(".json") && !file.equals("package.json") && !file.startsWith(".")) {
					try (InputStream in = guide.load("package", file)) {
						lungCarePackage.addResource(context.newJsonParser().parseResource(in));
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the implementation guide package", e);
		}
		UnknownCodeSystemWarningValidationSupport unknownCodeSystems = new UnknownCodeSystemWarningValidationSupport(context);
		unknownCodeSystems.setAllowNonExistentCodeSystem(true);
		unknownCodeSystems.setNonExistentCodeSystemSeverity(IValidationSupport.IssueSeverity.WARNING);

		ValidationSupportChain chain = new ValidationSupportChain(
				ValidationSupportChain.CacheConfiguration.defaultValues(),
				lungCarePackage,
				new DefaultProfileValidationSupport(context),
				new CommonCodeSystemsTerminologyService(context),
				new InMemoryTerminologyServerValidationSupport(context),
				new SnapshotGeneratingValidationSupport(context),
				unknownCodeSystems);
		// A required binding on a CodeableConcept is met when one coding is in the value set: the
		// lung-disease code carries an ICD-10 translation beside the SNOMED CT code.
		chain.setCodeableConceptValidationSuccessfulIfNotAllCodingsAreValid(true);
		return chain;
	}

	public static FhirValidator validator(FhirContext context, IValidationSupport supportChain) {
		return validator(context, new SingleWalkInstanceValidator(supportChain));
	}

	/**
	 * A validator around {@code instanceValidator}, with this project's settings: the server's, or HAPI's own
	 * {@link FhirInstanceValidator} to compare with (tests, validation benchmark).
	 */
	public static FhirValidator validator(FhirContext context, FhirInstanceValidator instanceValidator) {
		// Base FHIR allows extensions and profiles the server does not know (other systems' data): a warning, not an
		// error. An extension the server knows is still validated against its definition, and the LungCare
		// profiles' own rules still apply.
		instanceValidator.setAnyExtensionsAllowed(true);
		instanceValidator.setErrorForUnknownProfiles(false);
		// Best-practice rules (e.g. dom-6, "a resource should have narrative") never refuse a write.
		instanceValidator.setBestPracticeWarningLevel(BestPracticeWarningLevel.Ignore);
		// Asked about every element: stops a validation that runs past its request's time budget.
		instanceValidator.setValidatorPolicyAdvisor(new ValidationBudget());

		FhirValidator validator = context.newValidator();
		validator.setValidateAgainstStandardSchema(false);
		validator.setValidateAgainstStandardSchematron(false);
		validator.registerValidatorModule(instanceValidator);
		return validator;
	}
}
