package be.lungcare.fhir.audit;

import ca.uhn.fhir.rest.server.exceptions.BaseServerResponseException;

/** 503: the request's AuditEvents could not be stored, so its data is not sent. */
final class AuditUnavailableException extends BaseServerResponseException {

	private static final long serialVersionUID = 1L;

	AuditUnavailableException() {
		super(503, "The access could not be recorded in the audit trail, so it was not answered; try again later");
	}
}
