package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.ContractExtensions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Reads a scenario's settings from JSON: the manifest's spelling ({@code connectionResetRate},
 * {@code latency.p50}/{@code p99}) and the admin API's aliases ({@code resetRate}, {@code
 * median}/{@code max}); where both are given the manifest's spelling wins. The same keys are
 * described per scenario in core's manifest JSON Schema (a test keeps the two in step).
 */
final class ScenarioSettings {

  /** The keys each scenario understands; a nested key is written {@code parent.child}. */
  private static final Map<String, List<String>> KEYS =
      Map.of(
          "normal", List.of(),
          "flaky", List.of("errorRate", "statuses", "connectionResetRate", "resetRate"),
          "slow", List.of("latency.p50", "latency.p99", "median", "max"),
          "rate-limited", List.of("rateLimitFactor", "limit", "window"),
          "outage", List.of("duration", "status", "retryAfter"),
          "scripted", List.of("steps"));

  /** Keys every settings object may carry besides the scenario's own: its name. */
  private static final List<String> NAME_KEYS = List.of("name", "scenario");

  private ScenarioSettings() {}

  static String name(JsonNode json) {
    return json.path("name").asText(json.path("scenario").asText("normal"));
  }

  /** The keys the named scenario understands, nested ones as {@code parent.child}. */
  static List<String> knownKeys(String name) {
    return KEYS.getOrDefault(Scenario.named(name).name(), List.of());
  }

  /** The keys of {@code json} its scenario does not understand, nested ones as {@code a.b}. */
  static List<String> unknownKeys(JsonNode json) {
    List<String> known = knownKeys(name(json));
    List<String> unknown = new ArrayList<>();
    for (Iterator<Map.Entry<String, JsonNode>> it = json.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> e = it.next();
      String key = e.getKey();
      if (NAME_KEYS.contains(key) || known.contains(key)) {
        continue;
      }
      List<String> children = children(known, key);
      if (children.isEmpty()) {
        unknown.add(key);
        continue;
      }
      e.getValue()
          .fieldNames()
          .forEachRemaining(
              child -> {
                if (!children.contains(child)) {
                  unknown.add(key + "." + child);
                }
              });
    }
    return unknown;
  }

  static Scenario read(JsonNode json) {
    Scenario defaults = Scenario.named(name(json));
    if (defaults instanceof Scenario.Flaky f) {
      return new Scenario.Flaky(
          json.path("errorRate").asDouble(f.errorRate()),
          either(json.path("connectionResetRate"), json.path("resetRate")).asDouble(f.resetRate()),
          statuses(json.path("statuses"), f.statuses()));
    }
    if (defaults instanceof Scenario.Slow s) {
      JsonNode latency = json.path("latency");
      if (!absent(latency) && !latency.isObject()) {
        throw new IllegalArgumentException("'latency' is not an object of p50 and p99: " + latency);
      }
      return new Scenario.Slow(
          duration(either(latency.path("p50"), json.path("median")), "latency.p50", s.median()),
          duration(either(latency.path("p99"), json.path("max")), "latency.p99", s.max()));
    }
    if (defaults instanceof Scenario.RateLimited r) {
      JsonNode factor = json.path("rateLimitFactor");
      return new Scenario.RateLimited(
          integer(json.path("limit"), "limit", r.limit()),
          duration(json.path("window"), "window", r.window()),
          absent(factor) ? r.factor() : OptionalDouble.of(factor.asDouble()));
    }
    if (defaults instanceof Scenario.Outage o) {
      JsonNode retryAfter = json.path("retryAfter");
      return new Scenario.Outage(
          duration(json.path("duration"), "duration", o.length()),
          integer(json.path("status"), "status", o.status()),
          absent(retryAfter)
              ? o.retryAfter()
              : Optional.of(duration(retryAfter, "retryAfter", Duration.ZERO)));
    }
    if (defaults instanceof Scenario.Scripted) {
      Map<String, List<String>> steps = new LinkedHashMap<>();
      for (Iterator<Map.Entry<String, JsonNode>> it = json.path("steps").fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> e = it.next();
        List<String> list = new ArrayList<>();
        e.getValue().forEach(v -> list.add(v.asText()));
        steps.put(e.getKey(), list);
      }
      return new Scenario.Scripted(steps);
    }
    return defaults;
  }

  private static List<String> children(List<String> known, String parent) {
    List<String> out = new ArrayList<>();
    for (String k : known) {
      if (k.startsWith(parent + ".")) {
        out.add(k.substring(parent.length() + 1));
      }
    }
    return out;
  }

  /** The documented spelling's value when given, else its alias's (which may be missing). */
  private static JsonNode either(JsonNode documented, JsonNode alias) {
    return absent(documented) ? alias : documented;
  }

  private static boolean absent(JsonNode v) {
    return v.isMissingNode() || v.isNull();
  }

  private static int integer(JsonNode v, String field, int fallback) {
    if (absent(v)) {
      return fallback;
    }
    if (!v.isIntegralNumber()) {
      throw new IllegalArgumentException("'" + field + "' is not a whole number: " + v);
    }
    return v.asInt();
  }

  private static List<Integer> statuses(JsonNode node, List<Integer> fallback) {
    if (absent(node)) {
      return fallback;
    }
    List<Integer> out = new ArrayList<>();
    for (JsonNode s : node.isArray() ? node : List.of(node)) {
      out.add(integer(s, "statuses", 0));
    }
    return out;
  }

  private static Duration duration(JsonNode v, String field, Duration fallback) {
    if (absent(v)) {
      return fallback;
    }
    return ContractExtensions.duration(v.isNumber() ? v.numberValue() : v.asText())
        .orElseThrow(() -> new IllegalArgumentException("'" + field + "' is not a duration: " + v));
  }
}
