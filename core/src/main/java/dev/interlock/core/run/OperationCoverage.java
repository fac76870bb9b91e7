package dev.interlock.core.run;

import java.util.List;

/**
 * Which pacts, tests and scenarios exercised one operation of one contract; an empty list means
 * nothing did.
 */
public record OperationCoverage(
    String vendor, String version, String operation, List<String> exercisedBy) {

  public OperationCoverage {
    exercisedBy = List.copyOf(exercisedBy);
  }

  public boolean covered() {
    return !exercisedBy.isEmpty();
  }
}
