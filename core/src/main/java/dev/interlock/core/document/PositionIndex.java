package dev.interlock.core.document;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

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

  /**
   * For a tree assembled from several files: the file each container's child positions are in.
   * Empty for a tree read from one file, so lookups there cost nothing extra.
   */
  private final IdentityHashMap<JsonNode, Path> files = new IdentityHashMap<>();

  PositionIndex(Position root) {
    this.rootPosition = root.packed();
  }

  /** An index that knows nothing but the document start; for documents built in memory. */
  public static PositionIndex empty() {
    return new PositionIndex(Position.START);
  }

  /**
   * An index for a tree built from another document (a Swagger 2.0 document converted to OpenAPI
   * 3.0): every node of {@code tree} is placed where {@code origin} says its pointer came from, so
   * findings on the converted tree name lines of the file the user wrote.
   */
  public static PositionIndex derived(JsonNode tree, Function<JsonPointer, Position> origin) {
    PositionIndex index = new PositionIndex(origin.apply(JsonPointer.ROOT));
    Deque<Map.Entry<JsonNode, JsonPointer>> pending = new ArrayDeque<>();
    pending.push(Map.entry(tree, JsonPointer.ROOT));
    while (!pending.isEmpty()) {
      Map.Entry<JsonNode, JsonPointer> e = pending.pop();
      JsonNode node = e.getKey();
      if (!node.isContainerNode() || index.children.containsKey(node)) {
        continue;
      }
      List<Position> kids = new ArrayList<>();
      if (node.isArray()) {
        for (int i = 0; i < node.size(); i++) {
          JsonPointer child = e.getValue().append(i);
          kids.add(origin.apply(child));
          pending.push(Map.entry(node.get(i), child));
        }
      } else {
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> field = it.next();
          JsonPointer child = e.getValue().append(field.getKey());
          kids.add(origin.apply(child));
          pending.push(Map.entry(field.getValue(), child));
        }
      }
      index.record(node, kids);
    }
    return index;
  }

  /**
   * An index for a tree assembled from several files (a contract whose {@code $ref}s to sibling
   * files were bundled into one tree): each container is {@linkplain #adopt adopted} from the
   * document it was copied from, so a finding names the sibling file's line.
   */
  public static PositionIndex assembled() {
    return new PositionIndex(Position.START);
  }

  /**
   * While assembling: {@code copy} has the same children, in the same order, as {@code original} of
   * {@code from}, so it takes their positions and file.
   */
  public void adopt(JsonNode copy, JsonNode original, SourceDocument from) {
    long[] kids = from.positions().children.get(original);
    if (kids != null) {
      children.put(copy, kids);
    }
    files.put(copy, from.positions().fileOf(original, from.file()));
  }

  private Path fileOf(JsonNode container, Path fallback) {
    return files.isEmpty() || container == null
        ? fallback
        : files.getOrDefault(container, fallback);
  }

  /**
   * The file the position {@link #locate} gives for this pointer was read from: {@code rootFile}
   * unless the tree was assembled from several files.
   */
  public Path fileAt(JsonNode root, JsonPointer pointer, Path rootFile) {
    return files.isEmpty() ? rootFile : walk(root, pointer, rootFile).file();
  }

  private record Found(long position, Path file) {}

  /**
   * Walks the pointer down the tree. When it runs past the tree inside a node copied from another
   * file (a field a bundled sibling lacks), the place is that node's first line in its own file,
   * not the line of the reference that brought it in.
   */
  private Found walk(JsonNode root, JsonPointer pointer, Path rootFile) {
    long position = rootPosition;
    Path file = rootFile;
    JsonNode node = root;
    // a node added by the bundler (a sibling's schema under components/schemas) has no place in
    // its parent: the walk goes on through it and places the pointer inside it, in its own file
    boolean placed = true;
    for (String token : pointer.tokens()) {
      long[] kids = node == null ? null : children.get(node);
      int index = node == null ? -1 : indexOf(node, token);
      if (index < 0) {
        placed = false;
        break;
      }
      if (kids != null && index < kids.length) {
        position = kids[index];
        file = fileOf(node, file);
        placed = true;
      } else if (files.isEmpty()) {
        placed = false;
        break;
      } else {
        placed = false;
      }
      node = node.isArray() ? node.get(index) : node.get(token);
    }
    if (!placed && !files.isEmpty()) {
      Path own = fileOf(node, file);
      long[] kids = node == null ? null : children.get(node);
      if (!Objects.equals(own, file) && kids != null && kids.length > 0) {
        return new Found(kids[0], own);
      }
    }
    return new Found(position, file);
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
    return Position.unpack(walk(root, pointer, fileOf(root, null)).position());
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
