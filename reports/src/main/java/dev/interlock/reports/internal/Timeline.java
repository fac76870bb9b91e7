package dev.interlock.reports.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The attempts and waits of one scenario run, as carried by {@code
 * application/vnd.interlock.timeline+json} evidence (documented in {@code
 * docs/reports/timeline.md}, schema {@code docs/reports/timeline.schema.json}):
 *
 * <pre>{"scenario":"flaky","vendor":"payments","events":[
 *   {"t":0,"kind":"attempt","operation":"createCharge","status":503,"ms":35},
 *   {"t":35,"kind":"wait","ms":400,"reason":"backoff"},
 *   {"t":435,"kind":"attempt","operation":"createCharge","status":201,"ms":28}]}</pre>
 *
 * Times are milliseconds since the scenario started, on the run's (possibly virtual) clock.
 */
public record Timeline(String scenario, String vendor, List<Event> events) {

  private static final ObjectMapper JSON = new ObjectMapper();

  public Timeline {
    events = List.copyOf(events);
  }

  /**
   * One event. {@code kind} is {@code attempt} (operation, status, ms, error), {@code wait} (ms,
   * reason) or {@code note} (text); unknown kinds are kept and shown as notes.
   */
  public record Event(
      long t, String kind, String operation, int status, long ms, String reason, String text) {

    public boolean attempt() {
      return "attempt".equals(kind);
    }

    public boolean waiting() {
      return "wait".equals(kind);
    }

    /** {@code 503}, {@code timeout}, or {@code no response}. */
    public String statusText() {
      if (status > 0) {
        return String.valueOf(status);
      }
      return reason == null || reason.isEmpty() ? "no response" : reason;
    }

    public long end() {
      return t + Math.max(0, ms);
    }
  }

  /** The end of the last event, at least 1. */
  public long span() {
    long end = 1;
    for (Event e : events) {
      end = Math.max(end, e.end());
    }
    return end;
  }

  public long attempts() {
    return events.stream().filter(Event::attempt).count();
  }

  public long waitedMs() {
    return events.stream().filter(Event::waiting).mapToLong(Event::ms).sum();
  }

  /** Parses timeline evidence; empty when the content is not a timeline. */
  public static Optional<Timeline> parse(String content, String fallbackScenario) {
    JsonNode root;
    try {
      root = JSON.readTree(content);
    } catch (Exception e) {
      return Optional.empty();
    }
    if (root == null || !root.isObject() || !root.path("events").isArray()) {
      return Optional.empty();
    }
    List<Event> events = new ArrayList<>();
    for (JsonNode e : root.path("events")) {
      if (!e.isObject()) {
        continue;
      }
      String kind = e.path("kind").asText("note");
      String reason =
          e.hasNonNull("reason") ? e.get("reason").asText() : e.path("error").asText(null);
      events.add(
          new Event(
              Math.max(0, e.path("t").asLong(0)),
              kind,
              e.path("operation").asText(""),
              e.path("status").asInt(0),
              Math.max(0, e.path("ms").asLong(0)),
              reason,
              e.path("text").asText(null)));
    }
    events.sort((a, b) -> Long.compare(a.t(), b.t()));
    String scenario = root.path("scenario").asText("");
    return Optional.of(
        new Timeline(
            scenario.isEmpty() ? fallbackScenario : scenario,
            root.path("vendor").asText(""),
            events));
  }
}
