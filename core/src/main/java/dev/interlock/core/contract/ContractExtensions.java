package dev.interlock.core.contract;

import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The contract extensions Interlock understands, read from a root document or an operation: {@code
 * x-rate-limit}, {@code x-idempotency}, {@code x-retry}, {@code x-api-version} and {@code
 * x-sunset}. A value that cannot be read is treated as absent; lint reports it.
 */
public record ContractExtensions(
    Optional<RateLimit> rateLimit,
    Optional<Idempotency> idempotency,
    Optional<Retry> retry,
    Optional<ApiVersion> apiVersion,
    Optional<LocalDate> sunset) {

  /**
   * {@code x-rate-limit: {limit: 100, window: 1s, scope: credential, concurrency: 25}}: a token
   * bucket of {@code limit} requests per {@code window}, and optionally at most {@code concurrency}
   * requests in flight at once per credential (0: no such limit).
   */
  public record RateLimit(int limit, Duration window, String scope, int concurrency) {

    /** A rate limit without a concurrency limit. */
    public RateLimit(int limit, Duration window, String scope) {
      this(limit, window, scope, 0);
    }
  }

  /** {@code x-idempotency: {header: Idempotency-Key, scope: operation}}. */
  public record Idempotency(String header, String scope) {}

  /** {@code x-retry: {statuses: [429, 503], maxAttempts: 5}}. */
  public record Retry(List<Integer> statuses, int maxAttempts) {}

  /** {@code x-api-version: {header: Payments-Version}} or {@code {path: /v2}}. */
  public record ApiVersion(String header, String path) {
    public boolean inHeader() {
      return header != null;
    }
  }

  public static ContractExtensions none() {
    return new ContractExtensions(
        Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
  }

  public static ContractExtensions of(Map<String, Object> extensions) {
    if (extensions == null || extensions.isEmpty()) {
      return none();
    }
    return new ContractExtensions(
        map(extensions.get("x-rate-limit"))
            .flatMap(
                m ->
                    integer(m.get("limit"))
                        .flatMap(
                            limit ->
                                duration(m.get("window"))
                                    .map(
                                        w ->
                                            new RateLimit(
                                                limit,
                                                w,
                                                String.valueOf(
                                                    m.getOrDefault("scope", "credential")),
                                                integer(m.get("concurrency"))
                                                    .filter(c -> c > 0)
                                                    .orElse(0))))),
        map(extensions.get("x-idempotency"))
            .map(
                m ->
                    new Idempotency(
                        String.valueOf(m.getOrDefault("header", "Idempotency-Key")),
                        String.valueOf(m.getOrDefault("scope", "operation")))),
        map(extensions.get("x-retry"))
            .map(
                m ->
                    new Retry(
                        integers(m.get("statuses")), integer(m.get("maxAttempts")).orElse(3))),
        map(extensions.get("x-api-version"))
            .map(
                m ->
                    new ApiVersion(
                        m.get("header") == null ? null : String.valueOf(m.get("header")),
                        m.get("path") == null ? null : String.valueOf(m.get("path")))),
        date(extensions.get("x-sunset")));
  }

  /** Parses {@code 1s}, {@code 500ms}, {@code 2m}, {@code 1h}, ISO-8601 {@code PT1S} or seconds. */
  public static Optional<Duration> duration(Object value) {
    if (value == null) {
      return Optional.empty();
    }
    if (value instanceof Number n) {
      return Optional.of(Duration.ofMillis((long) (n.doubleValue() * 1000)));
    }
    String s = value.toString().trim();
    try {
      if (s.startsWith("P") || s.startsWith("p")) {
        return Optional.of(Duration.parse(s));
      }
      if (s.endsWith("ms")) {
        return Optional.of(
            Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2).trim())));
      }
      long unit =
          switch (s.charAt(s.length() - 1)) {
            case 's' -> 1_000;
            case 'm' -> 60_000;
            case 'h' -> 3_600_000;
            default -> -1;
          };
      if (unit < 0) {
        return Optional.of(Duration.ofMillis((long) (Double.parseDouble(s) * 1000)));
      }
      double amount = Double.parseDouble(s.substring(0, s.length() - 1).trim());
      return Optional.of(Duration.ofMillis((long) (amount * unit)));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }

  @SuppressWarnings("unchecked")
  private static Optional<Map<String, Object>> map(Object o) {
    return o instanceof Map<?, ?> m ? Optional.of((Map<String, Object>) m) : Optional.empty();
  }

  private static Optional<Integer> integer(Object o) {
    if (o instanceof Number n) {
      return Optional.of(n.intValue());
    }
    try {
      return o == null ? Optional.empty() : Optional.of(Integer.parseInt(o.toString().trim()));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static List<Integer> integers(Object o) {
    List<Integer> out = new ArrayList<>();
    if (o instanceof List<?> list) {
      for (Object item : list) {
        integer(item).ifPresent(out::add);
      }
    }
    return out;
  }

  private static Optional<LocalDate> date(Object o) {
    if (o == null) {
      return Optional.empty();
    }
    String s = o.toString().trim();
    try {
      return Optional.of(LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }
}
