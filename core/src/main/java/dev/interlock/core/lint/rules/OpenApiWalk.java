package dev.interlock.core.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/** Walks the raw tree of an OpenAPI document, where pointers and positions are exact. */
final class OpenApiWalk {

  static final Set<String> METHODS =
      Set.of("get", "put", "post", "delete", "options", "head", "patch", "trace");

  private OpenApiWalk() {}

  /** An operation in the raw document: its method, path and pointer. */
  record RawOperation(String method, String path, JsonPointer pointer, JsonNode node) {}

  static List<RawOperation> operations(SourceDocument doc) {
    List<RawOperation> out = new ArrayList<>();
    JsonNode paths = doc.root().path("paths");
    for (Iterator<String> it = paths.fieldNames(); it.hasNext(); ) {
      String path = it.next();
      JsonPointer itemPointer = doc.deref(JsonPointer.of("paths", path));
      JsonNode item = doc.at(itemPointer);
      for (Iterator<String> ms = item.fieldNames(); ms.hasNext(); ) {
        String method = ms.next();
        if (METHODS.contains(method)) {
          out.add(new RawOperation(method, path, itemPointer.append(method), item.get(method)));
        }
      }
    }
    return out;
  }

  /** Parameters of an operation with those of its path item, each dereferenced. */
  static List<JsonPointer> parameters(SourceDocument doc, RawOperation op) {
    List<JsonPointer> out = new ArrayList<>();
    for (JsonPointer list :
        List.of(op.pointer().parent().append("parameters"), op.pointer().append("parameters"))) {
      JsonNode params = doc.at(list);
      for (int i = 0; i < params.size(); i++) {
        out.add(doc.deref(list.append(i)));
      }
    }
    return out;
  }
}
