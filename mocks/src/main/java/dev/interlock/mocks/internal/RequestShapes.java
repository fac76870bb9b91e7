package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.JsonPointer;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * What the fast path of request validation needs of an operation, computed once per operation: its
 * declared header parameters with their schemas; and whether a header value is valid, decided
 * without the schema validator where the schema is a plain string with length and pattern.
 */
final class RequestShapes {

  /** Header parameters that are plain strings, and the other headers. */
  record Shape(Map<String, JsonPointer> stringHeaders, Set<String> otherHeaders) {}

  static final int VERDICTS = 10_000;
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Set<String> SIMPLE_STRING_KEYWORDS =
      Set.of("type", "maxLength", "minLength", "pattern", "description", "example", "title");

  private final Map<OperationModel, Shape> shapes = new ConcurrentHashMap<>();
  private final Map<String, Pattern> patterns = new ConcurrentHashMap<>();
  private final Map<String, Boolean> headerVerdicts = new ConcurrentHashMap<>();

  Shape of(OperationModel op) {
    return shapes.computeIfAbsent(op, RequestShapes::shapeOf);
  }

  /**
   * Whether a header value is valid against its schema: plain length and pattern constraints are
   * checked here (an idempotency key is new on every request, so it cannot be remembered), the rest
   * by the schema validator.
   */
  boolean validHeader(ContractVersion v, JsonPointer schemaPointer, String value) {
    JsonNode schema = v.tree().at(schemaPointer);
    boolean simple = true;
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      simple &= SIMPLE_STRING_KEYWORDS.contains(k) || k.startsWith("x-");
    }
    if (!simple) {
      String cacheKey = v.label() + "|" + schemaPointer.value() + "\u0000" + value;
      Boolean known = headerVerdicts.get(cacheKey);
      if (known == null) {
        known = v.validate(schemaPointer, JSON.getNodeFactory().textNode(value)).isEmpty();
        if (headerVerdicts.size() >= VERDICTS) {
          headerVerdicts.clear();
        }
        headerVerdicts.put(cacheKey, known);
      }
      return known;
    }
    int length = value.codePointCount(0, value.length());
    if (schema.has("maxLength") && length > schema.get("maxLength").asInt()) {
      return false;
    }
    if (schema.has("minLength") && length < schema.get("minLength").asInt()) {
      return false;
    }
    if (schema.has("pattern")) {
      String regex = schema.get("pattern").asText();
      Pattern p;
      try {
        p = patterns.computeIfAbsent(regex, Pattern::compile);
      } catch (RuntimeException e) {
        return v.validate(schemaPointer, JSON.getNodeFactory().textNode(value)).isEmpty();
      }
      return p.matcher(value).find();
    }
    return true;
  }

  private static Shape shapeOf(OperationModel op) {
    ContractVersion v = op.version();
    Map<String, JsonPointer> strings = new LinkedHashMap<>();
    Set<String> others = new LinkedHashSet<>();
    for (JsonPointer list :
        List.of(op.pointer().parent().append("parameters"), op.pointer().append("parameters"))) {
      JsonNode params = v.tree().at(list);
      for (int i = 0; i < params.size(); i++) {
        JsonPointer pp = v.tree().derefPointer(list.append(i));
        JsonNode p = v.tree().at(pp);
        if (!"header".equalsIgnoreCase(p.path("in").asText())) {
          continue;
        }
        String name = p.path("name").asText();
        JsonPointer schema = v.tree().derefPointer(pp.append("schema"));
        JsonNode s = v.tree().at(schema);
        boolean plainString =
            s.isObject()
                && s.path("type").asText("string").equals("string")
                && !s.has("$ref")
                && !s.has("oneOf")
                && !s.has("anyOf")
                && !s.has("allOf");
        if (plainString) {
          strings.put(name, schema);
          others.remove(name);
        } else {
          others.add(name);
          strings.remove(name);
        }
      }
    }
    return new Shape(strings, others);
  }
}
