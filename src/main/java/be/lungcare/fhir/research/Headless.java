package be.lungcare.fhir.research;

/**
 * Makes Java2D headless before anything in this package touches AWT: the chart needs no display, and a JVM that
 * looked for one (a {@code DISPLAY} variable set on a build machine or a desktop) could fail or open a connection to
 * it. Spring Boot already does this for the server; this covers a plain JVM (a unit test, a command-line tool). AWT
 * reads the property once, when its first class loads, so the entry points ({@link IndicatorChart},
 * {@link IndicatorPage}) call this from their static initializers, before any field that is an AWT object.
 */
final class Headless {

	private Headless() {
	}

	static void ensure() {
		if (System.getProperty("java.awt.headless") == null) {
			System.setProperty("java.awt.headless", "true");
		}
	}
}
