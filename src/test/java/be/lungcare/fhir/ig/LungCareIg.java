package be.lungcare.fhir.ig;

import be.lungcare.fhir.validation.OfflineValidatorFactory;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.IValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import ca.uhn.fhir.validation.ValidationOptions;
import ca.uhn.fhir.validation.ValidationResult;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Shared, lazily built, offline validator for the LungCare IG tests (the server's own, from
 * {@link OfflineValidatorFactory}): the compiled FHIR NPM package
 * ({@code classpath:ig/lungcare-ig.tgz}, built by SUSHI in generate-resources) on top of the R4 core
 * definitions, with in-memory terminology only (no remote terminology server, no network).
 * <p>
 * Code systems that are not available offline (SNOMED CT, LOINC, ICD-10, cd-hcparty...) give warnings,
 * not errors: codes in those systems are only checked against the value sets that enumerate them.
 */
final class LungCareIg {

	static final String PACKAGE_CLASSPATH = "classpath:ig/lungcare-ig.tgz";
	static final String CANONICAL = "https://fhir.lungcare.be";
	static final String PROFILE_PREFIX = CANONICAL + "/StructureDefinition/";

	private LungCareIg() {
	}

	static FhirContext fhirContext() {
		return FhirContext.forR4Cached();
	}

	/** The project base directory (surefire sets {@code basedir}; the working directory otherwise). */
	static Path baseDir() {
		return Path.of(System.getProperty("basedir", System.getProperty("user.dir")));
	}

	/** The validator, built once per JVM on first use (class-holder idiom: lazy and thread-safe). */
	static FhirValidator validator() {
		return Holder.VALIDATOR;
	}

	/** The validation support chain (package + core + terminology), for lookups of conformance resources. */
	static IValidationSupport validationSupport() {
		return Holder.SUPPORT;
	}

	/** Milliseconds it took to build the validator (package load only). */
	static long buildMillis() {
		return Holder.BUILD_MILLIS;
	}

	/**
	 * Milliseconds of the first (cold) validation: a minimal Patient against LungCarePatient, which loads the R4
	 * core definitions into the validator's worker context. Done once per JVM; later calls return the same value.
	 */
	static long coldValidationMillis() {
		return WarmUp.COLD_MILLIS;
	}

	static List<SingleValidationMessage> errors(ValidationResult result) {
		return result.getMessages().stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
				.collect(Collectors.toList());
	}

	static List<SingleValidationMessage> warnings(ValidationResult result) {
		return result.getMessages().stream()
				.filter(m -> m.getSeverity() == ResultSeverityEnum.WARNING)
				.collect(Collectors.toList());
	}

	static String describe(List<SingleValidationMessage> messages) {
		if (messages.isEmpty()) {
			return "  (no issues)";
		}
		return messages.stream()
				.map(m -> "  " + m.getSeverity() + " @ " + m.getLocationString() + ": " + m.getMessage())
				.collect(Collectors.joining("\n"));
	}

	private static final class WarmUp {
		static final long COLD_MILLIS;

		static {
			FhirValidator validator = validator();
			long start = System.nanoTime();
			validator.validateWithResult("{\"resourceType\":\"Patient\"}",
					new ValidationOptions().addProfile(PROFILE_PREFIX + "lungcare-patient"));
			COLD_MILLIS = (System.nanoTime() - start) / 1_000_000;
		}
	}

	private static final class Holder {
		static final IValidationSupport SUPPORT;
		static final FhirValidator VALIDATOR;
		static final long BUILD_MILLIS;

		static {
			long start = System.nanoTime();
			FhirContext ctx = fhirContext();

			// The same offline validator as the server's validation on write.
			IValidationSupport chain = OfflineValidatorFactory.supportChain(ctx, PACKAGE_CLASSPATH);
			FhirValidator validator = OfflineValidatorFactory.validator(ctx, chain);

			SUPPORT = chain;
			VALIDATOR = validator;
			BUILD_MILLIS = (System.nanoTime() - start) / 1_000_000;
		}
	}
}
