package be.lungcare.fhir.research;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.binary.interceptor.BinaryStorageInterceptor;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.io.IOException;
import org.hl7.fhir.instance.model.api.IBaseBinary;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;

/**
 * HAPI's binary storage, for Binary resources only: their content (the export files) is kept in the binary storage
 * table and put back when a Binary is shown. The attachments of other resources stay in the resource, as without
 * binary storage (a request body is at most {@code LUNGCARE_SECURITY_MAX_REQUEST_BODY}). HAPI's interceptor walks
 * every resource written and every resource shown for binary content; shown resources other than Binary are not
 * walked here (a walk of each was 7 % of the query threads' CPU). A database in which other resources' content was
 * stored that way before (by HAPI's own interceptor) keeps HAPI's behaviour for every type ({@link #allTypes}).
 */
final class BinaryOnlyStorageInterceptor extends BinaryStorageInterceptor<IPrimitiveType<byte[]>> {

	private volatile boolean allTypes;

	BinaryOnlyStorageInterceptor(FhirContext fhirContext) {
		super(fhirContext);
	}

	/** Stores and shows the binary content of every resource type, as HAPI's interceptor does. */
	void allTypes() {
		allTypes = true;
	}

	private boolean handles(IBaseResource resource) {
		return allTypes || resource instanceof IBaseBinary;
	}

	@Override
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_CREATED)
	public void extractLargeBinariesBeforeCreate(RequestDetails request, TransactionDetails transaction,
			IBaseResource resource, Pointcut pointcut) throws IOException {
		if (handles(resource)) {
			super.extractLargeBinariesBeforeCreate(request, transaction, resource, pointcut);
		}
	}

	@Override
	@Hook(Pointcut.STORAGE_PRESTORAGE_RESOURCE_UPDATED)
	public void extractLargeBinariesBeforeUpdate(RequestDetails request, TransactionDetails transaction,
			IBaseResource previous, IBaseResource resource, Pointcut pointcut) throws IOException {
		if (handles(resource)) {
			super.extractLargeBinariesBeforeUpdate(request, transaction, previous, resource, pointcut);
		}
	}

	@Override
	@Hook(Pointcut.STORAGE_PRESHOW_RESOURCES)
	public void preShow(IPreResourceShowDetails details, RequestDetails request) throws IOException {
		for (IBaseResource resource : details) {
			if (resource != null && handles(resource)) {
				super.preShow(details, request);
				return;
			}
		}
	}
}
