package be.lungcare.fhir.security;

import be.lungcare.fhir.errors.Problems;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * A request refused by the servlet filter before HAPI sees it: the status, the issue code, the message, and
 * where the problem is (an element of the body, a query parameter or a header).
 */
final class RejectedRequest extends Exception {

	private static final long serialVersionUID = 1L;

	private final int status;
	private final IssueType issueType;
	private final String expression;

	RejectedRequest(int status, IssueType issueType, String message, String expression) {
		super(message, null, false, false);
		this.status = status;
		this.issueType = issueType;
		this.expression = expression;
	}

	int status() {
		return status;
	}

	/** The element, parameter or header the problem is at, or null when it concerns the whole request. */
	String expression() {
		return expression;
	}

	OperationOutcome toOperationOutcome() {
		return Problems.outcome(issueType, getMessage(), expression);
	}
}
