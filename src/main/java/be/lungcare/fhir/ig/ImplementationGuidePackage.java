package be.lungcare.fhir.ig;

import ca.uhn.fhir.context.FhirContext;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.springframework.core.io.Resource;

/**
 * The LungCare implementation guide as a FHIR NPM package, read once: the server installs it
 * and the validator validates against it, so both always use the same package.
 */
public final class ImplementationGuidePackage {

	private final byte[] contents;
	private final NpmPackage npm;

	private ImplementationGuidePackage(byte[] contents, NpmPackage npm) {
		this.contents = contents;
		this.npm = npm;
	}

	public static ImplementationGuidePackage load(Resource location) {
		byte[] contents;
		try (InputStream in = location.getInputStream()) {
			contents = in.readAllBytes();
		} catch (IOException e) {
			throw new UncheckedIOException("Implementation guide package not found at " + location
					+ " (build it with mvn package)", e);
		}
		try {
			return new ImplementationGuidePackage(contents, NpmPackage.fromPackage(new ByteArrayInputStream(contents)));
		} catch (IOException e) {
			throw new UncheckedIOException("Implementation guide package at " + location + " is not a FHIR NPM package", e);
		}
	}

	public NpmPackage npm() {
		return npm;
	}

	/** The package's example instances (realistic data of every profile; the transaction bundles of the IG). */
	public List<IBaseResource> examples(FhirContext fhirContext) {
		List<IBaseResource> examples = new ArrayList<>();
		try {
			for (String file : npm.list("example")) {
				if (file.endsWith(".json") && !file.startsWith(".")) {
					try (InputStream in = npm.load("example", file)) {
						examples.add(fhirContext.newJsonParser().parseResource(in));
					}
				}
			}
		} catch (IOException e) {
			throw new UncheckedIOException("Cannot read the examples of the implementation guide", e);
		}
		return examples;
	}

	byte[] contents() {
		return contents;
	}
}
