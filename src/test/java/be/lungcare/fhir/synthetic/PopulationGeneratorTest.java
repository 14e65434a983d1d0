package be.lungcare.fhir.synthetic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import be.lungcare.fhir.validation.OfflineValidatorFactory;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CareTeam;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Condition;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Resource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The synthetic population generator: reproducible, conformant to the LungCare profiles (the server's strict
 * offline validator), with valid and unique Belgian identifiers and a plausible disease mix.
 */
class PopulationGeneratorTest {

	private static final long SEED = 20260630L;
	private static final FhirContext CTX = FhirContext.forR4Cached();
	private static final String SSIN = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/ssin";
	private static final String NIHDI = "https://www.ehealth.fgov.be/standards/fhir/core/NamingSystem/nihdi";
	private static final String PROFILES = "https://fhir.lungcare.be/StructureDefinition/";
	private static final String DISEASE_GROUP = "https://fhir.lungcare.be/CodeSystem/lungcare-disease-group";
	/** What the server enforces by default (ValidationProperties): these types must declare their profile. */
	private static final Map<String, String> ENFORCED = Map.of("Patient", PROFILES + "lungcare-patient",
			"CareTeam", PROFILES + "lungcare-care-team", "CarePlan", PROFILES + "lungcare-care-plan",
			"Condition", PROFILES + "lungcare-condition");
	/** Resource types with a LungCare profile. */
	private static final Set<String> PROFILED = Set.of("Patient", "Practitioner", "PractitionerRole", "Organization",
			"RelatedPerson", "Condition", "CareTeam", "CarePlan", "Goal", "Observation");

	/** The 1,000-patient population of the mix checks, generated once. */
	private static List<Bundle> thousand;
	private static long thousandMillis;

	@BeforeAll
	static void generateThousand() {
		Terminology.get(); // IG package read once, outside the timing
		long start = System.nanoTime();
		thousand = new ArrayList<>();
		new PopulationGenerator(SEED).bundles(1_000, 5).forEachRemaining(thousand::add);
		thousandMillis = (System.nanoTime() - start) / 1_000_000;
	}

	@Test
	void sameSeedGivesByteIdenticalJsonAndAnotherSeedDoesNot() {
		List<String> first = json(SEED, 20, 5);
		assertThat(json(SEED, 20, 5)).isEqualTo(first);
		assertThat(json(SEED + 1, 20, 5)).isNotEqualTo(first);
		assertThat(new PopulationGenerator(SEED).practitionerNihdis())
				.isEqualTo(new PopulationGenerator(SEED).practitionerNihdis())
				.isNotEqualTo(new PopulationGenerator(SEED + 1).practitionerNihdis());
		// the first bundles do not depend on how many patients follow (apart from the pool's size)
		assertThat(json(SEED, 10, 5)).isEqualTo(first.subList(0, 2));
	}

	@Test
	void bundlesHoldTheRequestedPatientsLazily() {
		Iterator<Bundle> bundles = new PopulationGenerator(SEED).bundles(12, 5);
		List<Integer> patients = new ArrayList<>();
		bundles.forEachRemaining(b -> patients.add(resources(b, Patient.class).size()));
		assertThat(patients).containsExactly(5, 5, 2);
		assertThat(new PopulationGenerator(SEED).bundles(0, 5).hasNext()).isFalse();
	}

	@Test
	void everyBundleValidatesWithoutErrorsAgainstTheLungCareProfiles() {
		// enough patients to meet the rarer branches (German speakers, onset in childhood, ...)
		int patients = 200;
		FhirValidator validator = OfflineValidatorFactory.validator(CTX,
				OfflineValidatorFactory.supportChain(CTX, "classpath:" + IgPackage.LOCATION));
		List<String> problems = new ArrayList<>();
		int entries = 0;
		long start = System.nanoTime();
		for (Iterator<Bundle> it = new PopulationGenerator(SEED).bundles(patients, 5); it.hasNext();) {
			Bundle bundle = it.next();
			entries += bundle.getEntry().size();
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				Resource resource = entry.getResource();
				List<String> profiles = resource.getMeta().getProfile().stream().map(CanonicalType::getValue).toList();
				String enforced = ENFORCED.get(resource.fhirType());
				if (enforced != null && !profiles.contains(enforced)) {
					problems.add(entry.getFullUrl() + " " + resource.fhirType() + " does not declare " + enforced);
				}
				if (PROFILED.contains(resource.fhirType()) && profiles.stream().noneMatch(p -> p.startsWith(PROFILES))) {
					problems.add(entry.getFullUrl() + " " + resource.fhirType() + " declares no LungCare profile");
				}
			}
			for (SingleValidationMessage message : validator.validateWithResult(bundle).getMessages()) {
				if (message.getSeverity() == ResultSeverityEnum.ERROR || message.getSeverity() == ResultSeverityEnum.FATAL) {
					problems.add(message.getSeverity() + " @ " + message.getLocationString() + ": " + message.getMessage());
				}
			}
		}
		System.out.printf("[synthetic] %d patients, %d entries validated in %d ms%n", patients, entries,
				(System.nanoTime() - start) / 1_000_000);
		assertThat(problems).as("validation errors:%n%s", String.join("\n", problems)).isEmpty();
	}

	@Test
	void transactionsUseConditionalReferencesLikeTheExamples() {
		PopulationGenerator generator = new PopulationGenerator(SEED);
		List<Bundle> bundles = new ArrayList<>();
		generator.bundles(100, 5).forEachRemaining(bundles::add);
		Set<String> pool = Set.copyOf(generator.practitionerNihdis());
		Set<String> fullUrls = new HashSet<>();
		List<String> problems = new ArrayList<>();
		for (Bundle bundle : bundles) {
			assertThat(bundle.getType()).isEqualTo(Bundle.BundleType.TRANSACTION);
			Set<String> inBundle = new HashSet<>();
			Set<String> practitionersInBundle = new HashSet<>();
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				String url = entry.getFullUrl();
				if (!url.matches("urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}") || !fullUrls.add(url)) {
					problems.add("fullUrl not a fresh urn:uuid: " + url);
				}
				inBundle.add(url);
				Bundle.BundleEntryRequestComponent request = entry.getRequest();
				Resource resource = entry.getResource();
				if (resource instanceof Patient patient) {
					String query = "Patient?identifier=" + SSIN + "|" + patient.getIdentifierFirstRep().getValue();
					if (request.getMethod() != Bundle.HTTPVerb.PUT || !request.getUrl().equals(query)) {
						problems.add("patient not a conditional PUT: " + request.getUrl());
					}
				} else if (resource.fhirType().equals("Practitioner") || resource.fhirType().equals("Organization")) {
					if (request.getMethod() != Bundle.HTTPVerb.POST || !request.getIfNoneExist().startsWith("identifier=")) {
						problems.add(resource.fhirType() + " not a conditional create");
					}
					if (resource instanceof org.hl7.fhir.r4.model.Practitioner practitioner) {
						String nihdi = practitioner.getIdentifierFirstRep().getValue();
						if (!request.getIfNoneExist().equals("identifier=" + NIHDI + "|" + nihdi)
								|| !practitionersInBundle.add(nihdi) || !pool.contains(nihdi)) {
							problems.add("practitioner " + nihdi + ": wrong query, twice in a bundle or not in the pool");
						}
					}
				} else if (request.getMethod() != Bundle.HTTPVerb.POST || request.hasIfNoneExist()) {
					problems.add(resource.fhirType() + " not a plain POST");
				}
			}
			for (CareTeam team : resources(bundle, CareTeam.class)) {
				for (CareTeam.CareTeamParticipantComponent participant : team.getParticipant()) {
					Identifier id = participant.getMember().getIdentifier();
					if (id.hasValue() && !(NIHDI.equals(id.getSystem()) && pool.contains(id.getValue()))) {
						problems.add("care-team member " + id.getValue() + " is not from the pool");
					}
				}
			}
			// every reference points into the bundle
			CTX.newTerser().getAllPopulatedChildElementsOfType(bundle, org.hl7.fhir.r4.model.Reference.class).stream()
					.filter(org.hl7.fhir.r4.model.Reference::hasReference)
					.filter(r -> !inBundle.contains(r.getReference()))
					.forEach(r -> problems.add("dangling reference " + r.getReference()));
		}
		assertThat(problems).as(String.join("\n", problems)).isEmpty();
	}

	@Test
	void ssinsAreValidAndUniqueOverTenThousandPatients() {
		List<String> ssins = new PopulationGenerator(SEED).ssins(10_000);
		assertThat(ssins).hasSize(10_000).doesNotHaveDuplicates();
		assertThat(ssins).allSatisfy(ssin -> assertThat(checkDigitsValid(ssin)).as(ssin).isTrue());
		assertThat(ssins.stream().filter(s -> Integer.parseInt(s.substring(0, 2)) <= 26)).as("born from 2000 on")
				.isNotEmpty();
		// the fast path gives the same SSINs as the bundles
		assertThat(resources(thousand.get(0), Patient.class).stream().map(p -> p.getIdentifierFirstRep().getValue()))
				.containsExactlyElementsOf(new PopulationGenerator(SEED).ssins(5));
	}

	@Test
	void birthDateAndGenderMatchTheSsin() {
		for (Bundle bundle : thousand) {
			for (Patient patient : resources(bundle, Patient.class)) {
				String ssin = patient.getIdentifierFirstRep().getValue();
				LocalDate birth = LocalDate.parse(patient.getBirthDateElement().getValueAsString());
				assertThat(ssin.substring(0, 6)).as(ssin)
						.isEqualTo(String.format("%02d%02d%02d", birth.getYear() % 100, birth.getMonthValue(), birth.getDayOfMonth()));
				boolean odd = Integer.parseInt(ssin.substring(6, 9)) % 2 == 1;
				assertThat(patient.getGender().toCode()).as(ssin).isEqualTo(odd ? "male" : "female");
				String nine = (birth.getYear() >= 2000 ? "2" : "") + ssin.substring(0, 9);
				assertThat(97 - new BigInteger(nine).mod(BigInteger.valueOf(97)).intValue())
						.as("check digits of %s with the rule of its century", ssin)
						.isEqualTo(Integer.parseInt(ssin.substring(9)));
			}
		}
	}

	@Test
	void practitionerPoolHasValidUniqueNihdiNumbersAndScales() {
		PopulationGenerator generator = new PopulationGenerator(SEED);
		List<String> minimal = generator.practitionerNihdis();
		assertThat(minimal).hasSize(PractitionerPool.MIN_PRACTITIONERS);
		generator.bundles(10_000, 5);
		List<String> large = generator.practitionerNihdis();
		assertThat(large).hasSize(500).doesNotHaveDuplicates().startsWith(minimal.toArray(String[]::new));
		assertThat(large).allSatisfy(nihdi -> assertThat(nihdi).matches("\\d{11}")
				.satisfies(n -> assertThat(Integer.parseInt(n.substring(6, 8)))
						.isEqualTo(97 - Integer.parseInt(n.substring(0, 6)) % 97)));
		List<PractitionerPool.Organisation> organisations = PractitionerPool.forPatients(SEED, 10_000).organisations();
		assertThat(organisations).hasSize(100);
		assertThat(organisations).allSatisfy(o -> {
			assertThat(Cbe.isValid(o.cbe())).as(o.cbe()).isTrue();
			if (o.nihdi() != null) {
				assertThat(o.nihdi()).matches("\\d{8}(\\d{3})?");
				assertThat(Nihdi.isValid(o.nihdi())).as(o.nihdi()).isTrue();
			}
		});
	}

	@Test
	void diseaseMixIsPlausible() {
		Map<String, Integer> patientsByGroup = new TreeMap<>();
		int patients = 0;
		int multimorbid = 0;
		int resources = 0;
		Map<String, Integer> byType = new TreeMap<>();
		for (Bundle bundle : thousand) {
			resources += bundle.getEntry().size();
			bundle.getEntry().forEach(e -> byType.merge(e.getResource().fhirType(), 1, Integer::sum));
			Map<String, LocalDate> births = new HashMap<>();
			Map<String, List<Condition>> conditions = new TreeMap<>();
			for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
				if (entry.getResource() instanceof Patient patient) {
					births.put(entry.getFullUrl(), LocalDate.parse(patient.getBirthDateElement().getValueAsString()));
				} else if (entry.getResource() instanceof Condition condition) {
					conditions.computeIfAbsent(condition.getSubject().getReference(), k -> new ArrayList<>()).add(condition);
				}
			}
			patients += births.size();
			assertThat(conditions.keySet()).as("every patient has a condition").isEqualTo(births.keySet());
			for (Map.Entry<String, List<Condition>> patient : conditions.entrySet()) {
				Set<String> groups = patient.getValue().stream().flatMap(c -> c.getCategory().stream())
						.flatMap(c -> c.getCoding().stream()).filter(c -> DISEASE_GROUP.equals(c.getSystem()))
						.map(Coding::getCode).map(g -> g.equals("severe-type2-asthma") ? "asthma" : g)
						.collect(Collectors.toSet());
				groups.forEach(g -> patientsByGroup.merge(g, 1, Integer::sum));
				if (patient.getValue().size() >= 2) {
					multimorbid++;
				}
				int age = Period.between(births.get(patient.getKey()), PopulationGenerator.REFERENCE_DATE).getYears();
				if (groups.contains("copd") || groups.contains("aco")) {
					assertThat(age).as("age of a COPD patient").isGreaterThanOrEqualTo(40);
				}
			}
		}
		double perPatient = (double) resources / patients;
		System.out.printf("[synthetic] 1000 patients in %d ms: %d resources (%.1f per patient), %.0f %% multimorbid,"
				+ " patients by disease group %s, resources by type %s%n", thousandMillis, resources, perPatient,
				100.0 * multimorbid / patients, patientsByGroup, byType);

		assertThat(patients).isEqualTo(1_000);
		int asthma = patientsByGroup.get("asthma");
		patientsByGroup.forEach((group, count) -> assertThat(asthma).as("asthma vs %s", group).isGreaterThanOrEqualTo(count));
		assertThat(patientsByGroup.get("copd")).isGreaterThan(100);
		assertThat(patientsByGroup).containsKeys("crswnp", "atopic-dermatitis", "allergic-rhinitis", "aco", "bronchiectasis");
		assertThat((double) multimorbid / patients).isGreaterThanOrEqualTo(0.20);
		assertThat(perPatient).isBetween(25.0, 40.0);
	}

	@Test
	void observationsAreConsistentWithTheConditions() {
		for (Bundle bundle : thousand) {
			Map<String, Integer> goldGrade = new HashMap<>();
			for (Condition condition : resources(bundle, Condition.class)) {
				condition.getStage().stream().flatMap(s -> s.getSummary().getCoding().stream())
						.filter(c -> c.getSystem().endsWith("lungcare-gold-grade"))
						.forEach(c -> goldGrade.put(condition.getSubject().getReference(),
								Integer.parseInt(c.getCode().substring(5))));
			}
			for (Observation observation : resources(bundle, Observation.class)) {
				String profile = observation.getMeta().getProfile().get(0).getValue();
				if (observation.hasValueQuantity()) {
					int value = observation.getValueQuantity().getValue().intValue();
					if (profile.endsWith("lungcare-asthma-control-test")) {
						assertThat(value).isBetween(5, 25);
					} else if (profile.endsWith("lungcare-copd-assessment-test")) {
						assertThat(value).isBetween(0, 40);
					}
				}
				Integer grade = goldGrade.get(observation.getSubject().getReference());
				if (profile.endsWith("lungcare-spirometry") && grade != null) {
					int percent = observation.getComponent().stream()
							.filter(c -> c.getCode().getCodingFirstRep().getCode().equals("20152-5"))
							.map(c -> ((Quantity) c.getValue()).getValue().intValue()).findFirst().orElseThrow();
					int[] lowerBound = {0, 80, 50, 30, 0};
					int[] upperBound = {0, 200, 79, 49, 29};
					assertThat(percent).as("FEV1 %% predicted in GOLD %d", grade)
							.isBetween(lowerBound[grade], upperBound[grade]);
				}
			}
		}
	}

	@Test
	void aCodeTheIgDoesNotAllowFailsLoudly() {
		IgPackage ig = IgPackage.fromClasspath();
		assertThat(ig.concept("lungcare-lung-disease", Terminology.SNOMED, "13645005").display())
				.isEqualTo("Chronic obstructive lung disease");
		assertThatThrownBy(() -> ig.concept("lungcare-lung-disease", Terminology.SNOMED, "84114007"))
				.isInstanceOf(IllegalStateException.class).hasMessageContaining("lungcare-lung-disease");
		assertThatThrownBy(() -> ig.profile("lungcare-no-such-profile", "Patient"))
				.isInstanceOf(IllegalStateException.class);
		assertThat(Terminology.get().role(Role.PULMONOLOGIST).designation("nl-BE")).isEqualTo("Pneumoloog");
	}

	private static List<String> json(long seed, int patients, int perBundle) {
		List<String> json = new ArrayList<>();
		new PopulationGenerator(seed).bundles(patients, perBundle)
				.forEachRemaining(b -> json.add(CTX.newJsonParser().encodeResourceToString(b)));
		return json;
	}

	private static <T extends Resource> List<T> resources(Bundle bundle, Class<T> type) {
		return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource).filter(type::isInstance)
				.map(type::cast).toList();
	}

	/** The SSIN check digits under either rule (the validator accepts both), computed independently. */
	private static boolean checkDigitsValid(String ssin) {
		if (!ssin.matches("\\d{11}")) {
			return false;
		}
		int check = Integer.parseInt(ssin.substring(9));
		BigInteger ninety7 = BigInteger.valueOf(97);
		return check == 97 - new BigInteger(ssin.substring(0, 9)).mod(ninety7).intValue()
				|| check == 97 - new BigInteger("2" + ssin.substring(0, 9)).mod(ninety7).intValue();
	}
}
