package be.lungcare.fhir.ig;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.fhirpath.IFhirPath;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.stream.Stream;
import org.hl7.fhir.instance.model.api.IBase;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.ElementDefinition;
import org.hl7.fhir.r4.model.StructureDefinition;
import org.hl7.fhir.utilities.npm.NpmPackage;

/**
 * Reads invariants from the compiled IG package ({@code ig/lungcare-ig.tgz}) and evaluates them with HAPI's R4
 * FHIRPath engine, without building the full validator: the expressions are tested as compiled, never copied.
 */
final class PackageInvariants {

	private static final NpmPackage PACKAGE = load();

	private PackageInvariants() {
	}

	private static NpmPackage load() {
		try (InputStream in = PackageInvariants.class.getClassLoader().getResourceAsStream("ig/lungcare-ig.tgz")) {
			assertThat(in).as("ig/lungcare-ig.tgz on the test classpath").isNotNull();
			return NpmPackage.fromPackage(in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static StructureDefinition profile(String id) {
		String url = LungCareIg.PROFILE_PREFIX + id;
		try (InputStream in = PACKAGE.loadByCanonical(url)) {
			assertThat(in).as("%s in the package index", url).isNotNull();
			return LungCareIg.fhirContext().newJsonParser().parseResource(StructureDefinition.class, in);
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/**
	 * The expression of invariant {@code key} on the element {@code elementId} (e.g. {@code Patient.identifier:ssin})
	 * of a profile, from its snapshot if the package has one, else from its differential (SUSHI output).
	 */
	static ElementDefinition.ElementDefinitionConstraintComponent constraint(String profileId, String elementId,
			String key) {
		StructureDefinition sd = profile(profileId);
		List<ElementDefinition.ElementDefinitionConstraintComponent> found = Stream
				.concat(sd.getSnapshot().getElement().stream(), sd.getDifferential().getElement().stream())
				.filter(e -> elementId.equals(e.getId()))
				.flatMap(e -> e.getConstraint().stream())
				.filter(c -> key.equals(c.getKey()))
				.toList();
		assertThat(found).as("invariant %s on %s in profile %s", key, elementId, profileId).isNotEmpty();
		assertThat(found.stream().map(ElementDefinition.ElementDefinitionConstraintComponent::getExpression))
				.as("one expression for %s in %s", key, profileId).containsOnly(found.get(0).getExpression());
		return found.get(0);
	}

	/** Evaluates a constraint expression on an element; a constraint must give exactly one boolean. */
	static boolean evaluate(String expression, IBase focus) {
		IFhirPath fhirPath = LungCareIg.fhirContext().newFhirPath();
		List<BooleanType> result = fhirPath.evaluate(focus, expression, BooleanType.class);
		assertThat(result).as("'%s' must give exactly one boolean", expression).hasSize(1);
		return result.get(0).booleanValue();
	}
}
