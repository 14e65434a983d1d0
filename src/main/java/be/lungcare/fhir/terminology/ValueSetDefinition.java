package be.lungcare.fhir.terminology;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.ValueSet;

/**
 * What a value set's definition ({@code compose}, and the value sets it includes) says about its codes, beyond
 * which codes they are: the designations it gives them, the order it lists them in, and whether the server has
 * everything needed to expand it offline.
 */
final class ValueSetDefinition {

	/** Value sets including value sets: deeper than this is refused rather than followed. */
	private static final int MAX_DEPTH = 10;

	private final IValidationSupport chain;
	private final CodeSystemConcepts codeSystems;
	private final Map<String, List<Designation>> designations = new HashMap<>();
	private final Map<String, Integer> positions = new HashMap<>();
	private final Set<String> visited = new HashSet<>();
	private String unavailable;

	private ValueSetDefinition(IValidationSupport chain, CodeSystemConcepts codeSystems) {
		this.chain = chain;
		this.codeSystems = codeSystems;
	}

	static ValueSetDefinition of(ValueSet valueSet, IValidationSupport chain, CodeSystemConcepts codeSystems) {
		ValueSetDefinition definition = new ValueSetDefinition(chain, codeSystems);
		if (valueSet.hasUrl()) {
			definition.visited.add(valueSet.getUrl());
		}
		definition.read(valueSet, 0);
		return definition;
	}

	/** Why the value set cannot be expanded offline (what it needs that the server does not have); empty if it can. */
	Optional<String> unavailable() {
		return Optional.ofNullable(unavailable);
	}

	/**
	 * The designations of a code: the value set's own first, then its code system's (without repeating one the value
	 * set gives).
	 */
	List<Designation> designations(String system, String code) {
		List<Designation> all = new ArrayList<>(designations.getOrDefault(key(system, code), List.of()));
		for (Designation fromCodeSystem : codeSystems.designations(system, code)) {
			if (all.stream().noneMatch(fromCodeSystem::sameAs)) {
				all.add(fromCodeSystem);
			}
		}
		return all;
	}

	/** Where the definition lists the code (its own list, or its code system's order); codes it does not list last. */
	int position(String system, String code) {
		return positions.getOrDefault(key(system, code), Integer.MAX_VALUE);
	}

	private void read(ValueSet valueSet, int depth) {
		for (ValueSet.ConceptSetComponent include : valueSet.getCompose().getInclude()) {
			for (CanonicalType nestedUrl : include.getValueSet()) {
				readNested(nestedUrl.getValue(), depth);
			}
			if (!include.hasSystem()) {
				continue;
			}
			String system = include.getSystem();
			if (include.hasConcept()) {
				for (ValueSet.ConceptReferenceComponent concept : include.getConcept()) {
					String key = key(system, concept.getCode());
					positions.putIfAbsent(key, positions.size());
					concept.getDesignation().forEach(d -> designations.computeIfAbsent(key, k -> new ArrayList<>()).add(Designation.of(d)));
				}
				continue;
			}
			Optional<CodeSystemConcepts.Index> codeSystem = codeSystems.of(system, include.getVersion());
			if (codeSystem.isEmpty() || !codeSystem.get().complete()) {
				markUnavailable("it includes " + (include.hasFilter() ? "codes" : "all codes") + " of " + system
						+ ", whose content this server does not hold");
				continue;
			}
			codeSystem.get().concepts().keySet().forEach(code -> positions.putIfAbsent(key(system, code), positions.size()));
		}
	}

	private void readNested(String url, int depth) {
		if (url == null || !visited.add(url)) {
			return;
		}
		if (depth >= MAX_DEPTH) {
			markUnavailable("its value sets include each other more than " + MAX_DEPTH + " levels deep");
			return;
		}
		IBaseResource nested = chain.fetchValueSet(url);
		if (nested instanceof ValueSet nestedValueSet) {
			read(nestedValueSet, depth + 1);
		} else {
			markUnavailable("it includes the value set " + url + ", which this server does not hold");
		}
	}

	private void markUnavailable(String reason) {
		if (unavailable == null) {
			unavailable = reason;
		}
	}

	private static String key(String system, String code) {
		return system + "|" + code;
	}
}
