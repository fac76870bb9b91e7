package dev.interlock.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;

/**
 * Maps JSON pointers of a parsed document back to line:column in its source text. Parsers of the
 * OpenAPI world (swagger-parser among them) drop positions, so readers record them in one streaming
 * pass over the raw text.
 *
 * <p>Rather than one string key per node (hundreds of MB for a spec like Stripe's), the index
 * keeps, per container node, the packed positions of its children in document order: an object's
 * entry is where its key starts (where a compiler would point), an array's where its element
 * starts. A lookup walks the tree along the pointer. Value nodes that Jackson shares (small ints,
 * booleans) are never used as keys, only containers, which are always distinct instances.
 */
public final class PositionIndex {

  private final IdentityHashMap<JsonNode, long[]> children = new IdentityHashMap<>();
  private final long rootPosition;

  PositionIndex(Position root) {
    this.rootPosition = root.packed();
  }

  /** An index that knows nothing but the document start; for documents built in memory. */
  public static PositionIndex empty() {
    return new PositionIndex(Position.START);
  }

  void record(JsonNode container, List<Position> childPositions) {
    long[] packed = new long[childPositions.size()];
    for (int i = 0; i < packed.length; i++) {
      packed[i] = childPositions.get(i).packed();
    }
    children.put(container, packed);
  }

  void record(JsonNode container, long[] packedChildPositions) {
    children.put(container, packedChildPositions);
  }

  /**
   * The position of the node the pointer names, or of its deepest existing ancestor when the
   * pointer runs past the document (so a "missing field" diagnostic points at the object that lacks
   * it).
   */
  public Position locate(JsonNode root, JsonPointer pointer) {
    long position = rootPosition;
    JsonNode node = root;
    for (String token : pointer.tokens()) {
      long[] kids = children.get(node);
      if (kids == null || node == null) {
        break;
      }
      int index = indexOf(node, token);
      if (index < 0 || index >= kids.length) {
        break;
      }
      position = kids[index];
      node = node.isArray() ? node.get(index) : node.get(token);
    }
    return Position.unpack(position);
  }

  private static int indexOf(JsonNode container, String token) {
    if (container.isArray()) {
      try {
        int i = Integer.parseInt(token);
        return i < container.size() ? i : -1;
      } catch (NumberFormatException e) {
        return -1;
      }
    }
    int i = 0;
    for (Iterator<String> names = container.fieldNames(); names.hasNext(); i++) {
      if (names.next().equals(token)) {
        return i;
      }
    }
    return -1;
  }
}
