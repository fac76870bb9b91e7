package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compares two schemas for one {@link Direction}. {@code $ref}s are followed on both sides, so a
 * renamed target of the same shape is no change; {@code allOf} members are merged into one view.
 * Each pair of schemas is compared once: results are memoized per (old pointer, new pointer,
 * direction) and a pair met again while it is being compared (a recursive schema) contributes
 * nothing, so recursive schemas are never expanded.
 */
public final class SchemaComparator {

  /** A schema difference, relative to the schema pair it was found in. */
  public record Finding(
      SchemaRule rule, String message, Node oldNode, Node newNode, List<String> path) {

    Finding under(String token) {
      List<String> p = new ArrayList<>(path.size() + 1);
      p.add(token);
      p.addAll(path);
      return new Finding(rule, message, oldNode, newNode, p);
    }

    String identity() {
      return rule + "|" + oldNode.key() + "|" + newNode.key();
    }
  }

  /** How many different paths to the same change are kept (shared schemas reach it many ways). */
  private static final int PATHS_PER_CHANGE = 4;

  private static final int MAX_ALL_OF_DEPTH = 16;

  private final RefResolver resolver;
  private final Map<String, List<Finding>> memo = new HashMap<>();

  public SchemaComparator(RefResolver resolver) {
    this.resolver = resolver;
  }

  /** Renders a relative path as a JSON path: {@code $.amount.currency}, {@code $.items[*].sku}. */
  public static String jsonPath(List<String> tokens) {
    StringBuilder out = new StringBuilder("$");
    for (String t : tokens) {
      if (t.equals("[*]")) {
        out.append("[*]");
      } else if (t.matches("[A-Za-z_$][A-Za-z0-9_$-]*") || t.equals("*")) {
        out.append('.').append(t);
      } else {
        out.append("['").append(t.replace("'", "\\'")).append("']");
      }
    }
    return out.toString();
  }

  public List<Finding> compare(Node oldSchema, Node newSchema, Direction direction) {
    if (!oldSchema.exists() || !newSchema.exists()) {
      return List.of();
    }
    Node o = resolver.resolve(oldSchema);
    Node n = resolver.resolve(newSchema);
    String key = o.key() + "\u0000" + n.key() + "\u0000" + direction;
    List<Finding> known = memo.get(key);
    if (known != null) {
      return known;
    }
    memo.put(key, List.of()); // in progress: a cycle back to this pair adds nothing
    Findings out = new Findings();
    if (o.isObject() && n.isObject()) {
      new Pair(o, n, direction, out).compare();
    }
    List<Finding> result = out.list();
    memo.put(key, result);
    return result;
  }

  /** Findings without duplicates: at most a few paths for the same change. */
  private static final class Findings {
    private final Map<String, Integer> pathsPerChange = new HashMap<>();
    private final LinkedHashMap<String, Finding> byPath = new LinkedHashMap<>();

    void add(Finding f) {
      String id = f.identity();
      String withPath = id + "|" + String.join("/", f.path());
      if (byPath.containsKey(withPath)) {
        return;
      }
      int n = pathsPerChange.getOrDefault(id, 0);
      if (n >= PATHS_PER_CHANGE) {
        return;
      }
      pathsPerChange.put(id, n + 1);
      byPath.put(withPath, f);
    }

    List<Finding> list() {
      return List.copyOf(byPath.values());
    }
  }

  /** What a schema says once its allOf members are merged in. */
  private final class View {
    final Node node;
    final Map<String, Node> properties = new LinkedHashMap<>();
    final Map<String, Node> required = new LinkedHashMap<>();
    final Set<String> types = new LinkedHashSet<>();
    Node typeNode;
    boolean nullable;
    Node additionalProperties;
    final List<Node> allOfMembers = new ArrayList<>();

    View(Node node) {
      this.node = node;
      merge(node, new HashSet<>(), 0);
    }

    private void merge(Node s, Set<String> seen, int depth) {
      if (!s.isObject() || depth > MAX_ALL_OF_DEPTH || !seen.add(s.key())) {
        return;
      }
      Node props = s.get("properties");
      if (props.isObject()) {
        props.json().fieldNames().forEachRemaining(p -> properties.putIfAbsent(p, props.get(p)));
      }
      Node req = s.get("required");
      if (req.json().isArray()) {
        for (int i = 0; i < req.json().size(); i++) {
          required.putIfAbsent(req.json().get(i).asText(), req.get(i));
        }
      }
      if (typeNode == null) {
        Node type = s.get("type");
        if (type.json().isTextual()) {
          typeNode = type;
          types.add(type.json().asText());
        } else if (type.json().isArray()) {
          typeNode = type;
          type.json().forEach(t -> types.add(t.asText()));
        }
      }
      if (s.flag("nullable")) {
        nullable = true;
      }
      if (additionalProperties == null && s.get("additionalProperties").exists()) {
        additionalProperties = s.get("additionalProperties");
      }
      Node allOf = s.get("allOf");
      if (allOf.json().isArray()) {
        for (int i = 0; i < allOf.json().size(); i++) {
          Node member = resolver.resolve(allOf.get(i));
          if (depth == 0) {
            allOfMembers.add(member);
          }
          merge(member, seen, depth + 1);
        }
      }
      if (types.remove("null")) {
        nullable = true;
      }
    }

    Node nullableNode() {
      Node flag = node.get("nullable");
      return flag.exists() ? flag : typeNode != null ? typeNode : node;
    }
  }

  /** One comparison of two resolved schemas. */
  private final class Pair {
    private final Node o;
    private final Node n;
    private final Direction direction;
    private final Findings out;

    Pair(Node o, Node n, Direction direction, Findings out) {
      this.o = o;
      this.n = n;
      this.direction = direction;
      this.out = out;
    }

    void add(SchemaRule rule, String message, Node oldNode, Node newNode) {
      out.add(new Finding(rule, message, oldNode, newNode, List.of()));
    }

    void nested(String token, Node oldChild, Node newChild) {
      for (Finding f : SchemaComparator.this.compare(oldChild, newChild, direction)) {
        out.add(f.under(token));
      }
    }

    void compare() {
      View ov = new View(o);
      View nv = new View(n);
      if (!types(ov, nv)) {
        return; // an incompatible type makes the rest noise
      }
      nullability(ov, nv);
      format();
      enums();
      bounds();
      pattern();
      properties(ov, nv);
      additionalProperties(ov, nv);
      if (o.get("items").exists() && n.get("items").exists()) {
        nested("[*]", o.get("items"), n.get("items"));
      }
      alternatives(
          "oneOf", SchemaRule.ONE_OF_ALTERNATIVE_ADDED, SchemaRule.ONE_OF_ALTERNATIVE_REMOVED);
      alternatives(
          "anyOf", SchemaRule.ANY_OF_ALTERNATIVE_ADDED, SchemaRule.ANY_OF_ALTERNATIVE_REMOVED);
      discriminator();
      dependentRequired();
    }

    /** False when the types are incompatible (and that was reported). */
    private boolean types(View ov, View nv) {
      Set<String> ot = ov.types;
      Set<String> nt = nv.types;
      if (ot.equals(nt)) {
        return true;
      }
      Node oAt = ov.typeNode != null ? ov.typeNode : o;
      Node nAt = nv.typeNode != null ? nv.typeNode : n;
      String was = ot.isEmpty() ? "any type" : String.join("|", ot);
      String now = nt.isEmpty() ? "any type" : String.join("|", nt);
      String msg = "type changed from " + was + " to " + now;
      if (ot.isEmpty() || covers(ot, nt)) {
        add(SchemaRule.TYPE_NARROWED, msg, oAt, nAt);
        return true;
      }
      if (nt.isEmpty() || covers(nt, ot)) {
        add(SchemaRule.TYPE_WIDENED, msg, oAt, nAt);
        return true;
      }
      add(SchemaRule.TYPE_CHANGED, msg, oAt, nAt);
      return false;
    }

    /** Whether every value of the {@code inner} types is one of the {@code outer} types. */
    private static boolean covers(Set<String> outer, Set<String> inner) {
      for (String t : inner) {
        if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
          return false;
        }
      }
      return true;
    }

    private void nullability(View ov, View nv) {
      if (!ov.nullable && nv.nullable) {
        add(SchemaRule.BECAME_NULLABLE, "value became nullable", ov.node, nv.nullableNode());
      } else if (ov.nullable && !nv.nullable) {
        add(
            SchemaRule.BECAME_NON_NULLABLE,
            "value is no longer nullable",
            ov.nullableNode(),
            nv.node);
      }
    }

    private Node at(Node schema, String keyword) {
      Node k = schema.get(keyword);
      return k.exists() ? k : schema;
    }

    private void format() {
      String of = o.text("format");
      String nf = n.text("format");
      if (of == null && nf == null || of != null && of.equals(nf)) {
        return;
      }
      Node oAt = at(o, "format");
      Node nAt = at(n, "format");
      if (of == null) {
        add(SchemaRule.FORMAT_ADDED, "format '" + nf + "' added", oAt, nAt);
      } else if (nf == null) {
        add(SchemaRule.FORMAT_REMOVED, "format '" + of + "' removed", oAt, nAt);
      } else {
        add(
            SchemaRule.FORMAT_CHANGED,
            "format changed from '" + of + "' to '" + nf + "'",
            oAt,
            nAt);
      }
    }

    /** The enum of a schema ({@code const} counts as an enum of one), nulls left out. */
    private Map<JsonNode, Node> enumValues(Node s) {
      Node e = s.get("enum");
      Map<JsonNode, Node> values = new LinkedHashMap<>();
      if (e.json().isArray()) {
        for (int i = 0; i < e.json().size(); i++) {
          if (!e.json().get(i).isNull()) {
            values.putIfAbsent(e.json().get(i), e.get(i));
          }
        }
        return values;
      }
      Node c = s.get("const");
      if (c.exists() && !c.json().isNull()) {
        values.put(c.json(), c);
        return values;
      }
      return null;
    }

    private Node enumNode(Node s) {
      return s.get("enum").exists() ? s.get("enum") : at(s, "const");
    }

    private void enums() {
      Map<JsonNode, Node> ov = enumValues(o);
      Map<JsonNode, Node> nv = enumValues(n);
      if (ov == null && nv == null) {
        return;
      }
      if (ov == null) {
        add(SchemaRule.ENUM_ADDED, "values restricted to " + nv.keySet(), o, enumNode(n));
        return;
      }
      if (nv == null) {
        add(
            SchemaRule.ENUM_REMOVED,
            "enum " + ov.keySet() + " no longer restricts values",
            enumNode(o),
            n);
        return;
      }
      for (Map.Entry<JsonNode, Node> v : nv.entrySet()) {
        if (!ov.containsKey(v.getKey())) {
          add(
              SchemaRule.ENUM_VALUE_ADDED,
              "enum value " + v.getKey() + " added",
              enumNode(o),
              v.getValue());
        }
      }
      for (Map.Entry<JsonNode, Node> v : ov.entrySet()) {
        if (!nv.containsKey(v.getKey())) {
          add(
              SchemaRule.ENUM_VALUE_REMOVED,
              "enum value " + v.getKey() + " removed",
              v.getValue(),
              enumNode(n));
        }
      }
    }

    private void bounds() {
      bound("maxLength", true, SchemaRule.MAX_LENGTH_DECREASED, SchemaRule.MAX_LENGTH_INCREASED);
      bound("minLength", false, SchemaRule.MIN_LENGTH_INCREASED, SchemaRule.MIN_LENGTH_DECREASED);
      bound("maximum", true, SchemaRule.MAX_DECREASED, SchemaRule.MAX_INCREASED);
      bound("exclusiveMaximum", true, SchemaRule.MAX_DECREASED, SchemaRule.MAX_INCREASED);
      bound("minimum", false, SchemaRule.MIN_INCREASED, SchemaRule.MIN_DECREASED);
      bound("exclusiveMinimum", false, SchemaRule.MIN_INCREASED, SchemaRule.MIN_DECREASED);
      bound("maxItems", true, SchemaRule.MAX_ITEMS_DECREASED, SchemaRule.MAX_ITEMS_INCREASED);
      bound("minItems", false, SchemaRule.MIN_ITEMS_INCREASED, SchemaRule.MIN_ITEMS_DECREASED);
      if (!o.flag("uniqueItems") && n.flag("uniqueItems")) {
        add(SchemaRule.UNIQUE_ITEMS_ADDED, "items must now be unique", o, at(n, "uniqueItems"));
      }
      BigDecimal om = number(o, "multipleOf");
      BigDecimal nm = number(n, "multipleOf");
      if (nm != null && (om == null || om.compareTo(nm) != 0)) {
        add(
            SchemaRule.MULTIPLE_OF_CHANGED,
            "multipleOf changed from "
                + (om == null ? "none" : om.toPlainString())
                + " to "
                + nm.toPlainString(),
            at(o, "multipleOf"),
            at(n, "multipleOf"));
      }
      JsonNode od = o.json().get("default");
      JsonNode nd = n.json().get("default");
      if (od != null && nd != null && !od.equals(nd)) {
        add(
            SchemaRule.DEFAULT_CHANGED,
            "default changed from " + od + " to " + nd,
            o.get("default"),
            n.get("default"));
      }
    }

    private BigDecimal number(Node s, String keyword) {
      JsonNode v = s.json().get(keyword);
      return v != null && v.isNumber() ? v.decimalValue() : null;
    }

    private void bound(String keyword, boolean upper, SchemaRule tighter, SchemaRule looser) {
      BigDecimal ov = number(o, keyword);
      BigDecimal nv = number(n, keyword);
      if (ov == null && nv == null || ov != null && nv != null && ov.compareTo(nv) == 0) {
        return;
      }
      String msg =
          keyword
              + " changed from "
              + (ov == null ? "none" : ov.toPlainString())
              + " to "
              + (nv == null ? "none" : nv.toPlainString());
      boolean tightened;
      if (ov == null) {
        tightened = true;
      } else if (nv == null) {
        tightened = false;
      } else {
        tightened = upper ? nv.compareTo(ov) < 0 : nv.compareTo(ov) > 0;
      }
      add(tightened ? tighter : looser, msg, at(o, keyword), at(n, keyword));
    }

    private void pattern() {
      String op = o.text("pattern");
      String np = n.text("pattern");
      if (op == null && np == null || op != null && op.equals(np)) {
        return;
      }
      if (op == null) {
        add(SchemaRule.PATTERN_ADDED, "pattern '" + np + "' added", o, at(n, "pattern"));
      } else if (np == null) {
        add(SchemaRule.PATTERN_REMOVED, "pattern '" + op + "' removed", at(o, "pattern"), n);
      } else {
        add(
            SchemaRule.PATTERN_CHANGED,
            "pattern changed from '" + op + "' to '" + np + "'",
            at(o, "pattern"),
            at(n, "pattern"));
      }
    }

    private void properties(View ov, View nv) {
      Node newProps = at(n, "properties");
      for (Map.Entry<String, Node> p : ov.properties.entrySet()) {
        String name = p.getKey();
        Node np = nv.properties.get(name);
        if (np == null) {
          out.add(
              new Finding(
                  SchemaRule.PROPERTY_REMOVED,
                  "property '" + name + "' removed",
                  p.getValue(),
                  newProps,
                  List.of(name)));
          continue;
        }
        if (!ov.required.containsKey(name) && nv.required.containsKey(name)) {
          out.add(
              new Finding(
                  SchemaRule.PROPERTY_BECAME_REQUIRED,
                  "property '" + name + "' became required",
                  p.getValue(),
                  nv.required.get(name),
                  List.of(name)));
        } else if (ov.required.containsKey(name) && !nv.required.containsKey(name)) {
          out.add(
              new Finding(
                  SchemaRule.PROPERTY_BECAME_OPTIONAL,
                  "property '" + name + "' became optional",
                  ov.required.get(name),
                  np,
                  List.of(name)));
        }
        nested(name, p.getValue(), np);
      }
      Node oldProps = at(o, "properties");
      for (Map.Entry<String, Node> p : nv.properties.entrySet()) {
        String name = p.getKey();
        if (ov.properties.containsKey(name)) {
          continue;
        }
        boolean required = nv.required.containsKey(name);
        out.add(
            new Finding(
                required ? SchemaRule.PROPERTY_REQUIRED_ADDED : SchemaRule.PROPERTY_ADDED,
                (required ? "required property '" : "optional property '") + name + "' added",
                oldProps,
                p.getValue(),
                List.of(name)));
      }
    }

    private void additionalProperties(View ov, View nv) {
      boolean oClosed = ov.additionalProperties != null && isFalse(ov.additionalProperties);
      boolean nClosed = nv.additionalProperties != null && isFalse(nv.additionalProperties);
      if (!oClosed && nClosed) {
        add(
            SchemaRule.ADDITIONAL_PROPERTIES_CLOSED,
            "additionalProperties became false",
            ov.additionalProperties != null ? ov.additionalProperties : o,
            nv.additionalProperties);
      } else if (oClosed && !nClosed) {
        add(
            SchemaRule.ADDITIONAL_PROPERTIES_OPENED,
            "additionalProperties are now allowed",
            ov.additionalProperties,
            nv.additionalProperties != null ? nv.additionalProperties : n);
      } else if (ov.additionalProperties != null
          && nv.additionalProperties != null
          && ov.additionalProperties.isObject()
          && nv.additionalProperties.isObject()) {
        nested("*", ov.additionalProperties, nv.additionalProperties);
      }
    }

    private boolean isFalse(Node node) {
      return node.json().isBoolean() && !node.json().asBoolean();
    }

    private void alternatives(String keyword, SchemaRule added, SchemaRule removed) {
      Node oa = o.get(keyword);
      Node na = n.get(keyword);
      boolean oHas = oa.json().isArray();
      boolean nHas = na.json().isArray();
      if (!oHas && !nHas) {
        return;
      }
      if (oHas != nHas) {
        add(
            SchemaRule.COMPOSITION_CHANGED,
            oHas ? keyword + " composition removed" : "schema became a " + keyword + " composition",
            at(o, keyword),
            at(n, keyword));
        return;
      }
      List<Node> oldAlts = new ArrayList<>();
      List<Node> newAlts = new ArrayList<>();
      oa.json().forEach(x -> oldAlts.add(oa.get(oldAlts.size())));
      na.json().forEach(x -> newAlts.add(na.get(newAlts.size())));
      List<Node[]> pairs = new ArrayList<>();
      // 1. same $ref name, 2. same resolved shape, 3. what is left, in order, when counts agree
      matchBy(
          oldAlts,
          newAlts,
          pairs,
          (a, b) -> {
            var an = RefResolver.refName(a);
            return an.isPresent() && an.equals(RefResolver.refName(b));
          });
      matchBy(
          oldAlts,
          newAlts,
          pairs,
          (a, b) -> resolver.resolve(a).json().equals(resolver.resolve(b).json()));
      if (oldAlts.size() == newAlts.size()) {
        for (int i = 0; i < oldAlts.size(); i++) {
          pairs.add(new Node[] {oldAlts.get(i), newAlts.get(i)});
        }
        oldAlts.clear();
        newAlts.clear();
      }
      for (Node alt : oldAlts) {
        add(removed, keyword + " alternative " + describe(alt) + " removed", alt, na);
      }
      for (Node alt : newAlts) {
        add(added, keyword + " alternative " + describe(alt) + " added", oa, alt);
      }
      for (Node[] p : pairs) {
        for (Finding f : SchemaComparator.this.compare(p[0], p[1], direction)) {
          out.add(f);
        }
      }
    }

    private String describe(Node alt) {
      return RefResolver.refName(alt)
          .map(name -> "'" + name + "'")
          .orElseGet(() -> "#" + alt.pointer().lastToken());
    }

    private void matchBy(
        List<Node> olds,
        List<Node> news,
        List<Node[]> pairs,
        java.util.function.BiPredicate<Node, Node> same) {
      for (var it = olds.iterator(); it.hasNext(); ) {
        Node a = it.next();
        for (var jt = news.iterator(); jt.hasNext(); ) {
          Node b = jt.next();
          if (same.test(a, b)) {
            pairs.add(new Node[] {a, b});
            it.remove();
            jt.remove();
            break;
          }
        }
      }
    }

    private void discriminator() {
      String od = o.get("discriminator").text("propertyName");
      String nd = n.get("discriminator").text("propertyName");
      if (od != null && nd != null && !od.equals(nd)) {
        add(
            SchemaRule.DISCRIMINATOR_CHANGED,
            "discriminator changed from '" + od + "' to '" + nd + "'",
            o.get("discriminator").get("propertyName"),
            n.get("discriminator").get("propertyName"));
      }
    }

    private void dependentRequired() {
      Node nd = n.get("dependentRequired");
      if (!nd.isObject()) {
        return;
      }
      Node od = o.get("dependentRequired");
      for (var it = nd.json().fieldNames(); it.hasNext(); ) {
        String property = it.next();
        Set<String> before = new HashSet<>();
        od.get(property).json().forEach(v -> before.add(v.asText()));
        Node now = nd.get(property);
        for (int i = 0; i < now.json().size(); i++) {
          String name = now.json().get(i).asText();
          if (!before.contains(name)) {
            out.add(
                new Finding(
                    SchemaRule.DEPENDENT_REQUIRED_ADDED,
                    "'" + name + "' is now required when '" + property + "' is present",
                    at(o, "dependentRequired"),
                    now.get(i),
                    List.of()));
          }
        }
      }
    }
  }
}
