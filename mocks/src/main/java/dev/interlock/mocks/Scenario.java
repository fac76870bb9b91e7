package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * A named, seeded behaviour of a sandbox. Switch at run time with {@link Sandbox#setScenario} or
 * {@code POST /__interlock/scenario}. The settings each scenario understands, in the manifest's
 * spelling and the admin API's aliases, are listed in docs/manifest.md ("Scenario settings").
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
   * A share of requests fail: {@code errorRate} of them with one of {@code statuses} (picked at
   * random, seeded) and {@code resetRate} with a connection reset.
   */
  record Flaky(double errorRate, double resetRate, List<Integer> statuses) implements Scenario {

    /** The statuses of the injected errors when the settings name none. */
    public static final List<Integer> DEFAULT_STATUSES = List.of(500, 502, 503);

    public Flaky {
      if (errorRate < 0 || resetRate < 0 || errorRate + resetRate > 1) {
        throw new IllegalArgumentException("flaky rates must be between 0 and 1 in total");
      }
      statuses = List.copyOf(statuses);
      if (statuses.isEmpty() || statuses.stream().anyMatch(s -> s < 500 || s > 599)) {
        throw new IllegalArgumentException(
            "flaky statuses must be one or more 5xx statuses, not " + statuses);
      }
    }

    /** With the default statuses 500, 502 and 503. */
    public Flaky(double errorRate, double resetRate) {
      this(errorRate, resetRate, DEFAULT_STATUSES);
    }

    @Override
    public String name() {
      return "flaky";
    }
  }

  /**
   * Every response is delayed: a log-normal latency with this median (p50), capped at {@code max}
   * (the p99 setting: no call is slower).
   */
  record Slow(Duration median, Duration max) implements Scenario {
    @Override
    public String name() {
      return "slow";
    }
  }

  /**
   * Tight rate limits per credential: {@code factor} times the rate limit otherwise in force (the
   * contract's {@code x-rate-limit}) when a factor is given and a limit is declared, else {@code
   * limit} requests per {@code window}.
   */
  record RateLimited(int limit, Duration window, OptionalDouble factor) implements Scenario {
    public RateLimited {
      if (limit < 1) {
        throw new IllegalArgumentException("rate-limited limit must be at least 1, not " + limit);
      }
      if (factor.isPresent() && !(factor.getAsDouble() > 0)) {
        throw new IllegalArgumentException(
            "rate-limited rateLimitFactor must be above 0, not " + factor.getAsDouble());
      }
    }

    /** A fixed limit, whatever the contract declares. */
    public RateLimited(int limit, Duration window) {
      this(limit, window, OptionalDouble.empty());
    }

    @Override
    public String name() {
      return "rate-limited";
    }
  }

  /**
   * Every request gets {@code status} until {@code length} has passed on the clock, with {@code
   * Retry-After} the given {@code retryAfter}, else the seconds left of the outage.
   */
  record Outage(Duration length, int status, Optional<Duration> retryAfter) implements Scenario {
    public Outage {
      if (status < 400 || status > 599) {
        throw new IllegalArgumentException("outage status must be 4xx or 5xx, not " + status);
      }
    }

    /** 503 with the seconds left in {@code Retry-After}. */
    public Outage(Duration length) {
      this(length, 503, Optional.empty());
    }

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
   * Reads a scenario's settings, e.g. {@code {"name": "flaky", "errorRate": 0.3, "statuses":
   * [502]}}, {@code {"name": "slow", "latency": {"p50": "200ms", "p99": "2s"}}}, {@code {"name":
   * "rate-limited", "rateLimitFactor": 0.2}} or {@code {"name": "outage", "duration": "30s",
   * "retryAfter": "5s"}}; the admin API's older spellings ({@code resetRate}, {@code median}/{@code
   * max}) are aliases. Missing settings take the defaults of {@link #named}; keys the scenario does
   * not know are ignored here (the manifest's loader warns about them).
   *
   * @throws IllegalArgumentException when the name is unknown or a value is unusable
   */
  static Scenario fromJson(JsonNode json) {
    return ScenarioSettings.read(json);
  }

  /**
   * Like {@link #fromJson}, but a key the scenario does not know is refused (the admin API answers
   * 400 naming it) rather than ignored.
   *
   * @throws IllegalArgumentException naming the first unknown key, or as {@link #fromJson}
   */
  static Scenario fromJsonStrict(JsonNode json) {
    List<String> unknown = ScenarioSettings.unknownKeys(json);
    if (!unknown.isEmpty()) {
      String name = ScenarioSettings.name(json);
      throw new IllegalArgumentException(
          "scenario '"
              + name
              + "' has no setting '"
              + unknown.get(0)
              + "' (known: "
              + String.join(", ", ScenarioSettings.knownKeys(name))
              + ")");
    }
    return ScenarioSettings.read(json);
  }
}
