package dev.interlock.compat;

import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;

/**
 * One interaction of a pact, as findings name it: its description, its position among the pact's
 * interactions (two interactions may share a description), and where it is in the pact file.
 */
public record InteractionRef(
    String description, int index, JsonPointer pointer, SourceLocation location) {

  /** {@code "a request to charge order 1042" (#0)}. */
  public String label() {
    return "'" + description + "' (#" + index + ")";
  }
}
