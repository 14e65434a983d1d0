package be.lungcare.fhir.validation;

import java.util.EnumSet;
import java.util.function.Supplier;
import org.hl7.fhir.common.hapi.validation.validator.FhirDefaultPolicyAdvisor;
import org.hl7.fhir.r5.model.ElementDefinition;
import org.hl7.fhir.r5.model.StructureDefinition;
import org.hl7.fhir.r5.utils.validation.IResourceValidator;

/**
 * A time budget for validation. HAPI's validator has no timeout; it asks its policy advisor about every element it
 * visits, so this advisor (otherwise HAPI's default) stops a validation that runs past the deadline of the request
 * on this thread. Without a deadline it changes nothing.
 */
final class ValidationBudget extends FhirDefaultPolicyAdvisor {

	/** Thrown out of the validator when the request's validation time is spent. */
	static final class Exceeded extends RuntimeException {
		private static final long serialVersionUID = 1L;

		Exceeded() {
			super("validation time budget spent", null, false, false);
		}
	}

	private static final ThreadLocal<Long> DEADLINE = new ThreadLocal<>();

	/**
	 * Runs {@code validation} on this thread with a deadline ({@link System#nanoTime()}): the validator stops at the
	 * first element it visits after the deadline.
	 */
	static <T> T within(long deadlineNanos, Supplier<T> validation) {
		Long outer = DEADLINE.get();
		DEADLINE.set(deadlineNanos);
		try {
			return validation.get();
		} finally {
			if (outer == null) {
				DEADLINE.remove();
			} else {
				DEADLINE.set(outer);
			}
		}
	}

	@Override
	public EnumSet<ElementValidationAction> policyForElement(IResourceValidator validator, Object appContext,
			StructureDefinition structure, ElementDefinition element, String path) {
		Long deadline = DEADLINE.get();
		if (deadline != null && System.nanoTime() - deadline > 0) {
			throw new Exceeded();
		}
		return super.policyForElement(validator, appContext, structure, element, path);
	}
}
