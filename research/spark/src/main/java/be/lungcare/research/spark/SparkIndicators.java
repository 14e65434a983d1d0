package be.lungcare.research.spark;

import java.io.IOException;
import java.io.PrintStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Two LungCare integrated-care indicators computed with Spark SQL on a FHIR Bulk Data export (NDJSON, one resource
 * per line). The numbers must be the server's own (its MeasureReports); the definitions below are the contract.
 *
 * <h2>Input</h2>
 * Every {@code *.ndjson} (or {@code *.ndjson.gz}) file directly in the export folder. A line's resource type is its
 * {@code resourceType} field, never the file name: {@code Condition.ndjson}, {@code Condition-1.ndjson},
 * {@code Condition_part2.ndjson} or a file mixing types all work. A type without any file counts as no resources.
 * Names starting with {@code _} or {@code .} are skipped (with a warning on stderr) because Spark's file listing
 * treats them as hidden. Only the fields used below are parsed, with an explicit schema (no schema inference).
 *
 * <h2>Shared rules</h2>
 * <ul>
 * <li><b>Patient of a resource</b>: {@code subject.reference} of the form {@code Patient/{id}}; a base URL before
 * it and a {@code /_history/n} after it are stripped. Resources whose subject is not a Patient reference are
 * ignored.</li>
 * <li><b>Active condition</b>: a Condition whose {@code clinicalStatus.coding} has system
 * {@code http://terminology.hl7.org/CodeSystem/condition-clinical} and code {@code active}, and whose
 * {@code verificationStatus.coding} has no code {@code entered-in-error} or {@code refuted} (an absent
 * verificationStatus is fine).</li>
 * <li><b>Disease group</b>: a {@code Condition.category.coding} with system
 * {@code https://fhir.lungcare.be/CodeSystem/lungcare-disease-group}; its code is the group ({@code copd},
 * {@code asthma}, {@code severe-type2-asthma}, ...).</li>
 * <li><b>Counted observation</b>: {@code status} is {@code final}, {@code amended} or {@code corrected}. Its
 * date-time is {@code effectiveDateTime}, or {@code effectivePeriod.start} when there is no effectiveDateTime.
 * Date bounds compare the calendar date in the value's own offset, i.e. the first 10 characters of the string
 * ({@code yyyy-MM-dd}); bounds are inclusive. A value without a full date (year or year-month only) is not
 * counted.</li>
 * <li><b>Observation code</b>: a {@code code.coding} with system {@code http://loinc.org} and the given code.</li>
 * </ul>
 *
 * <h2>copd-spirometry-12m</h2>
 * Denominator: distinct patients with an active condition of disease group {@code copd}. Numerator: those of them
 * with a counted observation of LOINC {@code 81459-0} (spirometry panel) dated within
 * [periodEnd &minus; 12 months + 1 day, periodEnd] (period end 2026-11-30: from 2025-12-01). The period start is not
 * used.
 *
 * <h2>asthma-act-controlled</h2>
 * Denominator: distinct patients with an active condition of disease group {@code asthma} or
 * {@code severe-type2-asthma} and at least one counted ACT observation (LOINC {@code 82668-5}) dated within
 * [periodStart, periodEnd]. Numerator: those whose latest such ACT (latest by the full date-time string,
 * compared as a string; ties broken by the larger resource id) has {@code valueQuantity.value} &ge; 20.
 *
 * <h2>Running</h2>
 * {@link #main(String[])} prints one line of JSON to stdout and logs to stderr. Without a {@code spark.master}
 * (as with a plain {@code java -cp ...} launch) it runs in local mode ({@code local[2]}, loopback only, no UI);
 * under {@code spark-submit} it takes the master and settings it is given.
 */
public final class SparkIndicators {

	public static final String COPD_SPIROMETRY_12M = "copd-spirometry-12m";
	public static final String ASTHMA_ACT_CONTROLLED = "asthma-act-controlled";

	static final String CONDITION_CLINICAL = "http://terminology.hl7.org/CodeSystem/condition-clinical";
	static final String DISEASE_GROUP = "https://fhir.lungcare.be/CodeSystem/lungcare-disease-group";
	static final String LOINC = "http://loinc.org";
	static final String SPIROMETRY_PANEL = "81459-0";
	static final String ACT = "82668-5";
	static final double ACT_CONTROLLED = 20;

	/** Temporary views this class registers in the session while computing (dropped afterwards). */
	private static final String LINES = "lungcare_ndjson";
	private static final String CONDITIONS = "lungcare_active_condition";
	private static final String OBSERVATIONS = "lungcare_observation";

	private static final StructType CODEABLE_CONCEPT = new StructType()
			.add("coding", DataTypes.createArrayType(new StructType()
					.add("system", DataTypes.StringType)
					.add("code", DataTypes.StringType)));
	private static final StructType REFERENCE = new StructType().add("reference", DataTypes.StringType);

	/** The Condition fields read (the rest of the resource is skipped by the parser). */
	static final StructType CONDITION_SCHEMA = new StructType()
			.add("id", DataTypes.StringType)
			.add("subject", REFERENCE)
			.add("clinicalStatus", CODEABLE_CONCEPT)
			.add("verificationStatus", CODEABLE_CONCEPT)
			.add("category", DataTypes.createArrayType(CODEABLE_CONCEPT));

	/** The Observation fields read. */
	static final StructType OBSERVATION_SCHEMA = new StructType()
			.add("id", DataTypes.StringType)
			.add("status", DataTypes.StringType)
			.add("subject", REFERENCE)
			.add("code", CODEABLE_CONCEPT)
			.add("effectiveDateTime", DataTypes.StringType)
			.add("effectivePeriod", new StructType().add("start", DataTypes.StringType))
			.add("valueQuantity", new StructType().add("value", DataTypes.DoubleType));

	/**
	 * The patient id of a reference: {@code Patient/{id}}, optionally after a base URL and before
	 * {@code /_history/n}. regexp_extract gives '' when it does not match.
	 */
	private static final String PATIENT_OF = "nullif(regexp_extract(%s, '(^|/)Patient/([^/]+?)(/_history/[^/]*)?$', 2), '')";

	/** Active conditions of a disease group: one row per (patient, disease group). */
	private static final String ACTIVE_CONDITION_SQL = """
			SELECT DISTINCT patient, grp.code AS disease_group
			FROM (
			  SELECT %s AS patient, c.*
			  FROM (SELECT %s AS c FROM lungcare_ndjson WHERE resource_type = 'Condition') AS parsed
			) AS conditions
			LATERAL VIEW explode(category) AS cat
			LATERAL VIEW explode(cat.coding) AS grp
			WHERE patient IS NOT NULL
			  AND grp.system = '%s'
			  AND coalesce(exists(clinicalStatus.coding, x -> x.system = '%s' AND x.code = 'active'), false)
			  AND NOT coalesce(exists(verificationStatus.coding, x -> x.code IN ('entered-in-error', 'refuted')), false)
			""".formatted(PATIENT_OF.formatted("c.subject.reference"),
			"from_json(json, '" + CONDITION_SCHEMA.toDDL() + "')", DISEASE_GROUP, CONDITION_CLINICAL);

	/** Counted observations of the two LOINC codes: patient, code, full date-time, its calendar day, value. */
	private static final String OBSERVATION_SQL = """
			SELECT patient, id, loinc, effective, substr(effective, 1, 10) AS day, value
			FROM (
			  SELECT %s AS patient,
			         o.id AS id,
			         o.status AS status,
			         explode(array_distinct(transform(filter(o.code.coding, x -> x.system = '%s'), x -> x.code))) AS loinc,
			         coalesce(o.effectiveDateTime, o.effectivePeriod.start) AS effective,
			         o.valueQuantity.value AS value
			  FROM (SELECT %s AS o FROM lungcare_ndjson WHERE resource_type = 'Observation') AS parsed
			) AS observations
			WHERE patient IS NOT NULL
			  AND status IN ('final', 'amended', 'corrected')
			  AND loinc IN ('%s', '%s')
			  AND effective RLIKE '^[0-9]{4}-[0-9]{2}-[0-9]{2}'
			""".formatted(PATIENT_OF.formatted("o.subject.reference"), LOINC,
			"from_json(json, '" + OBSERVATION_SCHEMA.toDDL() + "')", SPIROMETRY_PANEL, ACT);

	private static final String COPD_SPIROMETRY_SQL = """
			WITH denominator AS (
			  SELECT DISTINCT patient FROM lungcare_active_condition WHERE disease_group = 'copd'
			),
			numerator AS (
			  SELECT DISTINCT o.patient
			  FROM lungcare_observation o JOIN denominator d ON o.patient = d.patient
			  WHERE o.loinc = '%s' AND o.day BETWEEN :windowStart AND :periodEnd
			)
			SELECT (SELECT count(*) FROM numerator) AS numerator, (SELECT count(*) FROM denominator) AS denominator
			""".formatted(SPIROMETRY_PANEL);

	private static final String ASTHMA_ACT_SQL = """
			WITH asthma AS (
			  SELECT DISTINCT patient FROM lungcare_active_condition
			  WHERE disease_group IN ('asthma', 'severe-type2-asthma')
			),
			act AS (
			  SELECT o.patient, o.value,
			         row_number() OVER (PARTITION BY o.patient ORDER BY o.effective DESC, o.id DESC) AS recency
			  FROM lungcare_observation o JOIN asthma a ON o.patient = a.patient
			  WHERE o.loinc = '%s' AND o.day BETWEEN :periodStart AND :periodEnd
			)
			SELECT count_if(value >= %s) AS numerator, count(*) AS denominator
			FROM act WHERE recency = 1
			""".formatted(ACT, ACT_CONTROLLED);

	private SparkIndicators() {
	}

	/** Numerator and denominator of one indicator. */
	public record Count(long numerator, long denominator) {
		String toJson() {
			return "{\"numerator\":" + numerator + ",\"denominator\":" + denominator + "}";
		}
	}

	/** Both indicators. */
	public record Result(Count copdSpirometry12m, Count asthmaActControlled) {
		/** The single line {@link SparkIndicators#main(String[])} prints. */
		public String toJson() {
			return "{\"" + COPD_SPIROMETRY_12M + "\":" + copdSpirometry12m.toJson()
					+ ",\"" + ASTHMA_ACT_CONTROLLED + "\":" + asthmaActControlled.toJson() + "}";
		}
	}

	/** First day of the copd-spirometry-12m window: periodEnd minus 12 months plus 1 day. */
	public static LocalDate spirometryWindowStart(LocalDate periodEnd) {
		return periodEnd.minusMonths(12).plusDays(1);
	}

	/**
	 * Computes both indicators on the NDJSON files of {@code ndjsonDir} (a local path or any Hadoop file system URI
	 * the session can read). Registers temporary views named {@code lungcare_*} in the session and drops them
	 * before returning.
	 */
	public static Result compute(SparkSession spark, String ndjsonDir, LocalDate periodStart, LocalDate periodEnd)
			throws IOException {
		if (periodStart.isAfter(periodEnd)) {
			throw new IllegalArgumentException("period start " + periodStart + " is after period end " + periodEnd);
		}
		lines(spark, ndjsonDir).createOrReplaceTempView(LINES);
		try {
			// Both indicators read these two small tables: cache them so the export is scanned once per type.
			spark.sql("CACHE TABLE " + CONDITIONS + " AS " + ACTIVE_CONDITION_SQL);
			spark.sql("CACHE TABLE " + OBSERVATIONS + " AS " + OBSERVATION_SQL);

			Count copd = count(spark.sql(COPD_SPIROMETRY_SQL, Map.<String, Object>of(
					"windowStart", spirometryWindowStart(periodEnd).toString(),
					"periodEnd", periodEnd.toString())));
			Count asthma = count(spark.sql(ASTHMA_ACT_SQL, Map.<String, Object>of(
					"periodStart", periodStart.toString(),
					"periodEnd", periodEnd.toString())));
			return new Result(copd, asthma);
		} finally {
			spark.sql("UNCACHE TABLE IF EXISTS " + CONDITIONS);
			spark.sql("UNCACHE TABLE IF EXISTS " + OBSERVATIONS);
			spark.catalog().dropTempView(CONDITIONS);
			spark.catalog().dropTempView(OBSERVATIONS);
			spark.catalog().dropTempView(LINES);
		}
	}

	private static Count count(Dataset<Row> result) {
		Row row = result.first();
		return new Count(row.getLong(0), row.getLong(1));
	}

	/**
	 * The export's lines as (json, resource_type). resource_type is read from each line's own JSON, so file names
	 * do not matter. No file: an empty table.
	 */
	static Dataset<Row> lines(SparkSession spark, String ndjsonDir) throws IOException {
		Path dir = new Path(ndjsonDir);
		FileSystem fs = dir.getFileSystem(spark.sparkContext().hadoopConfiguration());
		if (!fs.getFileStatus(dir).isDirectory()) { // throws FileNotFoundException when absent
			throw new IOException("not a folder: " + ndjsonDir);
		}
		FileStatus[] matches = fs.globStatus(new Path(dir, "*.{ndjson,ndjson.gz}"));
		List<String> files = new ArrayList<>();
		for (FileStatus status : matches == null ? new FileStatus[0] : matches) {
			String name = status.getPath().getName();
			if (!status.isFile()) {
				continue;
			}
			if (name.startsWith("_") || name.startsWith(".")) {
				System.err.println("lungcare-spark-indicators: skipping " + status.getPath()
						+ " (Spark treats names starting with '_' or '.' as hidden)");
				continue;
			}
			files.add(status.getPath().toString());
		}
		files.sort(null);
		Dataset<Row> text = files.isEmpty()
				? spark.createDataFrame(List.of(), new StructType().add("value", DataTypes.StringType))
				: spark.read().text(files.toArray(String[]::new));
		return text.selectExpr("value AS json", "get_json_object(value, '$.resourceType') AS resource_type");
	}

	/**
	 * {@code <ndjsonDir> <periodStart yyyy-MM-dd> <periodEnd yyyy-MM-dd>}: prints
	 * {@code {"copd-spirometry-12m":{"numerator":N,"denominator":D},"asthma-act-controlled":{...}}} on one line to
	 * stdout. Exit code 2 on bad arguments, 1 when the computation fails.
	 */
	public static void main(String[] args) {
		int code = run(args, System.out, System.err);
		if (code != 0) {
			System.exit(code);
		}
	}

	/** {@link #main(String[])} without the exit: returns the exit code. */
	static int run(String[] args, PrintStream out, PrintStream err) {
		if (args.length != 3) {
			err.println("usage: SparkIndicators <ndjsonDir> <periodStart yyyy-MM-dd> <periodEnd yyyy-MM-dd>");
			err.println("got: " + Arrays.toString(args));
			return 2;
		}
		LocalDate periodStart;
		LocalDate periodEnd;
		try {
			periodStart = LocalDate.parse(args[1]);
			periodEnd = LocalDate.parse(args[2]);
		} catch (DateTimeParseException e) {
			err.println("dates must be yyyy-MM-dd: " + e.getMessage());
			return 2;
		}
		if (periodStart.isAfter(periodEnd)) {
			err.println("period start " + periodStart + " is after period end " + periodEnd);
			return 2;
		}

		// Reuse a session that already runs in this JVM (a test, a notebook) and leave it running; else make one.
		long started = System.nanoTime();
		boolean ownSession = SparkSession.getDefaultSession().isEmpty();
		SparkSession spark = ownSession ? newSession() : SparkSession.getDefaultSession().get();
		try {
			long sessionReady = System.nanoTime();
			Result result = compute(spark, args[0], periodStart, periodEnd);
			out.println(result.toJson());
			out.flush();
			err.printf("lungcare-spark-indicators: Spark session %s in %d ms, indicators in %d ms%n",
					ownSession ? "started" : "reused", (sessionReady - started) / 1_000_000,
					(System.nanoTime() - sessionReady) / 1_000_000);
			return 0;
		} catch (Exception e) {
			err.println("lungcare-spark-indicators failed: " + e);
			e.printStackTrace(err);
			return 1;
		} finally {
			if (ownSession) {
				spark.stop();
			}
		}
	}

	/**
	 * The session of a command-line run. With no {@code spark.master} set (plain {@code java}), the local one of
	 * {@link #localSession()}; under {@code spark-submit} (or with {@code -Dspark.master=...}) the given master and
	 * settings, untouched.
	 */
	static SparkSession newSession() {
		SparkConf conf = new SparkConf(); // reads the spark.* system properties spark-submit sets
		if (!conf.contains("spark.master")) {
			return localSession();
		}
		conf.setIfMissing("spark.app.name", "lungcare-spark-indicators");
		conf.setIfMissing("spark.ui.showConsoleProgress", "false");
		SparkSession spark = SparkSession.builder().config(conf).getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		return spark;
	}

	/**
	 * A local session for one machine: {@code local[2]}, driver bound to 127.0.0.1 (no network beyond loopback),
	 * no web UI, few shuffle partitions, WARN logging.
	 */
	public static SparkSession localSession() {
		SparkSession spark = SparkSession.builder()
				.appName("lungcare-spark-indicators")
				.master("local[2]")
				.config("spark.driver.host", "127.0.0.1")
				.config("spark.driver.bindAddress", "127.0.0.1")
				.config("spark.ui.enabled", "false")
				.config("spark.ui.showConsoleProgress", "false")
				.config("spark.sql.shuffle.partitions", "4")
				.config("spark.default.parallelism", "2")
				// One executor in this JVM: never wait for a "better" locality (3 s per level by default)
				.config("spark.locality.wait", "0s")
				.getOrCreate();
		spark.sparkContext().setLogLevel("WARN");
		return spark;
	}
}
