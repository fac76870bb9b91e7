package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.document.SourceDocument;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Walks the schemas of a contract document alongside an instance: which (sub)schemas apply to a
 * value, which properties an object schema declares. Local {@code $ref}s are followed; a
 * discriminator picks its branch of a {@code oneOf}/{@code anyOf}.
 */
public final class SchemaNav {

  private final SourceDocument doc;

  public SchemaNav(SourceDocument doc) {
    this.doc = doc;
  }

  public SourceDocument document() {
    return doc;
  }

  public JsonNode node(JsonPointer p) {
    return doc.at(doc.deref(p));
  }

  /**
   * The schemas that apply to {@code instance} when it is validated by the schema at {@code
   * schema}: the schema itself, its {@code allOf} members, and the {@code oneOf}/{@code anyOf}
   * branches (only the one a discriminator names, when it does). All dereferenced.
   */
  public List<JsonPointer> views(JsonPointer schema, JsonNode instance) {
    List<JsonPointer> out = new ArrayList<>();
    collect(doc.deref(schema), instance, out, 0);
    return out;
  }

  private void collect(JsonPointer p, JsonNode instance, List<JsonPointer> out, int depth) {
    if (depth > 16 || out.contains(p)) {
      return;
    }
    JsonNode n = doc.at(p);
    if (!n.isObject()) {
      return;
    }
    if (n.has("$ref") && n.get("$ref").isTextual() && !n.get("$ref").asText().startsWith("#")) {
      return; // another file: the validator sees it, the walk does not
    }
    out.add(p);
    if (n.has("$ref") && n.get("$ref").isTextual()) {
      collect(doc.deref(JsonPointer.parse(n.get("$ref").asText())), instance, out, depth + 1);
    }
    JsonNode allOf = n.get("allOf");
    if (allOf != null && allOf.isArray()) {
      for (int i = 0; i < allOf.size(); i++) {
        collect(doc.deref(p.append("allOf").append(i)), instance, out, depth + 1);
      }
    }
    for (String k : List.of("oneOf", "anyOf")) {
      JsonNode branches = n.get(k);
      if (branches == null || !branches.isArray()) {
        continue;
      }
      JsonPointer chosen = discriminated(p, n, k, instance);
      if (chosen != null) {
        collect(chosen, instance, out, depth + 1);
        continue;
      }
      for (int i = 0; i < branches.size(); i++) {
        collect(doc.deref(p.append(k).append(i)), instance, out, depth + 1);
      }
    }
  }

  /** The branch a discriminator selects for the instance, or null. */
  public JsonPointer discriminated(JsonPointer p, JsonNode n, String keyword, JsonNode instance) {
    JsonNode d = n.get("discriminator");
    if (d == null || instance == null || !instance.isObject()) {
      return null;
    }
    String property = d.path("propertyName").asText(null);
    if (property == null || !instance.path(property).isTextual()) {
      return null;
    }
    String value = instance.get(property).asText();
    String ref = d.path("mapping").path(value).asText(null);
    if (ref != null) {
      if (ref.startsWith("#")) {
        return doc.deref(JsonPointer.parse(ref));
      }
      ref = "#/components/schemas/" + ref;
      return doc.deref(JsonPointer.parse(ref));
    }
    JsonNode branches = n.get(keyword);
    for (int i = 0; i < branches.size(); i++) {
      String r = branches.get(i).path("$ref").asText("");
      if (r.endsWith("/" + value)) {
        return doc.deref(p.append(keyword).append(i));
      }
    }
    return null;
  }

  /** The schemas for a property (or array element) below the given views. */
  public List<JsonPointer> child(List<JsonPointer> views, Object token, JsonNode childInstance) {
    List<JsonPointer> out = new ArrayList<>();
    for (JsonPointer v : views) {
      JsonNode n = doc.at(v);
      if (token instanceof Integer index) {
        JsonNode prefix = n.get("prefixItems");
        if (prefix != null && prefix.isArray() && index < prefix.size()) {
          out.addAll(views(v.append("prefixItems").append(index), childInstance));
        } else if (n.get("items") != null && n.get("items").isObject()) {
          out.addAll(views(v.append("items"), childInstance));
        } else if (n.get("items") != null
            && n.get("items").isArray()
            && index < n.get("items").size()) {
          out.addAll(views(v.append("items").append(index), childInstance));
        }
      } else {
        String name = String.valueOf(token);
        JsonNode props = n.get("properties");
        if (props != null && props.has(name)) {
          out.addAll(views(v.append("properties").append(name), childInstance));
          continue;
        }
        JsonNode patterns = n.get("patternProperties");
        boolean matched = false;
        if (patterns != null) {
          for (Iterator<String> it = patterns.fieldNames(); it.hasNext(); ) {
            String pattern = it.next();
            Pattern compiled = ValueMatchers.pattern(pattern);
            if (compiled != null && compiled.matcher(name).find()) {
              out.addAll(views(v.append("patternProperties").append(pattern), childInstance));
              matched = true;
            }
          }
        }
        JsonNode additional = n.get("additionalProperties");
        if (!matched && additional != null && additional.isObject()) {
          out.addAll(views(v.append("additionalProperties"), childInstance));
        }
      }
    }
    return out;
  }

  /** The schemas that apply at a concrete path below a root schema. */
  public List<JsonPointer> at(JsonPointer root, JsonNode rootInstance, List<Object> path) {
    List<JsonPointer> views = views(root, rootInstance);
    JsonNode instance = rootInstance;
    for (Object token : path) {
      JsonNode next =
          instance == null
              ? null
              : token instanceof Integer i ? instance.get(i) : instance.get(String.valueOf(token));
      views = child(views, token, next);
      instance = next;
      if (views.isEmpty()) {
        break;
      }
    }
    return views;
  }

  /** The JSON types the views allow ({@code type}, as strings; empty when unconstrained). */
  public Set<String> types(List<JsonPointer> views) {
    Set<String> types = new LinkedHashSet<>();
    for (JsonPointer v : views) {
      JsonNode t = doc.at(v).get("type");
      if (t == null) {
        continue;
      }
      if (t.isArray()) {
        t.forEach(x -> types.add(x.asText()));
      } else {
        types.add(t.asText());
      }
      if (doc.at(v).path("nullable").asBoolean(false)) {
        types.add("null");
      }
    }
    return types;
  }

  /** The first value of a keyword among the views, or null. */
  public JsonNode keyword(List<JsonPointer> views, String keyword) {
    for (JsonPointer v : views) {
      JsonNode k = doc.at(v).get(keyword);
      if (k != null && !k.isNull()) {
        return k;
      }
    }
    return null;
  }

  /** The first view with the keyword, or the first view, or null. */
  public JsonPointer where(List<JsonPointer> views, String keyword) {
    for (JsonPointer v : views) {
      if (doc.at(v).has(keyword)) {
        return v;
      }
    }
    return views.isEmpty() ? null : views.get(0);
  }

  /** What an object schema (its views) declares about properties. */
  public record Declared(
      Set<String> properties,
      List<Pattern> patterns,
      boolean openMap,
      boolean closed,
      JsonPointer at) {
    public boolean declares(String name) {
      if (properties.contains(name)) {
        return true;
      }
      for (Pattern p : patterns) {
        if (p.matcher(name).find()) {
          return true;
        }
      }
      return false;
    }
  }

  public Declared declared(List<JsonPointer> views) {
    Set<String> props = new LinkedHashSet<>();
    List<Pattern> patterns = new ArrayList<>();
    boolean openMap = false;
    boolean closed = false;
    JsonPointer at = null;
    for (JsonPointer v : views) {
      JsonNode n = doc.at(v);
      JsonNode p = n.get("properties");
      if (p != null && p.isObject()) {
        for (Iterator<Map.Entry<String, JsonNode>> it = p.fields(); it.hasNext(); ) {
          props.add(it.next().getKey());
        }
        if (at == null) {
          at = v;
        }
      }
      JsonNode pp = n.get("patternProperties");
      if (pp != null && pp.isObject()) {
        for (Iterator<String> it = pp.fieldNames(); it.hasNext(); ) {
          Pattern compiled = ValueMatchers.pattern(it.next());
          if (compiled != null) {
            patterns.add(compiled);
          }
        }
      }
      JsonNode ap =
          n.has("additionalProperties")
              ? n.get("additionalProperties")
              : n.get("unevaluatedProperties");
      if (ap != null && ap.isObject() && !ap.isEmpty()) {
        openMap = true;
      } else if (ap != null && ap.isObject()) {
        openMap = !n.has("properties"); // additionalProperties: {} on a map
      } else if (ap != null && ap.isBoolean() && !ap.asBoolean()) {
        closed = true;
      }
    }
    return new Declared(
        props, patterns, openMap, closed, at == null && !views.isEmpty() ? views.get(0) : at);
  }
}
