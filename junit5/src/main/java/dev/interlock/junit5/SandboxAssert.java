package dev.interlock.junit5;

import dev.interlock.mocks.JournalEntry;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a sandbox received, read from its journal at the moment of the assertion. A
 * failure lists every exchange the sandbox journalled, so the test's output shows what the code
 * under test really sent.
 */
public final class SandboxAssert extends AbstractAssert<SandboxAssert, Sandbox> {

  SandboxAssert(Sandbox actual) {
    super(actual, SandboxAssert.class);
  }

  /** The sandbox received as many requests matching the pattern as {@code count} says. */
  public SandboxAssert received(RequestCount count, RequestPattern pattern) {
    isNotNull();
    Journal journal = actual.journal();
    int matched = journal.count(pattern);
    if (!count.accepts(matched)) {
      failWithMessage(
          "%s",
          "Expected sandbox '%s' to have received %s %s, but it received %d. It received (%d):%n%s"
              .formatted(
                  actual.vendor(), count, pattern, matched, journal.size(), journal.toString()));
    }
    return this;
  }

  /** The sandbox received at least one request matching the pattern. */
  public SandboxAssert received(RequestPattern pattern) {
    return received(RequestCount.atLeast(1), pattern);
  }

  /** The sandbox received no request at all. */
  public SandboxAssert receivedNothing() {
    return received(RequestCount.never(), RequestPattern.anyRequest());
  }

  /**
   * Every request the sandbox received was one its contract accepts: each reached an operation of
   * the contract (no unknown path, method or version) and passed its validation (no missing
   * parameter, wrong type, ...). Faults of the scenario do not count against the requests.
   */
  public SandboxAssert receivedOnlyValidRequests() {
    isNotNull();
    Journal journal = actual.journal();
    long refused = journal.entries().stream().filter(SandboxAssert::refused).count();
    if (refused > 0) {
      StringBuilder b = new StringBuilder();
      for (JournalEntry e : journal) {
        if (refused(e)) {
          b.append("  ").append(Journal.describe(e)).append('\n');
        }
      }
      failWithMessage(
          "%s",
          "Expected sandbox '%s' to have received only requests its contract accepts, but %d of %d"
                  .formatted(actual.vendor(), refused, journal.size())
              + " departed from it:\n"
              + b.toString().stripTrailing());
    }
    return this;
  }

  /** Refused for its content (violations), or because no operation of the contract matched it. */
  private static boolean refused(JournalEntry e) {
    return !e.violations().isEmpty()
        || (e.operationId() == null && !e.fault() && e.status() >= 400);
  }
}
