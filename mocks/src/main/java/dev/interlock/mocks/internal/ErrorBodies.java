package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Fills the error body a contract declares with what is wrong, by the roles its field names play in
 * error bodies across vendors: message-like fields ({@code message}, {@code detail}, {@code
 * description}, {@code error_description}...) get the detail, {@code title} the summary, param-like
 * fields ({@code param}, {@code field}, {@code parameter}...) the location as the client named it,
 * pointer-like fields the JSON pointer, status-like integers the status, and {@code type}/{@code
 * code}/{@code reason} the value of their enum that names this kind of error, else (for a free
 * {@code code}) our stable code. An array of error objects gets one per violation. Nested objects
 * are filled the same way ({@code error.message}).
 */
final class ErrorBodies {

  private static final Set<String> MESSAGE =
      Set.of(
          "message",
          "msg",
          "detail",
          "details",
          "description",
          "errordescription",
          "errormessage",
          "developermessage",
          "usermessage",
          "reason");
  private static final Set<String> TITLE = Set.of("title", "summary");
  private static final Set<String> PARAM =
      Set.of("param", "parameter", "paramname", "field", "fieldname", "attribute", "property");
  private static final Set<String> POINTER = Set.of("pointer", "jsonpointer", "location");
  private static final Set<String> STATUS = Set.of("status", "statuscode", "httpstatus", "code");
  private static final Set<String> KIND =
      Set.of("type", "code", "errortype", "kind", "reason", "error");
  private static final int MAX_DEPTH = 4;

  private final SpecTree tree;

  ErrorBodies(SpecTree tree) {
    this.tree = tree;
  }

  /** The declared body, copied, filled with the facts. */
  JsonNode fill(JsonNode declared, JsonNode schema, ErrorFacts facts) {
    JsonNode copy = declared.deepCopy();
    if (copy instanceof ObjectNode o) {
      fillObject(
          o, schema, facts, facts.violations().isEmpty() ? null : facts.violations().get(0), 0);
    }
    return copy;
  }

  private void fillObject(
      ObjectNode o, JsonNode schema, ErrorFacts facts, Violation one, int depth) {
    Map<String, JsonNode> properties = tree.properties(firstBranch(schema));
    Set<String> names = new HashSet<>(properties.keySet());
    o.fieldNames().forEachRemaining(names::add);
    Set<String> required = required(schema);
    for (String name : names) {
      JsonNode propSchema = properties.getOrDefault(name, MissingNode.getInstance());
      String role = name.toLowerCase(Locale.ROOT).replace("_", "").replace("-", "");
      String type = typeOf(propSchema, o.get(name));
      JsonNode current = o.get(name);
      if (type.equals("object") && depth < MAX_DEPTH && current instanceof ObjectNode child) {
        fillObject(child, propSchema, facts, one, depth + 1);
      } else if (type.equals("array") && depth < MAX_DEPTH) {
        fillArray(o, name, propSchema, facts, depth);
      } else if (type.equals("integer") || type.equals("number")) {
        if (STATUS.contains(role) && !propSchema.has("enum")) {
          o.put(name, facts.status());
        }
      } else if (type.equals("string")) {
        String value = stringFor(role, propSchema, facts, one);
        if (value != null) {
          o.put(name, value);
        } else if ((PARAM.contains(role) || POINTER.contains(role))
            && one == null
            && !required.contains(name)) {
          o.remove(name); // a location only where there is one
        }
      }
    }
  }

  private String stringFor(String role, JsonNode schema, ErrorFacts facts, Violation one) {
    if (schema.has("enum")) {
      return KIND.contains(role) ? bestOf(schema.get("enum"), facts) : null;
    }
    if (MESSAGE.contains(role)) {
      return facts.detail();
    }
    if (TITLE.contains(role)) {
      return facts.title();
    }
    if (one != null && PARAM.contains(role)) {
      return facts.param(one);
    }
    if (one != null && POINTER.contains(role)) {
      return one.pointer();
    }
    if (role.equals("code") && facts.code() != null) {
      return facts.code();
    }
    return null;
  }

  /** One error object per violation, in the array's item shape, when its items are objects. */
  private void fillArray(ObjectNode o, String name, JsonNode schema, ErrorFacts facts, int depth) {
    JsonNode items = tree.deref(tree.deref(schema).path("items"));
    if (facts.violations().isEmpty() || !isObject(items)) {
      return;
    }
    JsonNode current = o.get(name);
    JsonNode template =
        current != null && current.size() > 0 && current.get(0).isObject()
            ? current.get(0)
            : JsonNodeFactory.instance.objectNode();
    ArrayNode out = o.putArray(name);
    for (Violation v : facts.violations()) {
      ObjectNode item = (ObjectNode) template.deepCopy();
      ErrorFacts single =
          new ErrorFacts(
              facts.status(),
              facts.title(),
              v.message(),
              v.code(),
              List.of(v),
              facts.formRequest());
      fillObject(item, items, single, v, depth + 1);
      out.add(item);
    }
  }

  /** The enum value that names this kind of error best, else the first. */
  private static String bestOf(JsonNode values, ErrorFacts facts) {
    List<String> wanted = keywords(facts);
    String best = null;
    int bestRank = Integer.MAX_VALUE;
    for (JsonNode v : values) {
      String s = v.asText().toLowerCase(Locale.ROOT);
      for (int i = 0; i < wanted.size() && i < bestRank; i++) {
        if (s.contains(wanted.get(i))) {
          best = v.asText();
          bestRank = i;
        }
      }
    }
    return best != null ? best : values.path(0).asText(null);
  }

  private static List<String> keywords(ErrorFacts facts) {
    String code = facts.code() == null ? "" : facts.code().toLowerCase(Locale.ROOT);
    if (code.startsWith("idempotency")) {
      return List.of("idempotency", "conflict", "invalid_request", "invalid");
    }
    return switch (facts.status()) {
      case 400, 422 ->
          List.of("validation", "invalid_request", "invalid", "bad_request", "request");
      case 401 ->
          List.of("authentication", "unauthorized", "unauthenticated", "auth", "invalid_request");
      case 403 -> List.of("permission", "forbidden", "auth");
      case 404 -> List.of("not_found", "notfound", "missing", "invalid_request", "invalid");
      case 409 -> List.of("conflict", "idempotency", "invalid_request");
      case 429 -> List.of("rate_limit", "ratelimit", "too_many", "rate", "limit");
      default -> List.of("api_error", "server", "internal", "unavailable", "error");
    };
  }

  private JsonNode firstBranch(JsonNode schema) {
    JsonNode s = tree.deref(schema);
    for (String k : List.of("oneOf", "anyOf")) {
      if (s.path(k).isArray() && s.path(k).size() > 0 && !s.has("properties")) {
        return tree.deref(s.path(k).get(0));
      }
    }
    return s;
  }

  private Set<String> required(JsonNode schema) {
    Set<String> out = new HashSet<>();
    JsonNode s = firstBranch(schema);
    s.path("required").forEach(r -> out.add(r.asText()));
    for (JsonNode branch : s.path("allOf")) {
      tree.deref(branch).path("required").forEach(r -> out.add(r.asText()));
    }
    return out;
  }

  private boolean isObject(JsonNode schema) {
    return schema.path("type").asText("").equals("object")
        || !tree.properties(firstBranch(schema)).isEmpty();
  }

  /** The JSON type a property takes: its schema's, else its current value's. */
  private String typeOf(JsonNode schema, JsonNode current) {
    JsonNode s = firstBranch(schema);
    JsonNode t = s.path("type");
    if (t.isTextual()) {
      return t.asText();
    }
    if (t.isArray()) {
      for (JsonNode each : t) {
        if (!each.asText().equals("null")) {
          return each.asText();
        }
      }
    }
    if (!tree.properties(s).isEmpty()) {
      return "object";
    }
    if (current == null) {
      return "";
    }
    return switch (current.getNodeType()) {
      case OBJECT -> "object";
      case ARRAY -> "array";
      case STRING -> "string";
      case NUMBER -> current.isIntegralNumber() ? "integer" : "number";
      default -> "";
    };
  }
}
