package dev.interlock.verifiers;

import dev.interlock.core.run.CheckResult;
import java.util.function.Supplier;

/**
 * One planned unit of a check: a name readable in an IDE or a report, and the work that yields its
 * result.
 *
 * @param checkId the owning check's id
 * @param name e.g. "order-sync → payments: create a charge"
 */
public record CheckCase(String checkId, String name, Supplier<CheckResult> body) {

  /** Stable across runs: what {@code --shard} hashes. */
  public String key() {
    return checkId + " :: " + name;
  }
}
