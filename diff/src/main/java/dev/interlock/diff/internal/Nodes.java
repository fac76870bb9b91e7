package dev.interlock.diff.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/** Small lookups over raw OpenAPI nodes shared by the comparators. */
final class Nodes {

  private Nodes() {}

  /** The field when it is there (a precise location), else the node holding it. */
  static Node at(Node node, String field) {
    return node.get(field).exists() ? node.get(field) : node;
  }

  /** The children of an object by key; keys in mixed case are lower-cased (statuses, 2XX). */
  static Map<String, Node> children(Node object) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (object.isObject()) {
      for (var it = object.json().fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.put(
            k.toUpperCase(Locale.ROOT).equals(k) ? k : k.toLowerCase(Locale.ROOT), object.get(k));
      }
    }
    return out;
  }

  /** Header objects by lower-cased name (HTTP header names are case-insensitive). */
  static Map<String, Node> headers(Node headers) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (headers.isObject()) {
      for (var it = headers.json().fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.put(k.toLowerCase(Locale.ROOT), headers.get(k));
      }
    }
    return out;
  }

  /** Media type objects keyed by their type without parameters or spaces. */
  static Map<String, Node> media(Node content) {
    Map<String, Node> media = new LinkedHashMap<>();
    if (content.isObject()) {
      for (var it = content.json().fieldNames(); it.hasNext(); ) {
        String name = it.next();
        String key = name.toLowerCase(Locale.ROOT).replace(" ", "");
        int semi = key.indexOf(';');
        media.putIfAbsent(semi < 0 ? key : key.substring(0, semi), content.get(name));
      }
    }
    return media;
  }

  /** The schema of a parameter or header: {@code schema}, or that of its single media type. */
  static Node schemaOf(Node holder) {
    if (holder.get("schema").exists()) {
      return holder.get("schema");
    }
    Node content = holder.get("content");
    if (content.isObject() && content.json().size() > 0) {
      return content.get(content.json().fieldNames().next()).get("schema");
    }
    return holder.get("schema");
  }
}
