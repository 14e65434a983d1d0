package be.lungcare.fhir.research;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.hl7.fhir.r4.model.MeasureReport;

/**
 * A line chart of integrated-care indicators, as PNG or as SVG: one line per indicator over the period ends,
 * proportions in percent in one panel, rates in a panel of their own (see {@link ChartPainter} for the layout and why).
 * <p>
 * Input is what the indicator operation produces: MeasureReports in any order, several indicators mixed, one period
 * each; titles by indicator code (the last path segment of {@code MeasureReport.measure}), the code standing in for a
 * missing title. A report without a score (denominator 0) is a gap in its line. Without any report that has a period,
 * the chart says "No data".
 * <p>
 * Both outputs are drawn by the same code, so they show the same chart. Only headless Java2D is used (an image in
 * memory, its Graphics2D, and a PNG writer writing to memory, not to ImageIO's temporary files).
 */
final class IndicatorChart {

	static {
		Headless.ensure(); // first: the palette's Color class already asks whether AWT is headless
	}

	/**
	 * The series colours, in order: the Okabe–Ito palette without its yellow (too pale on white), readable by people with
	 * the common colour-vision deficiencies. Past the seventh indicator the colours repeat, dashed.
	 */
	static final List<Color> PALETTE = List.of(
			new Color(0x0072B2), // blue
			new Color(0xD55E00), // vermilion
			new Color(0x009E73), // bluish green
			new Color(0xCC79A7), // reddish purple
			new Color(0xE69F00), // orange
			new Color(0x56B4E9), // sky blue
			new Color(0x000000)); // black

	static final int MIN_WIDTH = 320;
	static final int MIN_HEIGHT = 200;

	private IndicatorChart() {
	}

	/** The chart as a PNG image of {@code width} × {@code height} pixels (at least 320 × 200). */
	static byte[] png(List<MeasureReport> reports, Map<String, String> titles, int width, int height) {
		return png(ChartSeriesReader.read(reports, titles), width, height);
	}

	/**
	 * The chart as a standalone SVG document (with XML declaration and namespace) of {@code width} × {@code height}
	 * user units; it scales to any size, the numbers set its proportions and the size of its text.
	 */
	static String svg(List<MeasureReport> reports, Map<String, String> titles, int width, int height) {
		return svg(ChartSeriesReader.read(reports, titles), width, height, true);
	}

	static byte[] png(List<ChartSeries> indicators, int width, int height) {
		checkSize(width, height);
		BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
		Graphics2D graphics = image.createGraphics();
		try {
			ChartPainter.paint(new RasterCanvas(graphics), indicators, width, height);
		} finally {
			graphics.dispose();
		}
		return encode(image);
	}

	/**
	 * The chart as an SVG element; {@code standalone} adds the XML declaration and the SVG namespace, which an
	 * {@code svg} element inside an HTML page does without.
	 */
	static String svg(List<ChartSeries> indicators, int width, int height, boolean standalone) {
		checkSize(width, height);
		StringBuilder svg = new StringBuilder(16_384);
		if (standalone) {
			svg.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
		}
		svg.append("<svg");
		if (standalone) {
			svg.append(" xmlns=\"http://www.w3.org/2000/svg\"");
		}
		svg.append(" width=\"").append(width).append("\" height=\"").append(height).append("\" viewBox=\"0 0 ")
				.append(width).append(' ').append(height).append("\" role=\"img\"")
				.append(" font-family=\"DejaVu Sans, Verdana, Arial, Helvetica, sans-serif\">\n");
		svg.append("<title>").append(Markup.escape(description(indicators))).append("</title>\n");
		ChartPainter.paint(new SvgCanvas(svg), indicators, width, height);
		svg.append("</svg>\n");
		return svg.toString();
	}

	/** What a screen reader says for the chart. */
	private static String description(List<ChartSeries> indicators) {
		if (indicators.isEmpty()) {
			return "ChartSeries chart: no data";
		}
		return "ChartSeries chart: " + String.join("; ", indicators.stream().map(ChartSeries::title).toList());
	}

	private static void checkSize(int width, int height) {
		if (width < MIN_WIDTH || height < MIN_HEIGHT) {
			throw new IllegalArgumentException("A chart needs at least " + MIN_WIDTH + " × " + MIN_HEIGHT + " pixels, not "
					+ width + " × " + height);
		}
	}

	private static byte[] encode(BufferedImage image) {
		Iterator<ImageWriter> writers = ImageIO.getImageWritersByFormatName("png");
		if (!writers.hasNext()) {
			throw new IllegalStateException("This JVM has no PNG writer");
		}
		ImageWriter writer = writers.next();
		ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 * 1024);
		try (ImageOutputStream out = new MemoryCacheImageOutputStream(bytes)) {
			writer.setOutput(out);
			writer.write(image);
		} catch (IOException e) {
			throw new UncheckedIOException("Could not encode the chart as PNG", e);
		} finally {
			writer.dispose();
		}
		return bytes.toByteArray();
	}
}
