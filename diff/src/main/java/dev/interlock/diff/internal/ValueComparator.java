package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What values a schema allows by listing or shape: {@code format}, {@code enum} and {@code const},
 * {@code x-extensible-enum}, {@code pattern} and {@code default}.
 */
final class ValueComparator {

  private ValueComparator() {}

  static void compare(SchemaPair p) {
    format(p);
    enums(p);
    extensibleEnum(p);
    pattern(p);
    defaults(p);
  }

  private static void format(SchemaPair p) {
    String of = p.o.text("format");
    String nf = p.n.text("format");
    if (of == null && nf == null || of != null && of.equals(nf)) {
      return;
    }
    Node oAt = p.o.at("format");
    Node nAt = p.n.at("format");
    if (of == null) {
      p.add(SchemaRule.FORMAT_ADDED, "format '" + nf + "' added", oAt, nAt);
    } else if (nf == null) {
      p.add(SchemaRule.FORMAT_REMOVED, "format '" + of + "' removed", oAt, nAt);
    } else {
      p.add(
          SchemaRule.FORMAT_CHANGED, "format changed from '" + of + "' to '" + nf + "'", oAt, nAt);
    }
  }

  /**
   * The values a keyword lists ({@code const} counts as an enum of one), nulls left out; where
   * several parts list values (allOf members, keywords beside a 3.1 {@code $ref}) only the values
   * every part allows. Null when no part lists any.
   */
  private static Map<JsonNode, Node> listed(SchemaView s, String keyword) {
    Map<JsonNode, Node> values = null;
    for (Node part : s.parts) {
      Map<JsonNode, Node> here = listedIn(part, keyword);
      if (here == null) {
        continue;
      }
      if (values == null) {
        values = here;
      } else {
        values.keySet().retainAll(here.keySet());
      }
    }
    return values;
  }

  private static Map<JsonNode, Node> listedIn(Node part, String keyword) {
    boolean isConst = keyword.equals("enum") && part.json().has("const");
    if (!part.json().path(keyword).isArray() && !isConst) {
      return null;
    }
    Node e = part.get(keyword);
    Map<JsonNode, Node> values = new LinkedHashMap<>();
    if (e.json().isArray()) {
      for (int i = 0; i < e.json().size(); i++) {
        if (!e.json().get(i).isNull()) {
          values.putIfAbsent(e.json().get(i), e.get(i));
        }
      }
      return values;
    }
    Node c = part.get("const");
    if (!c.json().isNull()) {
      values.put(c.json(), c);
      return values;
    }
    return null;
  }

  private static Node enumNode(SchemaView s) {
    return s.first("enum").orElseGet(() -> s.at("const"));
  }

  private static void enums(SchemaPair p) {
    Map<JsonNode, Node> ov = listed(p.o, "enum");
    Map<JsonNode, Node> nv = listed(p.n, "enum");
    if (ov == null && nv == null) {
      return;
    }
    if (ov == null) {
      p.add(SchemaRule.ENUM_ADDED, "values restricted to " + nv.keySet(), p.o.node, enumNode(p.n));
      return;
    }
    if (nv == null) {
      p.add(
          SchemaRule.ENUM_REMOVED,
          "enum " + ov.keySet() + " no longer restricts values",
          enumNode(p.o),
          p.n.node);
      return;
    }
    values(p, ov, nv, "enum", SchemaRule.ENUM_VALUE_ADDED, SchemaRule.ENUM_VALUE_REMOVED);
  }

  /**
   * {@code x-extensible-enum} (Zalando's guideline) lists the values known today and promises
   * clients more may come: adding one breaks nobody, removing one refuses what callers send.
   */
  private static void extensibleEnum(SchemaPair p) {
    Map<JsonNode, Node> ov = listed(p.o, "x-extensible-enum");
    Map<JsonNode, Node> nv = listed(p.n, "x-extensible-enum");
    if (ov == null || nv == null) {
      return;
    }
    values(
        p,
        ov,
        nv,
        "x-extensible-enum",
        SchemaRule.EXTENSIBLE_ENUM_VALUE_ADDED,
        SchemaRule.EXTENSIBLE_ENUM_VALUE_REMOVED);
  }

  private static void values(
      SchemaPair p,
      Map<JsonNode, Node> ov,
      Map<JsonNode, Node> nv,
      String keyword,
      SchemaRule added,
      SchemaRule removed) {
    Node oAt = p.o.first(keyword).orElseGet(() -> enumNode(p.o));
    Node nAt = p.n.first(keyword).orElseGet(() -> enumNode(p.n));
    for (Map.Entry<JsonNode, Node> v : nv.entrySet()) {
      if (!ov.containsKey(v.getKey())) {
        p.add(added, keyword + " value " + v.getKey() + " added", oAt, v.getValue());
      }
    }
    for (Map.Entry<JsonNode, Node> v : ov.entrySet()) {
      if (!nv.containsKey(v.getKey())) {
        p.add(removed, keyword + " value " + v.getKey() + " removed", v.getValue(), nAt);
      }
    }
  }

  private static void pattern(SchemaPair p) {
    String op = p.o.text("pattern");
    String np = p.n.text("pattern");
    if (op == null && np == null || op != null && op.equals(np)) {
      return;
    }
    if (op == null) {
      p.add(SchemaRule.PATTERN_ADDED, "pattern '" + np + "' added", p.o.node, p.n.at("pattern"));
    } else if (np == null) {
      p.add(
          SchemaRule.PATTERN_REMOVED, "pattern '" + op + "' removed", p.o.at("pattern"), p.n.node);
    } else {
      p.add(
          SchemaRule.PATTERN_CHANGED,
          "pattern changed from '" + op + "' to '" + np + "'",
          p.o.at("pattern"),
          p.n.at("pattern"));
    }
  }

  private static void defaults(SchemaPair p) {
    Node od = p.o.first("default").orElse(null);
    Node nd = p.n.first("default").orElse(null);
    if (od != null && nd != null && !od.json().equals(nd.json())) {
      p.add(
          SchemaRule.DEFAULT_CHANGED,
          "default changed from " + od.json() + " to " + nd.json(),
          od,
          nd);
    }
  }
}
