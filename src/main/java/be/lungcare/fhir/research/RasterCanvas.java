package be.lungcare.fhir.research;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * Draws on a Java2D image. Anti-aliased shapes and text, with pure strokes and fractional text metrics: the layout
 * measures text the same way ({@link Canvas#METRICS}), and the chart places 1-pixel lines on pixel centres itself.
 */
final class RasterCanvas implements Canvas {

	private final Graphics2D graphics;

	RasterCanvas(Graphics2D graphics) {
		this.graphics = graphics;
		graphics.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
		graphics.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
		graphics.setRenderingHint(RenderingHints.KEY_RENDERING, RenderingHints.VALUE_RENDER_QUALITY);
	}

	@Override
	public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
		Rectangle2D.Double rectangle = new Rectangle2D.Double(x, y, width, height);
		if (fill != null) {
			graphics.setColor(fill);
			graphics.fill(rectangle);
		}
		if (stroke != null) {
			graphics.setColor(stroke);
			graphics.setStroke(new BasicStroke(1f));
			graphics.draw(rectangle);
		}
	}

	@Override
	public void line(double x1, double y1, double x2, double y2, Color color, double width) {
		graphics.setColor(color);
		graphics.setStroke(new BasicStroke((float) width));
		graphics.draw(new Line2D.Double(x1, y1, x2, y2));
	}

	@Override
	public void path(List<List<Point2D.Double>> runs, Color color, double width, float[] dash) {
		Path2D.Double path = new Path2D.Double();
		for (List<Point2D.Double> run : runs) {
			path.moveTo(run.get(0).x, run.get(0).y);
			for (Point2D.Double point : run.subList(1, run.size())) {
				path.lineTo(point.x, point.y);
			}
		}
		graphics.setColor(color);
		graphics.setStroke(new BasicStroke((float) width, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f, dash, 0f));
		graphics.draw(path);
	}

	@Override
	public void circle(double cx, double cy, double radius, Color fill, Color stroke, double strokeWidth) {
		Ellipse2D.Double circle = new Ellipse2D.Double(cx - radius, cy - radius, 2 * radius, 2 * radius);
		if (fill != null) {
			graphics.setColor(fill);
			graphics.fill(circle);
		}
		if (stroke != null) {
			graphics.setColor(stroke);
			graphics.setStroke(new BasicStroke((float) strokeWidth));
			graphics.draw(circle);
		}
	}

	@Override
	public void text(String text, double x, double y, Font font, Color color, Anchor anchor) {
		double width = anchor == Anchor.START ? 0 : Canvas.width(text, font);
		double left = anchor == Anchor.START ? x : anchor == Anchor.MIDDLE ? x - width / 2 : x - width;
		graphics.setFont(font);
		graphics.setColor(color);
		graphics.drawString(text, (float) left, (float) y);
	}

	@Override
	public void begin(String role, String series) {
		// groups only structure the SVG
	}

	@Override
	public void end() {
		// groups only structure the SVG
	}
}
