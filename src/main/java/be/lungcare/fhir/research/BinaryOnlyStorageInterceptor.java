package be.lungcare.fhir.research;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.jpa.binary.interceptor.BinaryStorageInterceptor;
import ca.uhn.fhir.rest.api.server.IPreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import ca.uhn.fhir.rest.api.server.SimplePreResourceShowDetails;
import ca.uhn.fhir.rest.api.server.storage.TransactionDetails;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBinary;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.instance.model.api.IPrimitiveType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * HAPI's binary storage, for Binary resources only: their content (the export files) is kept in the binary storage
 * table and put back when a Binary is shown. The attachments of other resources stay in the resource, as without
 * binary storage (a request body is at most {@code LUNGCARE_SECURITY_MAX_REQUEST_BODY}). HAPI's interceptor walks
 * every resource written and every resource shown for binary content; shown resources other than Binary are not
 * walked here (a walk of each was 7 % of the query threads' CPU). A database in which other resources' content was
 * stored that way before (by HAPI's own interceptor) keeps HAPI's behaviour for every type ({@link #storeEveryType}).
 */
final class BinaryOnlyStorageInterceptor extends BinaryStorageInterceptor<IPrimitiveType<byte[]>> {

	private volatile boolean everyType;

	BinaryOnlyStorageInterceptor(FhirContext fhirContext) {
		super(fhirContext);
	}

	/** Stores and shows the binary content of every resource type, as HAPI's interceptor does. */
	void storeEveryType() {
		everyType = true;
	}

	/** Whether the binary storage table holds content of resources other than Binary (stored by HAPI's interceptor). */
	static boolean otherTypesStored(JdbcTemplate jdbc) {
		return !jdbc.queryForList("SELECT RESOURCE_ID FROM HFJ_BINARY_STORAGE_BLOB WHERE RESOURCE_ID NOT LIKE 'Binary/%' LIMIT 1",
				String.class).isEmpty();
	}

	private boolean handles(IBaseResource resource) {
		return everyType || resource instanceof IBaseBinary;
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
		List<IBaseResource> handled = new ArrayList<>();
		for (IBaseResource resource : details) {
			if (resource != null && handles(resource)) {
				handled.add(resource);
			}
		}
		if (!handled.isEmpty()) {
			super.preShow(new SimplePreResourceShowDetails(handled), request); // fills in the same objects
		}
	}
}
