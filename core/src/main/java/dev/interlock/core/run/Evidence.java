package dev.interlock.core.run;

/**
 * Something a result shows to justify itself: an HTTP exchange, expected versus actual, a journal
 * excerpt, a timeline. Content is text (JSON, HTTP, plain) and already redacted by whoever recorded
 * it; report writers only render it.
 *
 * @param label what this is, e.g. "request", "expected vs actual", "timeline"
 * @param mediaType {@code application/json}, {@code text/plain}, {@code message/http}, or {@code
 *     application/vnd.interlock.timeline+json} for attempt/wait timelines
 */
public record Evidence(String label, String mediaType, String content) {

  public static final String TIMELINE = "application/vnd.interlock.timeline+json";

  public static Evidence text(String label, String content) {
    return new Evidence(label, "text/plain", content);
  }

  public static Evidence json(String label, String content) {
    return new Evidence(label, "application/json", content);
  }
}
