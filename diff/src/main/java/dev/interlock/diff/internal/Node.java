package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.document.SourceDocument;

/** A JSON node together with the document it is in and its pointer there. */
public record Node(SourceDocument doc, JsonPointer pointer, JsonNode json) {

  public static Node root(SourceDocument doc) {
    return new Node(doc, JsonPointer.ROOT, doc.root());
  }

  public Node get(String field) {
    JsonNode child = json == null ? null : json.get(field);
    return new Node(doc, pointer.append(field), child == null ? MissingNode.getInstance() : child);
  }

  public Node get(int index) {
    JsonNode child = json == null ? null : json.get(index);
    return new Node(doc, pointer.append(index), child == null ? MissingNode.getInstance() : child);
  }

  public boolean exists() {
    return json != null && !json.isMissingNode();
  }

  public boolean isObject() {
    return json != null && json.isObject();
  }

  public String text(String field) {
    JsonNode v = json == null ? null : json.get(field);
    return v == null || v.isNull() || v.isContainerNode() ? null : v.asText();
  }

  public boolean flag(String field) {
    JsonNode v = json == null ? null : json.get(field);
    return v != null && v.asBoolean(false);
  }

  public SourceLocation location() {
    return doc.locate(pointer);
  }

  /** A key that identifies this node by file and pointer. */
  public String key() {
    return doc.file() + "#" + pointer.value();
  }
}
