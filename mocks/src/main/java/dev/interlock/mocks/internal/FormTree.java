package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Builds one JSON tree from the flat name/value pairs of a form, reading the bracket notation every
 * form-encoding client library writes: {@code a[b][c]=1} nests objects, {@code a[]=1&a[]=2} and a
 * repeated {@code a=1&a=2} make arrays, {@code a[0][b]=1} makes an object with index keys (turned
 * into an array later, where the schema says array). Leaves stay text: their types come from the
 * schema ({@link SchemaCoercion}).
 */
final class FormTree {

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private final ObjectNode root = NODES.objectNode();
  private final Set<String> literalNames;

  /**
   * @param literalNames top-level names the schema declares as they are: a property literally named
   *     {@code a[b]} is not read as brackets
   */
  FormTree(Set<String> literalNames) {
    this.literalNames = literalNames;
  }

  ObjectNode root() {
    return root;
  }

  void add(String key, JsonNode value) {
    List<String> path = literalNames.contains(key) ? List.of(key) : path(key);
    put(root, path, 0, value);
  }

  /** {@code a[b][]} as {@code [a, b, ""]}; a key that is not well bracketed is one name. */
  static List<String> path(String key) {
    int open = key.indexOf('[');
    if (open <= 0 || !key.endsWith("]")) {
      return List.of(key);
    }
    List<String> out = new ArrayList<>();
    out.add(key.substring(0, open));
    int i = open;
    while (i < key.length()) {
      if (key.charAt(i) != '[') {
        return List.of(key);
      }
      int close = key.indexOf(']', i);
      if (close < 0) {
        return List.of(key);
      }
      out.add(key.substring(i + 1, close));
      i = close + 1;
    }
    return out;
  }

  private static void put(JsonNode container, List<String> path, int at, JsonNode value) {
    String segment = path.get(at);
    boolean last = at == path.size() - 1;
    if (container instanceof ArrayNode array) {
      if (last) {
        array.add(value);
        return;
      }
      // a[][b]=1&a[][c]=2 fills one element until a name repeats, then starts the next
      JsonNode tail = array.isEmpty() ? null : array.get(array.size() - 1);
      String next = path.get(at + 1);
      if (!(tail instanceof ObjectNode o)
          || next.isEmpty()
          || o.has(next) && at + 2 == path.size()) {
        tail = childFor(path, at + 1);
        array.add(tail);
      }
      put(tail, path, at + 1, value);
      return;
    }
    ObjectNode object = (ObjectNode) container;
    if (last) {
      JsonNode existing = object.get(segment);
      if (existing == null) {
        object.set(segment, value);
      } else if (existing instanceof ArrayNode a) {
        a.add(value);
      } else if (existing.isContainerNode()) {
        // a=1 after a[b]=2: the structured value was meant; the bare one cannot be placed
        return;
      } else {
        object.set(segment, NODES.arrayNode().add(existing).add(value));
      }
      return;
    }
    JsonNode child = object.get(segment);
    if (child == null || !child.isContainerNode()) {
      child = childFor(path, at + 1);
      object.set(segment, child);
    }
    put(child, path, at + 1, value);
  }

  private static JsonNode childFor(List<String> path, int at) {
    return path.get(at).isEmpty() ? NODES.arrayNode() : NODES.objectNode();
  }
}
