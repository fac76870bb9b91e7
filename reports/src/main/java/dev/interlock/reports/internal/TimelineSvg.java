package dev.interlock.reports.internal;

import static dev.interlock.reports.internal.TextFormat.html;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Draws a {@link Timeline} as an inline SVG: one lane per operation, attempts as bars labelled with
 * their status (colour repeats what the label says), waits as hatched bars labelled with duration
 * and reason, notes as dashed markers, and a time axis. The SVG has a title and description for
 * screen readers; the report also lists the events as a table.
 */
public final class TimelineSvg {

  private static final int WIDTH = 960;
  private static final int LEFT = 170;
  private static final int RIGHT = 24;
  private static final int TOP = 14;
  private static final int LANE = 50;
  private static final int AXIS = 34;

  private TimelineSvg() {}

  /** The SVG element; {@code id} makes its title referable and must be unique in the page. */
  public static String render(Timeline timeline, String id) {
    Map<String, Integer> lanes = new LinkedHashMap<>();
    for (Timeline.Event e : timeline.events()) {
      if (e.attempt()) {
        lanes.putIfAbsent(laneName(e), lanes.size());
      }
    }
    if (lanes.isEmpty()) {
      lanes.put("(no attempts)", 0);
    }
    long span = niceCeiling(timeline.span());
    double plot = WIDTH - LEFT - RIGHT;
    int height = TOP + lanes.size() * LANE + AXIS;
    StringBuilder s = new StringBuilder();
    s.append("<svg class=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 ")
        .append(WIDTH)
        .append(' ')
        .append(height)
        .append("\" width=\"100%\" role=\"img\" aria-labelledby=\"")
        .append(id)
        .append("-t ")
        .append(id)
        .append("-d\">");
    s.append("<title id=\"")
        .append(id)
        .append("-t\">Timeline of scenario ")
        .append(html(timeline.scenario()))
        .append("</title>");
    s.append("<desc id=\"")
        .append(id)
        .append("-d\">")
        .append(timeline.attempts())
        .append(" attempts and ")
        .append(timeline.waitedMs())
        .append(" ms of waiting over ")
        .append(timeline.span())
        .append(" ms</desc>");
    s.append("<defs><pattern id=\"")
        .append(id)
        .append("-hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" ")
        .append("patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#eef1f4\"/>")
        .append("<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#9aa5b1\" stroke-width=\"2\"/>")
        .append("</pattern></defs>");

    // lanes
    for (Map.Entry<String, Integer> lane : lanes.entrySet()) {
      int y = TOP + lane.getValue() * LANE;
      s.append("<rect x=\"")
          .append(LEFT)
          .append("\" y=\"")
          .append(y)
          .append("\" width=\"")
          .append(fmt(plot))
          .append("\" height=\"")
          .append(LANE - 6)
          .append("\" class=\"lane\"/>");
      s.append("<text x=\"")
          .append(LEFT - 8)
          .append("\" y=\"")
          .append(y + LANE / 2)
          .append("\" class=\"lane-label\" text-anchor=\"end\">")
          .append(html(TextFormat.shorten(lane.getKey(), 24)))
          .append("</text>");
    }
    // axis
    int axisY = TOP + lanes.size() * LANE;
    long step = tickStep(span);
    for (long t = 0; t <= span; t += step) {
      double x = LEFT + plot * t / span;
      s.append("<line x1=\"")
          .append(fmt(x))
          .append("\" x2=\"")
          .append(fmt(x))
          .append("\" y1=\"")
          .append(TOP)
          .append("\" y2=\"")
          .append(axisY + 4)
          .append("\" class=\"grid\"/>");
      s.append("<text x=\"")
          .append(fmt(x))
          .append("\" y=\"")
          .append(axisY + 18)
          .append("\" class=\"tick\" text-anchor=\"middle\">")
          .append(timeLabel(t, span))
          .append("</text>");
    }
    // events
    int lastLane = 0;
    for (Timeline.Event e : timeline.events()) {
      double x = LEFT + plot * e.t() / span;
      double w = Math.max(3, plot * e.ms() / span);
      if (e.attempt()) {
        lastLane = lanes.get(laneName(e));
        int y = TOP + lastLane * LANE;
        String cls = statusClass(e.status());
        s.append("<g class=\"ev ")
            .append(cls)
            .append("\"><title>")
            .append(
                html(
                    e.operation()
                        + " at "
                        + e.t()
                        + " ms: "
                        + e.statusText()
                        + (e.ms() > 0 ? ", took " + e.ms() + " ms" : "")))
            .append("</title>");
        s.append("<rect x=\"")
            .append(fmt(x))
            .append("\" y=\"")
            .append(y + 18)
            .append("\" width=\"")
            .append(fmt(w))
            .append("\" height=\"16\" rx=\"2\"/>");
        s.append("<text x=\"")
            .append(fmt(x + 1))
            .append("\" y=\"")
            .append(y + 13)
            .append("\" class=\"ev-label\">")
            .append(html(e.statusText()))
            .append("</text></g>");
      } else if (e.waiting()) {
        int y = TOP + lastLane * LANE;
        String label = e.ms() + " ms" + (e.reason() == null ? "" : " " + e.reason());
        s.append("<g class=\"ev wait\"><title>")
            .append(html("wait " + label + " from " + e.t() + " ms"))
            .append("</title>");
        s.append("<rect x=\"")
            .append(fmt(x))
            .append("\" y=\"")
            .append(y + 20)
            .append("\" width=\"")
            .append(fmt(w))
            .append("\" height=\"12\" fill=\"url(#")
            .append(id)
            .append("-hatch)\"/>");
        if (w > 40) {
          s.append("<text x=\"")
              .append(fmt(x + w / 2))
              .append("\" y=\"")
              .append(y + 44)
              .append("\" class=\"wait-label\" text-anchor=\"middle\">")
              .append(html(TextFormat.shorten(label, (int) (w / 6.5))))
              .append("</text>");
        }
        s.append("</g>");
      } else {
        s.append("<g class=\"ev note\"><title>")
            .append(html(e.t() + " ms: " + (e.text() == null ? e.kind() : e.text())))
            .append("</title><line x1=\"")
            .append(fmt(x))
            .append("\" x2=\"")
            .append(fmt(x))
            .append("\" y1=\"")
            .append(TOP)
            .append("\" y2=\"")
            .append(axisY)
            .append("\"/></g>");
      }
    }
    s.append("</svg>");
    return s.toString();
  }

  /** Attempts of one operation share a lane. */
  private static String laneName(Timeline.Event e) {
    return e.operation() == null || e.operation().isEmpty() ? "attempt" : e.operation();
  }

  /** {@code ok}, {@code client} (4xx, incl. 429) or {@code server} (5xx, no response). */
  private static String statusClass(int status) {
    if (status >= 200 && status < 400) {
      return "ok";
    }
    if (status >= 400 && status < 500) {
      return "client";
    }
    return "server";
  }

  static long niceCeiling(long span) {
    long step = tickStep(span);
    return Math.max(step, ((span + step - 1) / step) * step);
  }

  /** 1, 2 or 5 × 10^k so that the axis has about six ticks. */
  static long tickStep(long span) {
    double raw = Math.max(1, span) / 6.0;
    double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
    double[] steps = {1, 2, 5, 10};
    for (double m : steps) {
      if (raw <= m * magnitude) {
        return Math.max(1, Math.round(m * magnitude));
      }
    }
    return Math.max(1, Math.round(10 * magnitude));
  }

  private static String timeLabel(long t, long span) {
    if (span >= 5_000) {
      double s = t / 1000.0;
      return (s == Math.rint(s) ? String.valueOf((long) s) : String.format(Locale.ROOT, "%.1f", s))
          + " s";
    }
    return t + " ms";
  }

  private static String fmt(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }

  /** Event rows for the accessible table beside the chart. */
  public static List<String[]> rows(Timeline timeline) {
    List<String[]> rows = new ArrayList<>();
    for (Timeline.Event e : timeline.events()) {
      String what;
      if (e.attempt()) {
        what = "attempt " + e.operation() + " → " + e.statusText();
      } else if (e.waiting()) {
        what = "wait " + e.ms() + " ms" + (e.reason() == null ? "" : " (" + e.reason() + ")");
      } else {
        what = e.text() == null ? e.kind() : e.text();
      }
      rows.add(new String[] {e.t() + " ms", what, e.attempt() && e.ms() > 0 ? e.ms() + " ms" : ""});
    }
    return rows;
  }
}
