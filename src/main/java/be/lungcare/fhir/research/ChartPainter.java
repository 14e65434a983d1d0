package be.lungcare.fhir.research;

import java.awt.Color;
import java.awt.Font;
import java.awt.geom.Point2D;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Lays the chart out and draws it on a {@link Canvas}.
 * <p>
 * Proportions and rates are never drawn against one scale: each unit gets its own panel, stacked on one shared time
 * axis (proportions on top, 0–100 %; below them a panel per rate unit, from 0 to a round value above the highest
 * rate). A second y axis on the right was the alternative; it was not chosen because where two lines on different
 * scales cross means nothing, yet the eye reads it as meaningful, and in a stacked panel each line is read against the
 * axis right next to it.
 * <p>
 * The time axis is proportional to time (a period end on the 31st and one on the 28th are not evenly spaced) and is
 * labelled with the period ends, as {@code yyyy-MM} (or {@code yyyy-MM-dd} when two periods end in the same month),
 * thinned to a regular stride when the labels would overlap. A period without a score breaks its line and shows as an
 * open circle on the panel's bottom axis, explained in a note under the legend.
 */
final class ChartPainter {

	private static final Color BACKGROUND = Color.WHITE;
	private static final Color INK = new Color(0x1F2933);
	private static final Color MUTED = new Color(0x52606D);
	private static final Color GRID = new Color(0xE4E7EB);
	private static final Color TIME_GRID = new Color(0xF0F2F4);
	private static final Color AXIS = new Color(0x9AA5B1);

	static final Font TICK = font(12f, false);
	static final Font CAPTION = font(13f, true);
	static final Font LEGEND = font(13f, false);
	static final Font NOTE = font(12f, false);
	static final Font EMPTY = font(18f, false);

	private static final double OUTER = 16;
	private static final double RIGHT = 28;
	private static final double TOP = 40;
	private static final double PANEL_GAP = 46;
	private static final double INNER = 18;
	private static final double TIME_LABELS = 30;
	private static final double LEGEND_ROW = 24;
	private static final double SWATCH = 28;
	private static final double LINE_WIDTH = 2.5;
	private static final double MARKER = 3.75;
	/** Above this many periods, markers would crowd the line: only isolated points keep one. */
	private static final int MARKERS_UP_TO = 40;
	private static final float[] DASH = {8f, 5f};

	private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");
	private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE;

	private final Canvas canvas;
	private final double width;
	private final double height;

	private ChartPainter(Canvas canvas, int width, int height) {
		this.canvas = canvas;
		this.width = width;
		this.height = height;
	}

	static Font font(float size, boolean bold) {
		return new Font(Font.SANS_SERIF, bold ? Font.BOLD : Font.PLAIN, 1).deriveFont(size);
	}

	static Color colour(int index) {
		return IndicatorChart.PALETTE.get(index % IndicatorChart.PALETTE.size());
	}

	/** Past the palette, colours come round again, dashed. */
	static float[] dash(int index) {
		return index / IndicatorChart.PALETTE.size() % 2 == 1 ? DASH : null;
	}

	static void paint(Canvas canvas, List<ChartSeries> indicators, int width, int height) {
		new ChartPainter(canvas, width, height).paint(indicators);
	}

	private record Panel(String axis, boolean proportion, List<Integer> members, Scale scale) {

		String caption() {
			return proportion ? "Proportion (%)" : "Rate (" + axis + ")";
		}

		String label(double value) {
			return proportion ? scale.label(value) + " %" : scale.label(value);
		}
	}

	/** A legend entry: the indicator's index (-1 for the "+ n more" that ends a legend cut short), text and place. */
	private record LegendEntry(int index, String text, double x, int row) {
	}

	private void paint(List<ChartSeries> indicators) {
		canvas.rect(0, 0, width, height, BACKGROUND, null);
		List<Integer> drawn = new ArrayList<>();
		for (int i = 0; i < indicators.size(); i++) {
			if (indicators.get(i).periods().stream().anyMatch(period -> period.at() != null)) {
				drawn.add(i);
			}
		}
		if (drawn.isEmpty()) {
			paintEmpty();
			return;
		}
		boolean gaps = drawn.stream().anyMatch(i -> indicators.get(i).hasGaps());
		long panelCount = drawn.stream().map(i -> indicators.get(i).axis()).distinct().count();
		double right = width - RIGHT;
		// the legend may take what the panels, at 45 pixels each, leave; a longer one ends in "+ n more"
		double legendRoom = height - OUTER - TIME_LABELS - (gaps ? LEGEND_ROW : 0) - TOP
				- panelCount * 45 - (panelCount - 1) * PANEL_GAP;
		int maxRows = Math.max(1, (int) (legendRoom / LEGEND_ROW));
		// the number of ticks follows the panels' height, and the room the tick labels take follows the ticks: lay out
		// with the widest proportion label first, then again with the real labels
		double left = OUTER + Math.ceil(Canvas.width("100 %", TICK)) + 10;
		double panelHeight = panelHeight(legend(indicators, drawn, left, right, maxRows), gaps, panelCount);
		List<Panel> panels = panels(indicators, drawn, (int) Math.max(1, Math.min(5, panelHeight / 28)));
		double labels = 0;
		for (Panel panel : panels) {
			for (double tick : panel.scale().ticks()) {
				labels = Math.max(labels, Canvas.width(panel.label(tick), TICK));
			}
		}
		left = OUTER + Math.ceil(labels) + 10;
		List<LegendEntry> legend = legend(indicators, drawn, left, right, maxRows);
		int rows = rows(legend);
		panelHeight = panelHeight(legend, gaps, panelCount);
		double bottom = TOP + panelCount * panelHeight + (panelCount - 1) * PANEL_GAP;

		TimeAxis time = new TimeAxis(indicators, drawn, left + INNER, right - INNER);
		for (int p = 0; p < panels.size(); p++) {
			double top = TOP + p * (panelHeight + PANEL_GAP);
			paintPanel(panels.get(p), indicators, time, top, top + panelHeight, left, right);
		}
		time.paintLabels(bottom);

		double legendTop = bottom + TIME_LABELS + LEGEND_ROW - 6;
		canvas.begin("legend", null);
		for (LegendEntry entry : legend) {
			double y = legendTop + entry.row() * LEGEND_ROW;
			double middle = y - 4.5;
			if (entry.index() < 0) {
				canvas.text(entry.text(), entry.x(), y, LEGEND, MUTED, Canvas.Anchor.START);
				continue;
			}
			canvas.path(List.of(List.of(new Point2D.Double(entry.x(), middle), new Point2D.Double(entry.x() + SWATCH, middle))),
					colour(entry.index()), LINE_WIDTH, dash(entry.index()));
			canvas.circle(entry.x() + SWATCH / 2, middle, MARKER, colour(entry.index()), BACKGROUND, 1.5);
			canvas.text(entry.text(), entry.x() + SWATCH + 8, y, LEGEND, INK, Canvas.Anchor.START);
		}
		canvas.end();
		if (gaps) {
			boolean denominatorZero = drawn.stream().flatMap(i -> indicators.get(i).periods().stream())
					.filter(period -> period.at() != null && !period.scored())
					.allMatch(period -> period.denominator() != null && period.denominator() == 0);
			double y = legendTop + rows * LEGEND_ROW;
			canvas.begin("note", null);
			canvas.circle(left + SWATCH / 2, y - 4.5, MARKER, BACKGROUND, MUTED, 1.75);
			String note = "a period without a score" + (denominatorZero ? " (denominator 0)" : "") + ": the line is broken there";
			canvas.text(fit(note, NOTE, right - left - SWATCH - 8), left + SWATCH + 8, y, NOTE, MUTED, Canvas.Anchor.START);
			canvas.end();
		}
	}

	private void paintEmpty() {
		canvas.rect(OUTER + 0.5, OUTER + 0.5, width - 2 * OUTER - 1, height - 2 * OUTER - 1, null, GRID);
		canvas.text("No data", width / 2, height / 2, EMPTY, MUTED, Canvas.Anchor.MIDDLE);
		canvas.text("no indicator report with a period to draw", width / 2, height / 2 + 24, NOTE, MUTED,
				Canvas.Anchor.MIDDLE);
	}

	private double panelHeight(List<LegendEntry> legend, boolean gaps, long panelCount) {
		double bottom = height - OUTER - TIME_LABELS - rows(legend) * LEGEND_ROW - (gaps ? LEGEND_ROW : 0);
		return (bottom - TOP - PANEL_GAP * (panelCount - 1)) / panelCount;
	}

	private static int rows(List<LegendEntry> legend) {
		return legend.isEmpty() ? 0 : legend.get(legend.size() - 1).row() + 1;
	}

	private static List<Panel> panels(List<ChartSeries> indicators, List<Integer> drawn, int intervals) {
		Map<String, List<Integer>> byAxis = new LinkedHashMap<>();
		for (int i : drawn) {
			byAxis.computeIfAbsent(indicators.get(i).axis(), axis -> new ArrayList<>()).add(i);
		}
		List<Panel> panels = new ArrayList<>();
		byAxis.forEach((axis, members) -> {
			boolean proportion = indicators.get(members.get(0)).proportion();
			double low = 0;
			double high = proportion ? 100 : 0;
			for (int i : members) {
				for (ChartSeries.Period period : indicators.get(i).periods()) {
					if (period.at() != null && period.scored()) {
						double value = value(indicators.get(i), period);
						low = Math.min(low, value);
						high = Math.max(high, value);
					}
				}
			}
			panels.add(new Panel(axis, proportion, members, Scale.covering(low, high, intervals)));
		});
		return panels;
	}

	/** What is plotted: a proportion as a percentage, a rate as it is. */
	private static double value(ChartSeries indicator, ChartSeries.Period period) {
		double score = period.score().doubleValue();
		return indicator.proportion() ? score * 100 : score;
	}

	/**
	 * Legend entries flowing left to right in rows; a title too long for a whole row is shortened with "…", and
	 * entries past {@code maxRows} rows are counted in a last "+ n more".
	 */
	private static List<LegendEntry> legend(List<ChartSeries> indicators, List<Integer> drawn, double left, double right,
			int maxRows) {
		List<LegendEntry> entries = new ArrayList<>();
		double x = left;
		int row = 0;
		double textRoom = right - left - SWATCH - 8;
		for (int i : drawn) {
			String text = fit(indicators.get(i).title(), LEGEND, textRoom);
			double entryWidth = SWATCH + 8 + Canvas.width(text, LEGEND);
			if (x > left && x + entryWidth > right) {
				row++;
				x = left;
			}
			entries.add(new LegendEntry(i, text, x, row));
			x += entryWidth + 26;
		}
		if (row < maxRows) {
			return entries;
		}
		List<LegendEntry> shown = new ArrayList<>(entries.stream().filter(entry -> entry.row() < maxRows).toList());
		while (true) {
			String more = "+ " + (drawn.size() - shown.size()) + " more";
			LegendEntry last = shown.isEmpty() ? null : shown.get(shown.size() - 1);
			double at = last == null ? left : last.x() + SWATCH + 8 + Canvas.width(last.text(), LEGEND) + 26;
			if (last == null || last.row() < maxRows - 1 || at + Canvas.width(more, LEGEND) <= right) {
				boolean newRow = last != null && at + Canvas.width(more, LEGEND) > right;
				shown.add(new LegendEntry(-1, more, newRow ? left : at, last == null ? 0 : newRow ? last.row() + 1 : last.row()));
				return shown;
			}
			shown.remove(shown.size() - 1);
		}
	}

	static String fit(String text, Font font, double room) {
		if (Canvas.width(text, font) <= room) {
			return text;
		}
		int end = text.length();
		while (end > 1 && Canvas.width(text.substring(0, end).strip() + "…", font) > room) {
			end = text.offsetByCodePoints(end, -1);
		}
		return text.substring(0, end).strip() + "…";
	}

	private void paintPanel(Panel panel, List<ChartSeries> indicators, TimeAxis time, double top, double bottom,
			double left, double right) {
		canvas.begin("panel", null);
		canvas.text(panel.caption(), OUTER, top - 14, CAPTION, INK, Canvas.Anchor.START);
		for (double x : time.labelled()) {
			canvas.line(crisp(x), top, crisp(x), bottom, TIME_GRID, 1);
		}
		for (double tick : panel.scale().ticks()) {
			double y = panel.scale().position(tick, bottom, top);
			if (Math.abs(y - bottom) > 0.5) {
				canvas.line(left, crisp(y), right, crisp(y), GRID, 1);
			}
			canvas.text(panel.label(tick), left - 10, y + 4.5, TICK, MUTED, Canvas.Anchor.END);
		}
		canvas.line(left, crisp(bottom), right, crisp(bottom), AXIS, 1);
		for (double x : time.all()) {
			canvas.line(crisp(x), crisp(bottom), crisp(x), crisp(bottom) + 5, AXIS, 1);
		}
		canvas.end();

		Map<LocalDate, Integer> gapsAt = new HashMap<>();
		for (int i : panel.members()) {
			ChartSeries indicator = indicators.get(i);
			List<List<Point2D.Double>> runs = new ArrayList<>();
			List<Point2D.Double> run = null;
			List<Point2D.Double> markers = new ArrayList<>();
			List<Point2D.Double> gaps = new ArrayList<>();
			List<ChartSeries.Period> periods = indicator.periods().stream().filter(period -> period.at() != null).toList();
			for (int k = 0; k < periods.size(); k++) {
				ChartSeries.Period period = periods.get(k);
				double x = time.x(period.at());
				if (!period.scored()) {
					run = null;
					int stacked = gapsAt.merge(period.at(), 1, Integer::sum) - 1;
					gaps.add(new Point2D.Double(x, bottom - stacked * (2 * MARKER + 3)));
					continue;
				}
				Point2D.Double point = new Point2D.Double(x, panel.scale().position(value(indicator, period), bottom, top));
				if (run == null) {
					run = new ArrayList<>();
					runs.add(run);
				}
				run.add(point);
				boolean isolated = (k == 0 || !periods.get(k - 1).scored()) && (k == periods.size() - 1 || !periods.get(k + 1).scored());
				if (periods.size() <= MARKERS_UP_TO || isolated) {
					markers.add(point);
				}
			}
			Color colour = colour(i);
			canvas.begin("series", indicator.code());
			if (!runs.isEmpty()) {
				canvas.path(runs, colour, LINE_WIDTH, dash(i));
			}
			for (Point2D.Double marker : markers) {
				canvas.circle(marker.x, marker.y, MARKER, colour, BACKGROUND, 1.5);
			}
			canvas.end();
			if (!gaps.isEmpty()) {
				canvas.begin("gaps", indicator.code());
				for (Point2D.Double gap : gaps) {
					canvas.circle(gap.x, gap.y, MARKER, BACKGROUND, colour, 1.75);
				}
				canvas.end();
			}
		}
	}

	/** A 1-pixel line on a pixel centre, so that it is sharp rather than smeared over two pixels. */
	private static double crisp(double value) {
		return Math.floor(value) + 0.5;
	}

	/** The shared time axis: where each period end goes, and which ends are labelled. */
	private final class TimeAxis {

		private final List<LocalDate> dates;
		private final long first;
		private final long last;
		private final double from;
		private final double to;
		private final DateTimeFormatter format;
		private final int stride;

		TimeAxis(List<ChartSeries> indicators, List<Integer> drawn, double from, double to) {
			TreeSet<LocalDate> ends = new TreeSet<>();
			for (int i : drawn) {
				indicators.get(i).periods().stream().map(ChartSeries.Period::at).filter(at -> at != null).forEach(ends::add);
			}
			this.dates = List.copyOf(ends);
			this.first = dates.get(0).toEpochDay();
			this.last = dates.get(dates.size() - 1).toEpochDay();
			this.from = from;
			this.to = to;
			Set<YearMonth> months = new HashSet<>();
			boolean sameMonth = dates.stream().anyMatch(date -> !months.add(YearMonth.from(date)));
			this.format = sameMonth ? DAY : MONTH;
			this.stride = stride();
		}

		double x(LocalDate date) {
			return last == first ? (from + to) / 2 : from + (date.toEpochDay() - first) * (to - from) / (last - first);
		}

		/** The smallest stride at which no two labels come closer than 12 pixels. */
		private int stride() {
			for (int stride = 1; stride < dates.size(); stride++) {
				boolean fits = true;
				for (int i = 0; i + stride < dates.size() && fits; i += stride) {
					double room = x(dates.get(i + stride)) - x(dates.get(i));
					fits = room >= (labelWidth(dates.get(i)) + labelWidth(dates.get(i + stride))) / 2 + 12;
				}
				if (fits) {
					return stride;
				}
			}
			return Math.max(1, dates.size());
		}

		private double labelWidth(LocalDate date) {
			return Canvas.width(format.format(date), TICK);
		}

		List<Double> all() {
			return dates.stream().map(this::x).toList();
		}

		List<Double> labelled() {
			List<Double> labelled = new ArrayList<>();
			for (int i = 0; i < dates.size(); i += stride) {
				labelled.add(x(dates.get(i)));
			}
			return labelled;
		}

		void paintLabels(double axis) {
			canvas.begin("time-axis", null);
			for (int i = 0; i < dates.size(); i += stride) {
				String label = format.format(dates.get(i));
				double half = labelWidth(dates.get(i)) / 2;
				double x = Math.max(OUTER + half, Math.min(width - OUTER / 2 - half, x(dates.get(i))));
				canvas.line(crisp(x(dates.get(i))), crisp(axis), crisp(x(dates.get(i))), crisp(axis) + 7, AXIS, 1);
				canvas.text(label, x, axis + 22, TICK, MUTED, Canvas.Anchor.MIDDLE);
			}
			canvas.end();
		}
	}
}
