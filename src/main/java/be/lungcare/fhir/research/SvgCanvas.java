package be.lungcare.fhir.research;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.util.List;
import java.util.Locale;

/**
 * Writes the drawing as SVG elements. Every text goes through {@link Markup#escape}; series are grouped and named
 * ({@code data-series}) so that a reader of the SVG, or a test, can tell them apart.
 */
final class SvgCanvas implements Canvas {

	private final StringBuilder svg;

	SvgCanvas(StringBuilder svg) {
		this.svg = svg;
	}

	@Override
	public void rect(double x, double y, double width, double height, Color fill, Color stroke) {
		svg.append("<rect x=\"").append(Markup.number(x)).append("\" y=\"").append(Markup.number(y))
				.append("\" width=\"").append(Markup.number(width)).append("\" height=\"").append(Markup.number(height))
				.append("\" fill=\"").append(fill == null ? "none" : hex(fill)).append('"');
		if (stroke != null) {
			svg.append(" stroke=\"").append(hex(stroke)).append('"');
		}
		svg.append("/>\n");
	}

	@Override
	public void line(double x1, double y1, double x2, double y2, Color color, double width) {
		svg.append("<line x1=\"").append(Markup.number(x1)).append("\" y1=\"").append(Markup.number(y1))
				.append("\" x2=\"").append(Markup.number(x2)).append("\" y2=\"").append(Markup.number(y2))
				.append("\" stroke=\"").append(hex(color)).append("\" stroke-width=\"").append(Markup.number(width))
				.append("\"/>\n");
	}

	@Override
	public void path(List<List<Point2D.Double>> runs, Color color, double width, float[] dash) {
		StringBuilder d = new StringBuilder();
		for (List<Point2D.Double> run : runs) {
			for (int i = 0; i < run.size(); i++) {
				d.append(d.length() == 0 ? "" : " ").append(i == 0 ? 'M' : 'L').append(Markup.number(run.get(i).x))
						.append(' ').append(Markup.number(run.get(i).y));
			}
		}
		svg.append("<path d=\"").append(d).append("\" fill=\"none\" stroke=\"").append(hex(color))
				.append("\" stroke-width=\"").append(Markup.number(width))
				.append("\" stroke-linecap=\"round\" stroke-linejoin=\"round\"");
		if (dash != null) {
			svg.append(" stroke-dasharray=\"");
			for (int i = 0; i < dash.length; i++) {
				svg.append(i == 0 ? "" : " ").append(Markup.number(dash[i]));
			}
			svg.append('"');
		}
		svg.append("/>\n");
	}

	@Override
	public void circle(double cx, double cy, double radius, Color fill, Color stroke, double strokeWidth) {
		svg.append("<circle cx=\"").append(Markup.number(cx)).append("\" cy=\"").append(Markup.number(cy))
				.append("\" r=\"").append(Markup.number(radius)).append("\" fill=\"")
				.append(fill == null ? "none" : hex(fill)).append('"');
		if (stroke != null) {
			svg.append(" stroke=\"").append(hex(stroke)).append("\" stroke-width=\"").append(Markup.number(strokeWidth))
					.append('"');
		}
		svg.append("/>\n");
	}

	@Override
	public void text(String text, double x, double y, Font font, Color color, Anchor anchor) {
		svg.append("<text x=\"").append(Markup.number(x)).append("\" y=\"").append(Markup.number(y))
				.append("\" font-size=\"").append(Markup.number(font.getSize2D())).append('"');
		if (font.isBold()) {
			svg.append(" font-weight=\"bold\"");
		}
		if (anchor != Anchor.START) {
			svg.append(" text-anchor=\"").append(anchor == Anchor.MIDDLE ? "middle" : "end").append('"');
		}
		svg.append(" fill=\"").append(hex(color)).append("\">").append(Markup.escape(text)).append("</text>\n");
	}

	@Override
	public void begin(String role, String series) {
		svg.append("<g class=\"").append(Markup.escape(role)).append('"');
		if (series != null) {
			svg.append(" data-series=\"").append(Markup.escape(series)).append('"');
		}
		svg.append(">\n");
	}

	@Override
	public void end() {
		svg.append("</g>\n");
	}

	static String hex(Color color) {
		return String.format(Locale.ROOT, "#%06X", color.getRGB() & 0xFFFFFF);
	}
}
