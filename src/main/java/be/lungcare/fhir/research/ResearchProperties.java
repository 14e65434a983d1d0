package be.lungcare.fhir.research;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Bulk export and the research export.
 *
 * @param pseudonymKey      the project key of the pseudonymised export, base64, at least 32 bytes; pseudonyms are
 *                          stable for one key. Empty: research clients cannot export (501)
 * @param datePolicy        how the pseudonymised export blurs dates: {@code SHIFT} by a secret offset per patient,
 *                          or {@code TRUNCATE} to year and month
 * @param maxShiftDays      the largest date shift, in days, either way
 * @param exportRetention   how long export files are kept after the job ends (whole hours)
 * @param resourcesPerFile  most resources in one NDJSON file
 * @param jobMaintenanceInterval how often HAPI's batch jobs move to their next step (HAPI's default is a minute:
 *                          an export of four steps would take four)
 */
@ConfigurationProperties("lungcare.research")
record ResearchProperties(
		@DefaultValue("") String pseudonymKey,
		@DefaultValue("SHIFT") Pseudonymiser.DatePolicy datePolicy,
		@DefaultValue("180") int maxShiftDays,
		@DefaultValue("24h") Duration exportRetention,
		@DefaultValue("10000") int resourcesPerFile,
		@DefaultValue("5s") Duration jobMaintenanceInterval) {

	/** The decoded project key, or null when none is configured. */
	byte[] key() {
		if (pseudonymKey.isBlank()) {
			return null;
		}
		byte[] key = java.util.Base64.getDecoder().decode(pseudonymKey.trim());
		if (key.length < 32) {
			throw new IllegalStateException("lungcare.research.pseudonym-key must hold at least 32 bytes (base64)");
		}
		return key;
	}
}
