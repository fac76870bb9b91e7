package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.contract.OpenApiContract;
import io.swagger.v3.core.util.Json;
import io.swagger.v3.core.util.Json31;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The contract as one JSON tree whose {@code $ref}s are all local. The raw document is used when it
 * has no references to other files (it is exactly what the author wrote); otherwise the tree is
 * serialized from swagger-parser's model, which has already pulled external references into {@code
 * components}.
 */
public final class SpecTree {

  /**
   * Pointers resolved before: the sandbox asks for the same schemas on every request, and Jackson
   * parses a pointer string anew on each {@code at}. Only contract pointers are asked for, so the
   * maps stay as small as the contract; the cap is a guard, not a policy.
   */
  private static final int CACHE_CAP = 100_000;

  private final JsonNode root;
  private final Map<String, JsonNode> nodes = new ConcurrentHashMap<>();
  private final Map<String, JsonPointer> derefs = new ConcurrentHashMap<>();

  private SpecTree(JsonNode root) {
    this.root = root;
  }

  public static SpecTree of(OpenApiContract contract) {
    JsonNode raw = contract.source().root();
    if (!hasExternalRefs(raw)) {
      return new SpecTree(raw);
    }
    JsonNode tree =
        contract.isOpenApi31()
            ? Json31.mapper().valueToTree(contract.model())
            : Json.mapper().valueToTree(contract.model());
    return new SpecTree(tree);
  }

  public static SpecTree ofRoot(JsonNode root) {
    return new SpecTree(root);
  }

  public JsonNode root() {
    return root;
  }

  public JsonNode at(JsonPointer pointer) {
    JsonNode node = nodes.get(pointer.value());
    if (node == null) {
      node = root.at(pointer.value());
      if (nodes.size() < CACHE_CAP) {
        nodes.put(pointer.value(), node);
      }
    }
    return node;
  }

  /** Follows a chain of local {@code $ref}s (at most 32 hops); other nodes come back unchanged. */
  public JsonNode deref(JsonNode node) {
    JsonNode at = node;
    for (int hops = 0; hops < 32 && at != null && at.isObject() && at.has("$ref"); hops++) {
      String ref = at.get("$ref").asText();
      if (!ref.startsWith("#")) {
        return MissingNode.getInstance();
      }
      at = root.at(JsonPointer.parse(ref).value());
    }
    return at == null ? MissingNode.getInstance() : at;
  }

  /** The pointer a local {@code $ref} chain ends at, or the given pointer. */
  public JsonPointer derefPointer(JsonPointer pointer) {
    JsonPointer known = derefs.get(pointer.value());
    if (known != null) {
      return known;
    }
    JsonPointer at = resolve(pointer);
    if (derefs.size() < CACHE_CAP) {
      derefs.put(pointer.value(), at);
    }
    return at;
  }

  private JsonPointer resolve(JsonPointer pointer) {
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

  /**
   * The properties of an object schema by name, {@code $ref}s followed and {@code allOf} branches
   * merged (a later branch's keywords win; a property declared in two branches is one schema).
   */
  public Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> out = new LinkedHashMap<>();
    collectProperties(schema, out, 0);
    return out;
  }

  private void collectProperties(JsonNode schema, Map<String, JsonNode> out, int depth) {
    JsonNode s = deref(schema);
    if (depth > 16 || !s.isObject()) {
      return;
    }
    for (JsonNode branch : s.path("allOf")) {
      collectProperties(branch, out, depth + 1);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = s.path("properties").fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> p = it.next();
      JsonNode value = deref(p.getValue());
      JsonNode before = out.get(p.getKey());
      if (before instanceof ObjectNode b && value instanceof ObjectNode v) {
        ObjectNode merged = b.deepCopy();
        merged.setAll(v);
        out.put(p.getKey(), merged);
      } else {
        out.put(p.getKey(), value);
      }
    }
  }

  private static boolean hasExternalRefs(JsonNode root) {
    Deque<JsonNode> stack = new ArrayDeque<>();
    stack.push(root);
    while (!stack.isEmpty()) {
      JsonNode node = stack.pop();
      if (node.isObject()) {
        JsonNode ref = node.get("$ref");
        if (ref != null && ref.isTextual() && !ref.asText().startsWith("#")) {
          return true;
        }
      }
      if (node.isContainerNode()) {
        for (Iterator<JsonNode> it = node.elements(); it.hasNext(); ) {
          stack.push(it.next());
        }
      }
    }
    return false;
  }
}
