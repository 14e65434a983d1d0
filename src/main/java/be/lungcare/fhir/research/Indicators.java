package be.lungcare.fhir.research;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The definitions of the indicators, over the sets of patients {@link IndicatorQueries} finds. Each result holds the
 * denominator and numerator populations (HAPI resource ids), and for a rate the number of events. The same
 * definitions are written out in docs/research.md and in the Spark example (research/spark), whose test checks that
 * both agree.
 */
final class Indicators {

	static final List<String> ASTHMA = List.of("asthma", "severe-type2-asthma");
	static final List<String> ALL_GROUPS = List.of("asthma", "copd", "aco", "severe-type2-asthma", "crswnp", "atopic-dermatitis",
			"allergic-rhinitis", "bronchiectasis");
	static final String SPIROMETRY = "81459-0";
	static final String ACT = "82668-5";
	static final String EOSINOPHILS = "26449-9";
	static final String ICD10 = "http://hl7.org/fhir/sid/icd-10";
	static final String COPD_EXACERBATION = "J44.1";
	static final String ATC = "http://www.whocc.no/atc";
	/** Biologics of the type-2 diseases: omalizumab, mepolizumab, benralizumab, dupilumab. */
	static final List<String> BIOLOGICS = List.of("R03DX05", "R03DX09", "R03DX10", "D11AH05");
	/** Care team roles that are not a discipline: the patient and the informal caregiver (SNOMED CT). */
	static final Set<String> NOT_A_DISCIPLINE = Set.of("http://snomed.info/sct|116154003", "http://snomed.info/sct|133932002");
	static final int ACT_CONTROLLED = 20;
	/** No lower bound: patients on a biologic by the period's end, whenever it was started. */
	static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
	static final int DISCIPLINES = 3;

	/** One indicator over one period. */
	record Result(Indicator indicator, Set<Long> denominator, Set<Long> numerator, long events, double patientYears, long millis) {

		Result took(long computationMillis) {
			return new Result(indicator, denominator, numerator, events, patientYears, computationMillis);
		}

		/** The proportion or rate, or null when the denominator is empty. */
		Double score() {
			if (denominator.isEmpty()) {
				return null;
			}
			return indicator.rate ? events / patientYears : (double) numerator.size() / denominator.size();
		}
	}

	private final IndicatorQueries queries;
	private final ObjectMapper json = new ObjectMapper();

	Indicators(IndicatorQueries queries) {
		this.queries = queries;
	}

	/**
	 * The indicators asked for (all when {@code only} is null) over [start, end], for the patients of one
	 * organization's care teams when it is not null.
	 */
	Map<Indicator, Result> compute(LocalDate start, LocalDate end, Set<Long> organization, Indicator only) {
		Map<Indicator, Result> results = new EnumMap<>(Indicator.class);
		for (Indicator indicator : only == null ? Indicator.values() : new Indicator[] {only}) {
			long began = System.nanoTime();
			results.put(indicator, compute(indicator, start, end, organization).took((System.nanoTime() - began) / 1_000_000));
		}
		return results;
	}

	private Result compute(Indicator indicator, LocalDate start, LocalDate end, Set<Long> organization) {
		return switch (indicator) {
			case COPD_SPIROMETRY -> {
				Set<Long> copd = within(queries.activeConditionPatients(List.of("copd")), organization);
				Set<Long> spirometry = patients(queries.observations(IndicatorQueries.LOINC, SPIROMETRY, end.minusMonths(12).plusDays(1), end, false));
				yield proportion(indicator, copd, spirometry);
			}
			case ASTHMA_ACT_CONTROLLED -> {
				Set<Long> asthma = within(queries.activeConditionPatients(ASTHMA), organization);
				Map<Long, IndicatorQueries.Dated> latest = new HashMap<>();
				for (IndicatorQueries.Dated act : queries.observations(IndicatorQueries.LOINC, ACT, start, end, true)) {
					if (asthma.contains(act.patient())) {
						latest.merge(act.patient(), act, (a, b) -> b.instant().after(a.instant()) ? b : a);
					}
				}
				Set<Long> controlled = new HashSet<>();
				latest.forEach((patient, act) -> {
					if (act.value() != null && act.value() >= ACT_CONTROLLED) {
						controlled.add(patient);
					}
				});
				yield new Result(indicator, Set.copyOf(latest.keySet()), Set.copyOf(controlled), controlled.size(), 0, 0);
			}
			case MULTIDISCIPLINARY_CARE -> {
				Set<Long> population = within(queries.activeConditionPatients(ALL_GROUPS), organization);
				Set<Long> planned = queries.activeCarePlanPatients(end);
				Set<Long> teamed = new HashSet<>();
				queries.activeCareTeams(end).forEach((patient, teams) -> {
					if (population.contains(patient) && teams.stream().anyMatch(team -> disciplines(team) >= DISCIPLINES)) {
						teamed.add(patient);
					}
				});
				teamed.retainAll(planned);
				yield proportion(indicator, population, teamed);
			}
			case COPD_EXACERBATIONS -> {
				Set<Long> copd = within(queries.activeConditionPatients(List.of("copd")), organization);
				long events = 0;
				Set<Long> withExacerbation = new HashSet<>();
				for (IndicatorQueries.Dated encounter : queries.encounters(ICD10, COPD_EXACERBATION, start, end)) {
					if (copd.contains(encounter.patient())) {
						events++;
						withExacerbation.add(encounter.patient());
					}
				}
				double years = (ChronoUnit.DAYS.between(start, end) + 1) / 365.25;
				yield new Result(indicator, Set.copyOf(copd), Set.copyOf(withExacerbation), events, copd.size() * years, 0);
			}
			case EOSINOPHILS_BEFORE_BIOLOGIC -> {
				Map<Long, Integer> firstBiologic = new HashMap<>();
				for (IndicatorQueries.Dated request : queries.medicationRequests(ATC, BIOLOGICS, EARLIEST, end)) {
					if (organization == null || organization.contains(request.patient())) {
						firstBiologic.merge(request.patient(), request.day(), Math::min);
					}
				}
				Set<Long> measured = new HashSet<>();
				for (IndicatorQueries.Dated count : queries.observations(IndicatorQueries.LOINC, EOSINOPHILS, EARLIEST, end, false)) {
					Integer started = firstBiologic.get(count.patient());
					if (started != null && count.day() <= started && count.day() >= IndicatorQueries.day(dayOf(started).minusMonths(12))) {
						measured.add(count.patient());
					}
				}
				yield proportion(indicator, firstBiologic.keySet(), measured);
			}
		};
	}

	private static Result proportion(Indicator indicator, Set<Long> denominator, Set<Long> candidates) {
		Set<Long> numerator = new HashSet<>(candidates);
		numerator.retainAll(denominator);
		return new Result(indicator, Set.copyOf(denominator), Set.copyOf(numerator), numerator.size(), 0, 0);
	}

	private static Set<Long> within(Set<Long> patients, Set<Long> organization) {
		if (organization != null) {
			patients.retainAll(organization);
		}
		return patients;
	}

	private static Set<Long> patients(List<IndicatorQueries.Dated> rows) {
		Set<Long> patients = new HashSet<>();
		rows.forEach(r -> patients.add(r.patient()));
		return patients;
	}

	private static LocalDate dayOf(int day) {
		return LocalDate.of(day / 10000, day / 100 % 100, day % 100);
	}

	/** The distinct disciplines (participant role codings, but the patient and informal caregivers) of a CareTeam. */
	int disciplines(String careTeamJson) {
		Set<String> roles = new HashSet<>();
		try {
			for (JsonNode participant : json.readTree(careTeamJson).path("participant")) {
				for (JsonNode role : participant.path("role")) {
					for (JsonNode coding : role.path("coding")) {
						String key = coding.path("system").asText() + "|" + coding.path("code").asText();
						if (!NOT_A_DISCIPLINE.contains(key)) {
							roles.add(key);
							break; // one discipline per role, whatever its translations
						}
					}
				}
			}
		} catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			return 0;
		}
		return roles.size();
	}
}
