package dev.interlock.core.run;

/** What a check concluded about one subject. */
public enum Outcome {
  PASSED,
  FAILED,
  SKIPPED
}
