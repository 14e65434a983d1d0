package be.lungcare.fhir.synthetic;

import be.lungcare.fhir.ig.ImplementationGuidePackage;
import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.parser.IParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;
import org.hl7.fhir.r4.model.CodeSystem;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.ConceptMap;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.MetadataResource;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.r4.model.Type;
import org.hl7.fhir.r4.model.UriType;
import org.hl7.fhir.r4.model.ValueSet;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.springframework.core.io.ClassPathResource;

/**
 * The compiled LungCare IG package ({@code classpath:ig/lungcare-ig.tgz}) read as the generator's source of
 * profile URLs, identifier systems, codes and displays. Artefacts are looked up by id, never by URL, so the
 * canonical base lives only in the IG. Every lookup fails loudly when the IG no longer has what is asked for.
 */
final class IgPackage {

	static final String LOCATION = "ig/lungcare-ig.tgz";

	/** A code with its display and its designations by language (nl-BE, fr-BE, de, en). */
	record Concept(String system, String code, String display, Map<String, String> designations) {

		Coding coding() {
			return new Coding(system, code, display);
		}

		String designation(String language) {
			return designations.getOrDefault(language, display);
		}
	}

	private final Map<String, MetadataResource> byTypeAndId = new TreeMap<>();
	private final Map<String, MetadataResource> byUrl = new TreeMap<>();
	private final Map<String, Map<String, Concept>> expansions = new TreeMap<>();

	private IgPackage(NpmPackage npm, FhirContext context) {
		IParser parser = context.newJsonParser();
		try {
			for (String file : npm.list("package")) {
				if (!file.endsWith(".json") || file.equals("package.json") || file.startsWith(".")) {
					continue;
				}
				try (InputStream in = npm.load("package", file)) {
					if (parser.parseResource(in) instanceof MetadataResource resource) {
						byTypeAndId.put(resource.fhirType() + "/" + resource.getIdElement().getIdPart(), resource);
						byUrl.put(resource.getUrl(), resource);
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the IG package " + LOCATION, e);
		}
	}

	/** The package on the classpath, the same one the server installs and validates against. */
	static IgPackage fromClasspath() {
		NpmPackage npm = ImplementationGuidePackage.load(new ClassPathResource(LOCATION)).npm();
		return new IgPackage(npm, FhirContext.forR4Cached());
	}

	/** Canonical URL of an artefact of the IG, e.g. {@code url("CodeSystem", "lungcare-goal")}. */
	String url(String type, String id) {
		return artefact(type, id, MetadataResource.class).getUrl();
	}

	/** Canonical URL of a profile (or extension) of the IG, checked to constrain {@code type}. */
	String profile(String id, String type) {
		StructureDefinition sd = artefact("StructureDefinition", id, StructureDefinition.class);
		require(type.equals(sd.getType()), "profile %s constrains %s, not %s", id, sd.getType(), type);
		return sd.getUrl();
	}

	/** A code of a value set of the IG, with the display and designations the IG gives it. */
	Concept concept(String valueSetId, String system, String code) {
		Concept concept = expand(url("ValueSet", valueSetId)).get(system + "|" + code);
		require(concept != null, "%s|%s is not in value set %s of the IG", system, code, valueSetId);
		return concept;
	}

	/** The one code system a value set of the IG takes its codes from. */
	String includedSystem(String valueSetId) {
		var systems = expand(url("ValueSet", valueSetId)).values().stream().map(Concept::system).distinct().toList();
		require(systems.size() == 1, "value set %s draws on %s, not on one code system", valueSetId, systems);
		return systems.get(0);
	}

	/**
	 * The coding a profile fixes on an element (pattern or fixed CodeableConcept / Coding, e.g. the code of an
	 * observation profile), with the display the IG gives that code elsewhere when the pattern has none.
	 */
	Coding fixedCoding(String profileId, String elementId) {
		Type value = fixedValue(profileId, elementId);
		Coding coding = value instanceof CodeableConcept cc && cc.getCoding().size() == 1 ? cc.getCodingFirstRep()
				: value instanceof Coding c ? c : null;
		require(coding != null, "%s in profile %s fixes no single coding", elementId, profileId);
		String display = coding.hasDisplay() ? coding.getDisplay() : displayAnywhere(coding.getSystem(), coding.getCode());
		return new Coding(coding.getSystem(), coding.getCode(), display);
	}

	/** The URI a profile fixes on an element, e.g. the system of an identifier slice. */
	String fixedUri(String profileId, String elementId) {
		Type value = fixedValue(profileId, elementId);
		require(value instanceof UriType, "%s in profile %s fixes no URI", elementId, profileId);
		return ((UriType) value).getValue();
	}

	/** The target of a code in a concept map of the IG, checked to be in the map's target value set. */
	Concept translate(String conceptMapId, Coding source) {
		ConceptMap map = artefact("ConceptMap", conceptMapId, ConceptMap.class);
		for (ConceptMap.ConceptMapGroupComponent group : map.getGroup()) {
			if (!group.getSource().equals(source.getSystem())) {
				continue;
			}
			for (ConceptMap.SourceElementComponent element : group.getElement()) {
				if (element.getCode().equals(source.getCode()) && element.hasTarget()) {
					String targetValueSet = map.getTargetCanonicalType().getValue();
					Concept target = expand(targetValueSet).get(group.getTarget() + "|" + element.getTargetFirstRep().getCode());
					require(target != null, "%s maps %s to a code outside %s", conceptMapId, source.getCode(), targetValueSet);
					return target;
				}
			}
		}
		throw new IllegalStateException(conceptMapId + " has no target for " + source.getSystem() + "|" + source.getCode());
	}

	private Type fixedValue(String profileId, String elementId) {
		StructureDefinition sd = artefact("StructureDefinition", profileId, StructureDefinition.class);
		for (ElementDefinition element : sd.getDifferential().getElement()) {
			if (elementId.equals(element.getId())) {
				Type value = element.hasPattern() ? element.getPattern() : element.hasFixed() ? element.getFixed() : null;
				require(value != null, "%s in profile %s fixes no value", elementId, profileId);
				return value;
			}
		}
		throw new IllegalStateException("profile " + profileId + " has no element " + elementId);
	}

	/** The codes of a value set: listed concepts, whole code systems of the IG and included value sets. */
	private Map<String, Concept> expand(String valueSetUrl) {
		Map<String, Concept> cached = expansions.get(valueSetUrl);
		if (cached != null) {
			return cached;
		}
		MetadataResource resource = byUrl.get(valueSetUrl);
		require(resource instanceof ValueSet, "value set %s is not in the IG", valueSetUrl);
		Map<String, Concept> concepts = new LinkedHashMap<>();
		ValueSet.ValueSetComposeComponent compose = ((ValueSet) resource).getCompose();
		require(!compose.hasExclude(), "value set %s has exclusions: not supported here", valueSetUrl);
		for (ValueSet.ConceptSetComponent include : compose.getInclude()) {
			require(!include.hasFilter(), "value set %s has filters: not supported here", valueSetUrl);
			include.getValueSet().forEach(vs -> concepts.putAll(expand(vs.getValue())));
			if (include.hasConcept()) {
				for (ValueSet.ConceptReferenceComponent c : include.getConcept()) {
					Map<String, String> designations = new LinkedHashMap<>();
					c.getDesignation().forEach(d -> designations.put(d.getLanguage(), d.getValue()));
					put(concepts, new Concept(include.getSystem(), c.getCode(), c.getDisplay(), designations));
				}
			} else if (include.hasSystem()) {
				MetadataResource cs = byUrl.get(include.getSystem());
				require(cs instanceof CodeSystem, "value set %s includes all of %s, which is not in the IG", valueSetUrl,
						include.getSystem());
				((CodeSystem) cs).getConcept().forEach(c -> addWithChildren(concepts, include.getSystem(), c));
			}
		}
		expansions.put(valueSetUrl, concepts);
		return concepts;
	}

	private static void addWithChildren(Map<String, Concept> concepts, String system,
			CodeSystem.ConceptDefinitionComponent c) {
		Map<String, String> designations = new LinkedHashMap<>();
		c.getDesignation().forEach(d -> designations.put(d.getLanguage(), d.getValue()));
		put(concepts, new Concept(system, c.getCode(), c.getDisplay(), designations));
		c.getConcept().forEach(child -> addWithChildren(concepts, system, child));
	}

	private static void put(Map<String, Concept> concepts, Concept concept) {
		concepts.putIfAbsent(concept.system() + "|" + concept.code(), concept);
	}

	/** The display the IG gives a code: in its own code system if the IG has it, else in a value set (or null). */
	private String displayAnywhere(String system, String code) {
		String key = system + "|" + code;
		if (byUrl.get(system) instanceof CodeSystem) {
			Map<String, Concept> all = new LinkedHashMap<>();
			((CodeSystem) byUrl.get(system)).getConcept().forEach(c -> addWithChildren(all, system, c));
			return all.containsKey(key) ? all.get(key).display() : null;
		}
		for (MetadataResource resource : byUrl.values()) {
			Concept concept = resource instanceof ValueSet ? expand(resource.getUrl()).get(key) : null;
			if (concept != null && concept.display() != null) {
				return concept.display();
			}
		}
		return null;
	}

	private <T extends MetadataResource> T artefact(String type, String id, Class<T> kind) {
		MetadataResource resource = byTypeAndId.get(type + "/" + id);
		require(kind.isInstance(resource), "%s/%s is not in the IG package %s", type, id, LOCATION);
		return kind.cast(resource);
	}

	private static void require(boolean condition, String message, Object... args) {
		if (!condition) {
			throw new IllegalStateException("LungCare IG: " + String.format(message, args));
		}
	}
}
