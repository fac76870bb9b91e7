package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.JsonPointer;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Whether a resource with a request's fields laid over it ({@link EchoFields}) still matches the
 * response schema, checked as cheaply as the schema allows.
 */
final class ResourceMerge {

  /** Keywords under which an object's validity is its properties' validity, one by one. */
  private static final Set<String> PLAIN_OBJECT_KEYWORDS =
      Set.of(
          "type",
          "properties",
          "required",
          "description",
          "title",
          "example",
          "examples",
          "nullable",
          "readOnly",
          "writeOnly",
          "deprecated",
          "externalDocs",
          "xml",
          "additionalProperties",
          "minProperties",
          "maxProperties",
          "discriminator");

  private final Map<String, Boolean> plainObjects = new ConcurrentHashMap<>();
  private final Map<String, Boolean> valueVerdicts = new ConcurrentHashMap<>();

  /**
   * Whether a resource is valid, when all but the {@code changed} top-level properties come from a
   * body known to be valid (the contract's example or a synthesized one) and the changes replaced
   * existing values only. For a plain object schema only the changed properties are validated, each
   * against its own schema; otherwise the whole resource.
   */
  boolean validChanges(
      ContractVersion v, JsonPointer schema, ObjectNode resource, Set<String> changed) {
    boolean plain =
        plainObjects.computeIfAbsent(
            v.label() + "|" + schema.value(),
            k -> {
              JsonNode s = v.tree().at(schema);
              for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
                String f = it.next();
                if (!PLAIN_OBJECT_KEYWORDS.contains(f) && !f.startsWith("x-")) {
                  return false;
                }
              }
              return s.path("properties").isObject();
            });
    if (!plain) {
      return v.validate(schema, resource).isEmpty();
    }
    JsonNode properties = v.tree().at(schema).path("properties");
    for (String name : changed) {
      JsonNode value = resource.get(name);
      if (value == null) {
        continue;
      }
      if (!properties.has(name)) {
        return v.validate(schema, resource).isEmpty(); // additionalProperties decide
      }
      JsonPointer property = v.tree().derefPointer(schema.append("properties").append(name));
      if (!validValue(v, property, value)) {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether a value is valid against a schema; the verdicts on small values (currencies, amounts,
   * statuses: what requests repeat) are remembered, validity being a function of the two.
   */
  private boolean validValue(ContractVersion v, JsonPointer schema, JsonNode value) {
    // a string's own text is its key (quotes and escapes would only cost); other values as JSON
    String text = value.isTextual() ? "\"" + value.textValue() : value.toString();
    if (text.length() > 256) {
      return v.validate(schema, value).isEmpty();
    }
    String key = v.label() + "|" + schema.value() + "\u0000" + text;
    Boolean known = valueVerdicts.get(key);
    if (known == null) {
      known = v.validate(schema, value).isEmpty();
      if (valueVerdicts.size() >= RequestShapes.VERDICTS) {
        valueVerdicts.clear();
      }
      valueVerdicts.put(key, known);
    }
    return known;
  }
}
