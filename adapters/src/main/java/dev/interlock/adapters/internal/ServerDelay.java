package dev.interlock.adapters.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

/**
 * What a response says about when to come back: {@code Retry-After} (delta-seconds or HTTP-date,
 * RFC 9110 section 10.2.3) and {@code RateLimit-Reset} (delta-seconds) when the limit is spent.
 */
public final class ServerDelay {

  private ServerDelay() {}

  public static Duration of(int status, Map<String, List<String>> headers, Clock clock) {
    Duration d = Duration.ZERO;
    String retryAfter = header(headers, "Retry-After");
    if (retryAfter != null) {
      d = max(d, retryAfter(retryAfter, clock));
    }
    String remaining = header(headers, "RateLimit-Remaining");
    String reset = header(headers, "RateLimit-Reset");
    if (reset != null
        && (status == 429 || "0".equals(remaining == null ? null : remaining.trim()))) {
      d = max(d, seconds(reset));
    }
    return d;
  }

  static Duration retryAfter(String value, Clock clock) {
    String v = value.trim();
    if (!v.isEmpty() && v.chars().allMatch(Character::isDigit)) {
      return seconds(v);
    }
    try {
      ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
      Duration until = Duration.between(clock.instant(), at.toInstant());
      return until.isNegative() ? Duration.ZERO : until;
    } catch (DateTimeParseException e) {
      return Duration.ZERO;
    }
  }

  private static Duration seconds(String v) {
    try {
      double s = Double.parseDouble(v.trim());
      return s <= 0 ? Duration.ZERO : Duration.ofMillis((long) Math.ceil(s * 1000));
    } catch (NumberFormatException e) {
      return Duration.ZERO;
    }
  }

  static String header(Map<String, List<String>> headers, String name) {
    if (headers == null) {
      return null;
    }
    for (Map.Entry<String, List<String>> e : headers.entrySet()) {
      if (e.getKey() != null && e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }

  public static boolean isTrue(Map<String, List<String>> headers, String name) {
    return "true".equalsIgnoreCase(header(headers, name));
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
