package dev.interlock.diff;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.diff.internal.OpenApiComparator;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Breaking-change detection between two versions of an OpenAPI 3.0/3.1 contract. The rules are
 * listed in {@link RuleCatalog}; each change carries its location in both files.
 *
 * <pre>{@code
 * DiffReport report = OpenApiDiff.compare(oldContract, newContract);
 * if (report.reaches(Change.Level.BREAKING)) { ... }
 * }</pre>
 */
public final class OpenApiDiff {

  private final Clock clock;

  private OpenApiDiff(Clock clock) {
    this.clock = clock;
  }

  /** A diff that judges {@code x-sunset} dates against the given clock. */
  public static OpenApiDiff withClock(Clock clock) {
    return new OpenApiDiff(clock);
  }

  public static DiffReport compare(OpenApiContract oldContract, OpenApiContract newContract) {
    return withClock(Clock.systemUTC()).diff(oldContract, newContract);
  }

  public DiffReport diff(OpenApiContract oldContract, OpenApiContract newContract) {
    return DiffReport.of(
        new OpenApiComparator(LocalDate.now(clock)).compare(oldContract, newContract));
  }
}
