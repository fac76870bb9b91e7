package dev.interlock.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import java.nio.file.Path;

/**
 * A parsed YAML or JSON file: its tree and where each node came from. A contract bundled from
 * several files is one document whose positions name, node by node, the file each came from.
 */
public record SourceDocument(
    Path file, SourceFormat format, JsonNode root, PositionIndex positions) {

  /** The location of a pointer in this document, with line and column. */
  public SourceLocation locate(JsonPointer pointer) {
    Position p = positions.locate(root, pointer);
    return new SourceLocation(positions.fileAt(root, pointer, file), p.line(), p.column(), pointer);
  }

  /** The node at the pointer, or a missing node. */
  public JsonNode at(JsonPointer pointer) {
    return root.at(pointer.value());
  }

  /**
   * Follows local {@code $ref}s from a pointer to where the chain ends (at most 32 hops), so
   * callers can treat {@code $ref}'d and inline nodes alike. A reference to another file is not
   * followed.
   */
  public JsonPointer deref(JsonPointer pointer) {
    JsonPointer at = pointer;
    JsonNode node = at(at);
    for (int hops = 0; hops < 32 && node.isObject() && node.path("$ref").isTextual(); hops++) {
      String ref = node.get("$ref").asText();
      if (!ref.startsWith("#")) {
        break;
      }
      at = JsonPointer.parse(ref);
      node = at(at);
    }
    return at;
  }
}
