package be.lungcare.fhir.research;

import java.awt.Color;
import java.awt.Font;
import java.awt.font.FontRenderContext;
import java.awt.geom.Point2D;
import java.util.List;

/**
 * What the chart is drawn with: the same drawing goes to a raster image (PNG) and to SVG, so the two cannot drift
 * apart. Coordinates are pixels from the top left; text sits on its baseline.
 */
interface Canvas {

	/** How text is measured for the layout, in both outputs: the anti-aliased, fractional metrics the PNG uses. */
	FontRenderContext METRICS = new FontRenderContext(null, true, true);

	enum Anchor {
		START, MIDDLE, END
	}

	static double width(String text, Font font) {
		return font.getStringBounds(text, METRICS).getWidth();
	}

	void rect(double x, double y, double width, double height, Color fill, Color stroke);

	void line(double x1, double y1, double x2, double y2, Color color, double width);

	/** One series' line: one path, broken into runs where the series has gaps. */
	void path(List<List<Point2D.Double>> runs, Color color, double width, float[] dash);

	void circle(double cx, double cy, double radius, Color fill, Color stroke, double strokeWidth);

	void text(String text, double x, double y, Font font, Color color, Anchor anchor);

	/** Starts a group of shapes (an SVG {@code g}, for readers and tests; nothing in a raster image). */
	void begin(String role, String series);

	void end();
}
