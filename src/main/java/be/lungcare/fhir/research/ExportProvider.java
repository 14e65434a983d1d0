package be.lungcare.fhir.research;

import be.lungcare.fhir.config.RestProvider;
import ca.uhn.fhir.batch2.jobs.export.BulkDataExportProvider;

/**
 * HAPI's FHIR Bulk Data provider ({@code $export} at system, {@code Patient} and {@code Group/{id}} level, and
 * {@code $export-poll-status}), on the REST server. Jobs run on HAPI's batch2 framework, persisted in the database.
 */
final class ExportProvider extends BulkDataExportProvider implements RestProvider {
}
