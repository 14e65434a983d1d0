package be.lungcare.fhir.terminology;

import ca.uhn.fhir.context.support.IValidationSupport;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.CodeSystem;

/**
 * The concepts of the code systems the offline chain knows (the IG package and R4 core), by code, in the order the
 * code system defines them (depth first). Indexed once per code system: the chain's content is fixed for the life
 * of the server.
 */
final class CodeSystemConcepts {

	/** One code system: whether it holds all its codes, and its concepts by code in definition order. */
	record Index(boolean complete, Map<String, CodeSystem.ConceptDefinitionComponent> concepts) {

		List<Designation> designations(String code) {
			CodeSystem.ConceptDefinitionComponent concept = concepts.get(code);
			return concept == null ? List.of() : concept.getDesignation().stream().map(Designation::of).toList();
		}
	}

	private final IValidationSupport chain;
	private final Map<String, Optional<Index>> indexes = new ConcurrentHashMap<>();

	CodeSystemConcepts(IValidationSupport chain) {
		this.chain = chain;
	}

	/** The code system with this canonical URL (and version, when given and known); empty when the chain has none. */
	Optional<Index> of(String system, String version) {
		if (system == null || system.isBlank()) {
			return Optional.empty();
		}
		if (version != null && !version.isBlank()) {
			Optional<Index> versioned = indexes.computeIfAbsent(system + "|" + version, this::index);
			if (versioned.isPresent()) {
				return versioned;
			}
		}
		return indexes.computeIfAbsent(system, this::index);
	}

	/** The designations a code system gives a code; empty when the code or the code system is unknown. */
	List<Designation> designations(String system, String code) {
		return of(system, null).map(index -> index.designations(code)).orElse(List.of());
	}

	private Optional<Index> index(String canonical) {
		IBaseResource resource = chain.fetchCodeSystem(canonical);
		if (!(resource instanceof CodeSystem codeSystem)) {
			return Optional.empty();
		}
		Map<String, CodeSystem.ConceptDefinitionComponent> concepts = new LinkedHashMap<>();
		add(codeSystem.getConcept(), concepts);
		return Optional.of(new Index(codeSystem.getContent() == CodeSystem.CodeSystemContentMode.COMPLETE,
				Collections.unmodifiableMap(concepts)));
	}

	private static void add(List<CodeSystem.ConceptDefinitionComponent> level,
			Map<String, CodeSystem.ConceptDefinitionComponent> concepts) {
		for (CodeSystem.ConceptDefinitionComponent concept : level) {
			concepts.putIfAbsent(concept.getCode(), concept);
			add(concept.getConcept(), concepts);
		}
	}
}
