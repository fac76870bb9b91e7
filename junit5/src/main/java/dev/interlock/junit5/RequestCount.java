package dev.interlock.junit5;

import java.util.function.IntPredicate;

/**
 * How many matching requests an assertion expects, as WireMock's {@code CountMatchingStrategy}:
 * {@code exactly(1)}, {@code atLeast(2)}, {@code atMost(3)}, {@code never()}.
 */
public final class RequestCount {

  private final String description;
  private final IntPredicate accepts;

  private RequestCount(String description, IntPredicate accepts) {
    this.description = description;
    this.accepts = accepts;
  }

  public static RequestCount exactly(int n) {
    requireNotNegative(n);
    return new RequestCount("exactly " + n, c -> c == n);
  }

  public static RequestCount atLeast(int n) {
    requireNotNegative(n);
    return new RequestCount("at least " + n, c -> c >= n);
  }

  public static RequestCount atMost(int n) {
    requireNotNegative(n);
    return new RequestCount("at most " + n, c -> c <= n);
  }

  public static RequestCount never() {
    return new RequestCount("no", c -> c == 0);
  }

  /** Whether {@code count} matching requests satisfy this expectation. */
  public boolean accepts(int count) {
    return accepts.test(count);
  }

  /** {@code exactly 1}, {@code at least 2}, {@code no}. */
  @Override
  public String toString() {
    return description;
  }

  private static void requireNotNegative(int n) {
    if (n < 0) {
      throw new IllegalArgumentException("a request count cannot be negative: " + n);
    }
  }
}
