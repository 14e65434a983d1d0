package be.lungcare.fhir.validation;

import be.lungcare.fhir.config.HookOrder;
import be.lungcare.fhir.config.StorageInterceptor;
import be.lungcare.fhir.errors.Problems;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.util.ResourceReferenceInfo;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseBundle;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;
import org.hl7.fhir.r4.model.Resource;

/**
 * What HAPI does not check in a transaction or batch, checked before any entry of a transaction runs, and before
 * each entry of a batch runs (400, or 422 for a self-reference, naming the entry's element):
 * <ul>
 * <li>the Bundle has a type (HAPI would treat a Bundle without one as a transaction);</li>
 * <li>each entry has a method and a URL, and the URL names the type of the entry's resource (HAPI stores the
 * resource under its own type, whatever the URL says);</li>
 * <li>a PUT's resource id, when present, is the id in the URL (HAPI silently overwrites it);</li>
 * <li>no resource refers to itself through its own {@code fullUrl} (HAPI recurses without end on it).</li>
 * </ul>
 */
@Interceptor(order = HookOrder.STORAGE_CHECKS)
final class BundleRequestCheckInterceptor implements StorageInterceptor {

	private final FhirContext fhirContext;

	BundleRequestCheckInterceptor(FhirContext fhirContext) {
		this.fhirContext = fhirContext;
	}

	@Hook(Pointcut.STORAGE_TRANSACTION_PROCESSING)
	public void check(IBaseBundle theBundle) {
		Bundle bundle = (Bundle) theBundle;
		if (bundle.getType() == null) {
			throw Problems.invalid("Bundle.type is required: transaction or batch", "Bundle.type");
		}
		if (bundle.getType() == Bundle.BundleType.BATCH) {
			return; // HAPI runs each entry as a transaction of one, checked here: a bad entry fails alone
		}
		List<Bundle.BundleEntryComponent> entries = bundle.getEntry();
		for (int i = 0; i < entries.size(); i++) {
			checkEntry(entries.get(i), "Bundle.entry[" + i + "]");
		}
	}

	private void checkEntry(Bundle.BundleEntryComponent entry, String path) {
		Bundle.BundleEntryRequestComponent request = entry.getRequest();
		if (request.getMethod() == null) {
			throw Problems.invalid(path + ".request.method is required", path + ".request.method");
		}
		if (!request.hasUrl()) {
			throw Problems.invalid(path + ".request.url is required", path + ".request.url");
		}
		Resource resource = entry.getResource();
		Bundle.HTTPVerb method = request.getMethod();
		if (resource == null || (method != Bundle.HTTPVerb.POST && method != Bundle.HTTPVerb.PUT)) {
			return;
		}
		String url = decodedPath(request.getUrl(), path);
		int end = url.length();
		for (char separator : new char[] {'/', '?'}) {
			int at = url.indexOf(separator);
			if (at >= 0) {
				end = Math.min(end, at);
			}
		}
		String type = url.substring(0, end);
		if (!type.equals(resource.fhirType())) {
			throw Problems.invalid(path + ".request.url names the type '" + type + "' but the entry's resource is a "
					+ resource.fhirType(), path + ".request.url");
		}
		if (method == Bundle.HTTPVerb.PUT && end < url.length() && url.charAt(end) == '/' && resource.hasIdElement()
				&& resource.getIdElement().getIdPart() != null) {
			String urlId = url.substring(end + 1).split("[/?]", 2)[0];
			if (!urlId.equals(resource.getIdElement().getIdPart())) {
				throw Problems.invalid(path + ".resource.id '" + resource.getIdElement().getIdPart()
						+ "' is not the id in its request.url '" + urlId + "'", path + ".resource.id");
			}
		}
		if (entry.hasFullUrl()) {
			for (ResourceReferenceInfo reference : fhirContext.newTerser().getAllResourceReferences(resource)) {
				String target = reference.getResourceReference().getReferenceElement().getValue();
				if (entry.getFullUrl().equals(target)) {
					throw Problems.unprocessable(IssueType.INVALID, path + ".resource." + reference.getName()
							+ " refers to the resource itself (" + target + ")", path + ".resource." + reference.getName());
				}
			}
		}
	}

	private static String decodedPath(String url, String path) {
		try {
			return URLDecoder.decode(url.replace("+", "%2B"), StandardCharsets.UTF_8);
		} catch (IllegalArgumentException e) {
			throw Problems.invalid(path + ".request.url has an invalid percent-encoding", path + ".request.url");
		}
	}
}
