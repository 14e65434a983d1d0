package be.lungcare.research.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import be.lungcare.research.spark.SparkIndicators.Count;
import be.lungcare.research.spark.SparkIndicators.Result;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The two indicators on the hand-made export of {@link TestExport}, whose expected numbers are worked out patient
 * by patient there (each fixture line says why it is in or out). One local Spark session for the whole class.
 *
 * <p>Patients: {@code c*} COPD cases, {@code a*} asthma cases, {@code b*} both diseases. The main period is
 * 2026-01-01..2026-11-30, so the spirometry window is 2025-12-01..2026-11-30.
 */
class SparkIndicatorsTest {

	static final LocalDate START = LocalDate.parse("2026-01-01");
	static final LocalDate END = LocalDate.parse("2026-11-30");

	@TempDir
	static Path temp;

	static SparkSession spark;
	static Path export;
	static Path withoutObservations;
	static Path empty;

	@BeforeAll
	static void setUp() throws IOException {
		export = Files.createDirectories(temp.resolve("export"));
		withoutObservations = Files.createDirectories(temp.resolve("without-observations"));
		empty = Files.createDirectories(temp.resolve("empty"));
		TestExport.writeExport(export);
		TestExport.writeExportWithoutObservations(export, withoutObservations);

		long started = System.nanoTime();
		spark = SparkIndicators.localSession();
		System.err.printf("Spark local session started in %d ms%n", (System.nanoTime() - started) / 1_000_000);
	}

	@AfterAll
	static void tearDown() {
		if (spark != null) {
			spark.stop();
		}
	}

	// ------------------------------------------------------------------------------------------------------------
	// Tests

	@Test
	void mainPeriod() throws IOException {
		long started = System.nanoTime();
		Result result = SparkIndicators.compute(spark, export.toString(), START, END);
		System.err.printf("compute took %d ms%n", (System.nanoTime() - started) / 1_000_000);

		assertEquals(new Count(8, 12), result.copdSpirometry12m());
		assertEquals(new Count(8, 11), result.asthmaActControlled());
	}

	/** The period start moves only the asthma indicator. */
	@Test
	void laterPeriodStart() throws IOException {
		Result result = SparkIndicators.compute(spark, export.toString(), LocalDate.parse("2026-06-01"), END);

		assertEquals(new Count(8, 12), result.copdSpirometry12m());
		// ACT in 2026-06-01..2026-11-30: a1 (15), a2 (20), a4 (21), a7 (19.5), a14 (24), b2 (10)
		assertEquals(new Count(3, 6), result.asthmaActControlled());
	}

	/** An earlier period end moves the spirometry window to 2025-10-01..2026-09-30. */
	@Test
	void earlierPeriodEnd() throws IOException {
		Result result = SparkIndicators.compute(spark, export.toString(), START, LocalDate.parse("2026-09-30"));

		// in: c2 (2025-10-30) c3 c8 c11 c12 c16 b1; out: c1 (2026-10-06) c9 (2026-11-30)
		assertEquals(new Count(7, 12), result.copdSpirometry12m());
		// a7's only ACT in the period is gone (2026-10-10), a15's entered-in-error never counted
		assertEquals(new Count(8, 10), result.asthmaActControlled());
	}

	@Test
	void spirometryWindow() {
		assertEquals(LocalDate.parse("2025-12-01"), SparkIndicators.spirometryWindowStart(END));
		assertEquals(LocalDate.parse("2025-10-01"), SparkIndicators.spirometryWindowStart(LocalDate.parse("2026-09-30")));
		assertEquals(LocalDate.parse("2026-01-01"), SparkIndicators.spirometryWindowStart(LocalDate.parse("2026-12-31")));
	}

	@Test
	void missingObservationFile() throws IOException {
		Result result = SparkIndicators.compute(spark, withoutObservations.toString(), START, END);

		// c16 is only in the mixed file, the hidden _Condition.ndjson is skipped
		assertEquals(new Count(0, 11), result.copdSpirometry12m());
		assertEquals(new Count(0, 0), result.asthmaActControlled());
	}

	@Test
	void emptyExport() throws IOException {
		Result result = SparkIndicators.compute(spark, empty.toString(), START, END);

		assertEquals(new Count(0, 0), result.copdSpirometry12m());
		assertEquals(new Count(0, 0), result.asthmaActControlled());
	}

	/** main end to end: one line of JSON on stdout, nothing else (it reuses this class's session). */
	@Test
	void mainPrintsOneLineOfJson() {
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		PrintStream stdout = System.out;
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		try {
			SparkIndicators.main(new String[] {export.toString(), "2026-01-01", "2026-11-30"});
		} finally {
			System.setOut(stdout);
		}
		assertEquals("{\"copd-spirometry-12m\":{\"numerator\":8,\"denominator\":12},"
				+ "\"asthma-act-controlled\":{\"numerator\":8,\"denominator\":11}}" + System.lineSeparator(),
				captured.toString(StandardCharsets.UTF_8));
		assertTrue(SparkSession.getDefaultSession().isDefined(), "main must not stop a session it did not start");
	}

	@Test
	void badArgumentsAndMissingFolder() {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ByteArrayOutputStream err = new ByteArrayOutputStream();
		PrintStream outStream = new PrintStream(out, true, StandardCharsets.UTF_8);
		PrintStream errStream = new PrintStream(err, true, StandardCharsets.UTF_8);

		assertEquals(2, SparkIndicators.run(new String[] {export.toString()}, outStream, errStream));
		assertEquals(2, SparkIndicators.run(new String[] {export.toString(), "2026-01-01", "30/11/2026"}, outStream,
				errStream));
		assertEquals(2, SparkIndicators.run(new String[] {export.toString(), "2026-12-01", "2026-11-30"}, outStream,
				errStream));
		assertEquals(1, SparkIndicators.run(new String[] {temp.resolve("absent").toString(), "2026-01-01",
				"2026-11-30"}, outStream, errStream));
		assertEquals("", out.toString(StandardCharsets.UTF_8), "nothing on stdout when failing");
	}
}
