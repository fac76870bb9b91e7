package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The resources a contract's own examples describe, so that state starts where the examples are: an
 * object with an {@code id} (or a field named as the item's path parameter) in a success example of
 * a read, a create or a list of a collection exists from the start, and {@code GET} at that id
 * answers it. Collections nested under a parent's id are left out: the example does not say which
 * parent holds it.
 */
final class ExampleResources {

  /** One example resource and where it lives. */
  record Seed(String collectionKey, String id, JsonNode resource) {}

  private ExampleResources() {}

  static List<Seed> of(ContractVersion v) {
    List<Seed> out = new ArrayList<>();
    for (OperationModel op : v.operations()) {
      String template = ResourceAddress.collectionTemplate(op.template());
      boolean item = ResourceAddress.isItem(op.template());
      boolean read = op.method().equals("GET");
      boolean create = op.method().equals("POST") && !item;
      if (template.contains("{") || !(read || create)) {
        continue;
      }
      String key = v.label() + "|" + template;
      String parameter =
          item ? lastParameter(op.template()) : ResourceAddress.itemParameter(v, template);
      for (JsonNode example : successExamples(v, op)) {
        if (read && !item) {
          for (JsonNode element : listed(example)) {
            add(out, key, element, parameter);
          }
        } else {
          add(out, key, example, parameter);
        }
      }
    }
    return out;
  }

  private static void add(List<Seed> out, String key, JsonNode resource, String parameter) {
    if (!resource.isObject()) {
      return;
    }
    JsonNode id = resource.get(ResourceAddress.idField(resource, parameter));
    if (id != null && (id.isTextual() || id.isIntegralNumber()) && !id.asText().isEmpty()) {
      out.add(new Seed(key, id.asText(), resource.deepCopy()));
    }
  }

  /** The elements of a list: the array itself, or the first array among its fields. */
  private static Iterable<JsonNode> listed(JsonNode example) {
    if (example.isArray()) {
      return example;
    }
    for (Iterator<JsonNode> it = example.elements(); it.hasNext(); ) {
      JsonNode field = it.next();
      if (field.isArray()) {
        return field;
      }
    }
    return List.of();
  }

  private static List<JsonNode> successExamples(ContractVersion v, OperationModel op) {
    List<JsonNode> out = new ArrayList<>();
    String status = String.valueOf(op.successStatus());
    if (!op.declares(op.successStatus())) {
      return out;
    }
    JsonPointer response = v.resolve(op.pointer(), "responses", status);
    for (Iterator<JsonNode> media = v.tree().at(response).path("content").elements();
        media.hasNext(); ) {
      JsonNode m = media.next();
      if (m.has("example")) {
        out.add(m.get("example"));
      }
      for (Iterator<JsonNode> named = m.path("examples").elements(); named.hasNext(); ) {
        JsonNode e = v.tree().deref(named.next());
        if (e.has("value")) {
          out.add(e.get("value"));
        }
      }
    }
    return out;
  }

  private static String lastParameter(String template) {
    int open = template.lastIndexOf('{');
    int close = template.lastIndexOf('}');
    return open >= 0 && close > open ? template.substring(open + 1, close) : "id";
  }
}
