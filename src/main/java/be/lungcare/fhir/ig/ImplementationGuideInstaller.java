package be.lungcare.fhir.ig;

import ca.uhn.fhir.jpa.packages.IPackageInstallerSvc;
import ca.uhn.fhir.jpa.packages.PackageInstallOutcomeJson;
import ca.uhn.fhir.jpa.packages.PackageInstallationSpec;
import ca.uhn.fhir.rest.server.util.ISearchParamRegistry;
import java.util.List;
import org.hl7.fhir.utilities.npm.NpmPackage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Installs the LungCare IG package (profiles, terminology, search parameters) into the server
 * at start-up, before the server reports ready. Installing is idempotent: HAPI updates each
 * conformance resource by its canonical URL, so a restart neither duplicates nor fails, and a
 * rebuilt package of the same version replaces the stored one.
 */
final class ImplementationGuideInstaller {

	/** Conformance resources the server needs from the package; examples are not installed. */
	static final List<String> INSTALLED_TYPES =
			List.of("StructureDefinition", "CodeSystem", "ValueSet", "ConceptMap", "SearchParameter", "NamingSystem");

	private static final Logger log = LoggerFactory.getLogger(ImplementationGuideInstaller.class);

	private final IPackageInstallerSvc installer;
	private final ISearchParamRegistry searchParamRegistry;

	ImplementationGuideInstaller(IPackageInstallerSvc installer, ISearchParamRegistry searchParamRegistry) {
		this.installer = installer;
		this.searchParamRegistry = searchParamRegistry;
	}

	PackageInstallOutcomeJson install(ImplementationGuidePackage guide) {
		NpmPackage npm = guide.npm();
		PackageInstallationSpec spec = new PackageInstallationSpec()
				.setName(npm.name())
				.setVersion(npm.version())
				.setPackageContents(guide.contents())
				.setInstallMode(PackageInstallationSpec.InstallModeEnum.STORE_AND_INSTALL)
				.setFetchDependencies(false);
		spec.setInstallResourceTypes(INSTALLED_TYPES);
		spec.setReloadExisting(true);
		long start = System.nanoTime();
		PackageInstallOutcomeJson outcome = installer.install(spec);
		// New search parameters take effect now, not at the registry's next scheduled refresh.
		searchParamRegistry.forceRefresh();
		log.info("Installed implementation guide {}#{} in {} ms: {}", npm.name(), npm.version(),
				(System.nanoTime() - start) / 1_000_000, outcome.getResourcesInstalled());
		return outcome;
	}
}
