package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.ContractExtensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A named, seeded behaviour of a sandbox. Switch at run time with {@link Sandbox#setScenario} or
 * {@code POST /__interlock/scenario}.
 */
public sealed interface Scenario {

  String name();

  /** Answers like the contract says. */
  record Normal() implements Scenario {
    @Override
    public String name() {
      return "normal";
    }
  }

  /**
   * A share of requests fail: {@code errorRate} of them with 500, 502 or 503 and {@code resetRate}
   * with a connection reset.
   */
  record Flaky(double errorRate, double resetRate) implements Scenario {
    public Flaky {
      if (errorRate < 0 || resetRate < 0 || errorRate + resetRate > 1) {
        throw new IllegalArgumentException("flaky rates must be between 0 and 1 in total");
      }
    }

    @Override
    public String name() {
      return "flaky";
    }
  }

  /** Every response is delayed: a log-normal latency with this median, capped at {@code max}. */
  record Slow(Duration median, Duration max) implements Scenario {
    @Override
    public String name() {
      return "slow";
    }
  }

  /** Tight rate limits: {@code limit} requests per {@code window} per credential. */
  record RateLimited(int limit, Duration window) implements Scenario {
    @Override
    public String name() {
      return "rate-limited";
    }
  }

  /** Every request gets 503 with Retry-After until {@code length} has passed on the clock. */
  record Outage(Duration length) implements Scenario {
    @Override
    public String name() {
      return "outage";
    }
  }

  /**
   * An exact sequence per operation (by operationId, or {@code *} for any): the n-th call to the
   * operation gets the n-th step; a step is a status code or {@code reset}; a 2xx step (and every
   * call after the sequence) is answered normally.
   */
  record Scripted(Map<String, List<String>> steps) implements Scenario {
    public Scripted {
      steps = Map.copyOf(steps);
    }

    @Override
    public String name() {
      return "scripted";
    }
  }

  static Scenario normal() {
    return new Normal();
  }

  static Scenario flaky(double errorRate, double resetRate) {
    return new Flaky(errorRate, resetRate);
  }

  static Scenario slow(Duration median, Duration max) {
    return new Slow(median, max);
  }

  static Scenario rateLimited(int limit, Duration window) {
    return new RateLimited(limit, window);
  }

  static Scenario outage(Duration length) {
    return new Outage(length);
  }

  static Scenario scripted(Map<String, List<String>> steps) {
    return new Scripted(steps);
  }

  /** A scenario by name with its default parameters. */
  static Scenario named(String name) {
    return switch (name.toLowerCase(Locale.ROOT)) {
      case "normal" -> normal();
      case "flaky" -> flaky(0.2, 0.05);
      case "slow" -> slow(Duration.ofMillis(800), Duration.ofSeconds(5));
      case "rate-limited" -> rateLimited(2, Duration.ofSeconds(1));
      case "outage" -> outage(Duration.ofSeconds(30));
      case "scripted" -> scripted(Map.of());
      default ->
          throw new IllegalArgumentException(
              "unknown scenario '"
                  + name
                  + "' (known: normal, flaky, slow, rate-limited, outage, scripted)");
    };
  }

  /**
   * Reads {@code {"name": "flaky", "errorRate": 0.3, "resetRate": 0.1}}, {@code {"name": "slow",
   * "median": "200ms", "max": "2s"}}, {@code {"name": "rate-limited", "limit": 2, "window": "1s"}},
   * {@code {"name": "outage", "duration": "30s"}} or {@code {"name": "scripted", "steps":
   * {"createCharge": [503, 503, 200]}}}; missing parameters take the defaults of {@link #named}.
   */
  static Scenario fromJson(JsonNode json) {
    String name = json.path("name").asText(json.path("scenario").asText("normal"));
    Scenario defaults = named(name);
    if (defaults instanceof Flaky f) {
      return flaky(
          json.path("errorRate").asDouble(f.errorRate()),
          json.path("resetRate").asDouble(f.resetRate()));
    }
    if (defaults instanceof Slow s) {
      return slow(duration(json, "median", s.median()), duration(json, "max", s.max()));
    }
    if (defaults instanceof RateLimited r) {
      return rateLimited(json.path("limit").asInt(r.limit()), duration(json, "window", r.window()));
    }
    if (defaults instanceof Outage o) {
      return outage(duration(json, "duration", o.length()));
    }
    if (defaults instanceof Scripted) {
      Map<String, List<String>> steps = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.path("steps").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> list = new ArrayList<>();
        e.getValue().forEach(v -> list.add(v.asText()));
        steps.put(e.getKey(), list);
      }
      return scripted(steps);
    }
    return defaults;
  }

  private static Duration duration(JsonNode json, String field, Duration fallback) {
    JsonNode v = json.get(field);
    if (v == null || v.isNull()) {
      return fallback;
    }
    return ContractExtensions.duration(v.isNumber() ? v.numberValue() : v.asText())
        .orElseThrow(() -> new IllegalArgumentException("'" + field + "' is not a duration: " + v));
  }
}
