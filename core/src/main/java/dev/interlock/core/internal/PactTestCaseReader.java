package dev.interlock.core.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.PactInteraction;
import java.util.List;
import java.util.Optional;

/**
 * Reads a test case of the Pact specification ({@code {"match", "comment", "expected", "actual"}})
 * as a pact of one interaction: the consumer's expectation is {@code expected}, a request when the
 * case speaks of a method, path or query, else a response. The half the case does not give takes
 * Pact's defaults for a missing field ({@code GET /}, status 200), as Pact JVM reads a request or
 * response without them.
 */
final class PactTestCaseReader {

  /** Whether the document is a Pact specification test case rather than a pact. */
  static boolean isTestCase(JsonNode root) {
    return root.path("match").isBoolean()
        && root.path("expected").isObject()
        && root.path("actual").isObject();
  }

  /** Whether the case is about a request (else it is about a response). */
  static boolean isRequestCase(JsonNode root) {
    for (String side : List.of("expected", "actual")) {
      for (String field : List.of("method", "path", "query")) {
        if (root.path(side).has(field)) {
          return true;
        }
      }
    }
    return false;
  }

  List<PactInteraction> read(JsonNode root) {
    ObjectNode interaction = JsonNodeFactory.instance.objectNode();
    interaction.put("description", root.path("comment").asText("test case"));
    boolean request = isRequestCase(root);
    interaction.set(
        "request", request ? root.get("expected") : JsonNodeFactory.instance.objectNode());
    interaction.set(
        "response", request ? JsonNodeFactory.instance.objectNode() : root.get("expected"));
    Optional<PactInteraction> read =
        new PactJsonReader().interaction(interaction, JsonPointer.of("expected"), false, false);
    return read.map(List::of).orElse(List.of());
  }
}
