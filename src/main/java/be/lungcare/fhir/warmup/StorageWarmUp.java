package be.lungcare.fhir.warmup;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.jpa.api.dao.DaoRegistry;
import ca.uhn.fhir.jpa.api.dao.IFhirResourceDao;
import ca.uhn.fhir.jpa.api.dao.IFhirSystemDao;
import ca.uhn.fhir.jpa.searchparam.SearchParameterMap;
import ca.uhn.fhir.model.api.Include;
import ca.uhn.fhir.parser.IParser;
import ca.uhn.fhir.rest.api.SortOrderEnum;
import ca.uhn.fhir.rest.api.SortSpec;
import ca.uhn.fhir.rest.api.server.IBundleProvider;
import ca.uhn.fhir.rest.api.server.SystemRequestDetails;
import ca.uhn.fhir.rest.param.ReferenceParam;
import ca.uhn.fhir.rest.param.TokenParam;
import ca.uhn.fhir.util.FhirTerser;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;
import java.util.UUID;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.IdType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Meta;
import org.hl7.fhir.r4.model.Observation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes the implementation guide's example bundles and reads them back (reads and the searches of a care
 * network: a patient's resources, the latest result of a kind, a care plan with its team, a practitioner's care
 * teams), each pass in one database transaction that is rolled back: no resource, AuditEvent or notification is
 * stored, and the next pass writes the same data again. Sequence numbers are not rolled back (each pass uses up some
 * resource ids) and PostgreSQL keeps the rolled-back rows as dead rows until vacuumed.
 * <p>
 * Every identifier system of the examples is replaced by one of this run's own ({@code urn:lungcare:warm-up:...}),
 * in the identifiers and in the conditional URLs alike: a conditional create or update of the warm-up never matches
 * stored data, so it neither locks nor reads a real patient's records. Client-facing checks (validation, access,
 * audit) are not exercised: they are request interceptors, and validation has its own warm-up.
 */
final class StorageWarmUp {

	private static final Logger log = LoggerFactory.getLogger(StorageWarmUp.class);
	/** Types searched by patient: what a care-network client asks of one patient. */
	private static final List<String> BY_PATIENT = List.of("Condition", "Observation", "CarePlan", "CareTeam", "Goal",
			"MedicationRequest");

	private final FhirContext fhirContext;
	private final List<IBaseResource> examples;
	private final IFhirSystemDao<Bundle, Meta> systemDao;
	private final DaoRegistry daos;
	private final TransactionTemplate rolledBack;

	StorageWarmUp(FhirContext fhirContext, List<IBaseResource> examples, IFhirSystemDao<Bundle, Meta> systemDao,
			DaoRegistry daos, PlatformTransactionManager transactions) {
		this.fhirContext = fhirContext;
		this.examples = examples;
		this.systemDao = systemDao;
		this.daos = daos;
		this.rolledBack = new TransactionTemplate(transactions);
	}

	/**
	 * Passes over the example bundles until {@code duration} is spent (at least one). A failure ends the warm-up and
	 * is logged: the server works without it, only slower at first.
	 *
	 * @return the passes completed
	 */
	int run(Duration duration) {
		long start = System.nanoTime();
		long until = start + duration.toNanos();
		int passes = 0;
		try {
			List<String> bundles = isolated(examples);
			if (bundles.isEmpty()) {
				log.warn("No example bundles in the implementation guide: storage warm-up skipped");
				return 0;
			}
			do {
				for (String bundle : bundles) {
					rolledBack.executeWithoutResult(status -> {
						status.setRollbackOnly();
						writeAndRead(bundle);
					});
				}
				passes++;
			} while (System.nanoTime() < until);
			log.info("Storage and search paths warmed up in {} ms ({} passes over the {} example bundles, rolled back)",
					(System.nanoTime() - start) / 1_000_000, passes, bundles.size());
		} catch (RuntimeException e) {
			log.warn("Storage warm-up stopped after {} passes", passes, e);
		}
		return passes;
	}

	/** The example bundles as JSON, their identifier systems replaced by this run's own. */
	private List<String> isolated(List<IBaseResource> resources) {
		IParser json = fhirContext.newJsonParser();
		List<Bundle> bundles = resources.stream().filter(Bundle.class::isInstance).map(Bundle.class::cast).toList();
		// longest first, so that a system that is a prefix of another (nihdi, nihdi-organization) is not replaced inside it
		TreeSet<String> systems = new TreeSet<>(Comparator.comparingInt(String::length).reversed().thenComparing(s -> s));
		FhirTerser terser = fhirContext.newTerser();
		for (Bundle bundle : bundles) {
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) { // the terser does not go into entries' resources
				if (entry.getResource() != null) {
					terser.getAllPopulatedChildElementsOfType(entry.getResource(), Identifier.class).stream()
							.filter(Identifier::hasSystem).forEach(identifier -> systems.add(identifier.getSystem()));
				}
			}
		}
		String run = "urn:lungcare:warm-up:" + UUID.randomUUID() + ":";
		List<String> isolated = new ArrayList<>();
		for (Bundle bundle : bundles) {
			String text = json.encodeResourceToString(bundle);
			int i = 0;
			for (String system : systems) {
				text = text.replace(system, run + i++);
			}
			isolated.add(text);
		}
		return isolated;
	}

	private void writeAndRead(String json) {
		IParser parser = fhirContext.newJsonParser();
		Bundle request = parser.parseResource(Bundle.class, json);
		Bundle response = systemDao.transactionNested(new SystemRequestDetails(), request);
		List<IdType> stored = new ArrayList<>();
		response.getEntry().forEach(entry -> stored.add(new IdType(entry.getResponse().getLocation()).toVersionless()));
		for (IdType id : stored) {
			parser.encodeResourceToString(daos.getResourceDao(id.getResourceType()).read(id, new SystemRequestDetails()));
		}
		for (IdType patient : ofType(stored, "Patient")) {
			for (String type : BY_PATIENT) {
				searchAndEncode(parser, type, SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient.getValue())));
			}
			SearchParameterMap carePlans = SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient.getValue()));
			carePlans.addInclude(new Include("CarePlan:care-team"));
			searchAndEncode(parser, "CarePlan", carePlans);
			for (Bundle.BundleEntryComponent entry : request.getEntry()) {
				if (entry.getResource() instanceof Observation observation && observation.getCode().hasCoding()) {
					SearchParameterMap latest = SearchParameterMap.newSynchronous("patient", new ReferenceParam(patient.getValue()))
							.add("code", new TokenParam(observation.getCode().getCodingFirstRep().getSystem(),
									observation.getCode().getCodingFirstRep().getCode()));
					latest.setSort(new SortSpec("date", SortOrderEnum.DESC));
					latest.setCount(1);
					searchAndEncode(parser, "Observation", latest);
				}
			}
		}
		for (IdType practitioner : ofType(stored, "Practitioner")) {
			searchAndEncode(parser, "CareTeam", SearchParameterMap.newSynchronous("participant", new ReferenceParam(practitioner.getValue())));
		}
	}

	private void searchAndEncode(IParser parser, String type, SearchParameterMap search) {
		IFhirResourceDao<?> dao = daos.getResourceDao(type);
		IBundleProvider found = dao.search(search, new SystemRequestDetails());
		for (IBaseResource resource : found.getResources(0, 50)) {
			parser.encodeResourceToString(resource);
		}
	}

	private static List<IdType> ofType(List<IdType> ids, String type) {
		return ids.stream().filter(id -> type.equals(id.getResourceType())).toList();
	}
}
