package dev.interlock.diff.internal;

import dev.interlock.diff.Rule;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Compares the parameters of two versions of an operation, matched by location and name (path
 * parameters by their position in the template, header names case-insensitively): added, removed,
 * moved, required, serialization, empty and reserved values, deprecation; their schemas go to the
 * {@link SchemaComparator}.
 */
final class ParameterComparator {

  static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]*}");

  private final RefResolver resolver;
  private final SchemaComparator schemas;
  private final ChangeSink sink;
  private final LocalDate today;

  ParameterComparator(
      RefResolver resolver, SchemaComparator schemas, ChangeSink sink, LocalDate today) {
    this.resolver = resolver;
    this.schemas = schemas;
    this.sink = sink;
    this.today = today;
  }

  private record Param(String in, String name, Node node) {
    String key() {
      return in.equals("header") ? "header:" + name.toLowerCase(Locale.ROOT) : in + ":" + name;
    }

    String part() {
      return "request." + in + "." + name;
    }
  }

  void compare(Op o, Op n, Perspective p) {
    String sig = o.signature();
    Map<String, Param> oldParams = parameters(o);
    Map<String, Param> newParams = parameters(n);
    Set<String> moved = new LinkedHashSet<>();
    for (Map.Entry<String, Param> e : oldParams.entrySet()) {
      Param op = e.getValue();
      Param np = newParams.get(e.getKey());
      if (np != null) {
        compareParameter(op, np, sig, p);
        continue;
      }
      Param elsewhere =
          newParams.values().stream()
              .filter(x -> x.name().equalsIgnoreCase(op.name()) && !x.in().equals(op.in()))
              .filter(x -> !oldParams.containsKey(x.key()))
              .findFirst()
              .orElse(null);
      if (elsewhere != null) {
        moved.add(elsewhere.key());
        sink.add(
            p.rule(Rules.PARAMETER_LOCATION_CHANGED),
            sig + ": parameter '" + op.name() + "' moved from " + op.in() + " to " + elsewhere.in(),
            op.node().get("in"),
            elsewhere.node().get("in"),
            sig,
            op.part());
        continue;
      }
      boolean deprecated = op.node().flag("deprecated");
      Node sunsetNode = op.node().get("x-sunset");
      LocalDate sunset =
          sunsetNode.exists() ? DeprecationPolicy.date(sunsetNode.json().asText().trim()) : null;
      boolean early = deprecated && sunset != null && today.isBefore(sunset);
      sink.add(
          p.rule(
              deprecated && !early ? Rules.PARAMETER_REMOVED_DEPRECATED : Rules.PARAMETER_REMOVED),
          sig
              + ": "
              + (deprecated ? "deprecated " : "")
              + op.in()
              + " parameter '"
              + op.name()
              + "' removed"
              + (early ? " before its sunset date " + sunset : ""),
          op.node(),
          anchor(n),
          sig,
          op.part());
    }
    for (Map.Entry<String, Param> e : newParams.entrySet()) {
      if (oldParams.containsKey(e.getKey()) || moved.contains(e.getKey())) {
        continue;
      }
      Param np = e.getValue();
      boolean required = np.node().flag("required") || np.in().equals("path");
      sink.add(
          p.rule(required ? Rules.PARAMETER_REQUIRED_ADDED : Rules.PARAMETER_ADDED),
          sig
              + ": "
              + (required ? "required " : "optional ")
              + np.in()
              + " parameter '"
              + np.name()
              + "' added",
          anchor(o),
          np.node(),
          sig,
          np.part());
    }
  }

  private static Node anchor(Op op) {
    return op.operation().get("parameters").exists()
        ? op.operation().get("parameters")
        : op.operation();
  }

  /** Path-item parameters overridden by the operation's own, keyed by {@link Param#key()}. */
  private Map<String, Param> parameters(Op op) {
    Map<String, Param> params = new LinkedHashMap<>();
    List<String> pathVariables = new ArrayList<>();
    Matcher m = TEMPLATE_VARIABLE.matcher(op.path());
    while (m.find()) {
      String v = m.group();
      pathVariables.add(v.substring(1, v.length() - 1));
    }
    for (Node list : List.of(op.pathItem().get("parameters"), op.operation().get("parameters"))) {
      if (!list.json().isArray()) {
        continue;
      }
      for (int i = 0; i < list.json().size(); i++) {
        Node node = resolver.resolve(list.get(i));
        String in = node.text("in");
        String name = node.text("name");
        if (in == null || name == null) {
          continue;
        }
        Param param = new Param(in, name, node);
        // Renaming {id} to {chargeId} is no change: path parameters are keyed by position.
        String key =
            in.equals("path") && pathVariables.contains(name)
                ? "path:#" + pathVariables.indexOf(name)
                : param.key();
        params.put(key, param);
      }
    }
    return params;
  }

  private void compareParameter(Param op, Param np, String sig, Perspective p) {
    String what = sig + ": " + np.in() + " parameter '" + np.name() + "'";
    boolean oldRequired = op.node().flag("required") || op.in().equals("path");
    boolean newRequired = np.node().flag("required") || np.in().equals("path");
    if (!oldRequired && newRequired) {
      add(
          p,
          Rules.PARAMETER_BECAME_REQUIRED,
          what + " became required",
          op.node(),
          Nodes.at(np.node(), "required"),
          sig,
          op);
    } else if (oldRequired && !newRequired) {
      add(
          p,
          Rules.PARAMETER_BECAME_OPTIONAL,
          what + " became optional",
          Nodes.at(op.node(), "required"),
          np.node(),
          sig,
          op);
    }
    if (!op.node().flag("deprecated") && np.node().flag("deprecated")) {
      add(
          p,
          Rules.PARAMETER_DEPRECATED,
          what + " deprecated",
          op.node(),
          np.node().get("deprecated"),
          sig,
          op);
    }
    flag(
        op,
        np,
        "allowEmptyValue",
        Rules.PARAMETER_EMPTY_VALUE_PROHIBITED,
        Rules.PARAMETER_EMPTY_VALUE_ALLOWED,
        what,
        sig,
        p);
    flag(
        op,
        np,
        "allowReserved",
        Rules.PARAMETER_RESERVED_PROHIBITED,
        Rules.PARAMETER_RESERVED_ALLOWED,
        what,
        sig,
        p);
    String oldMedia = Serialization.contentType(op.node());
    String newMedia = Serialization.contentType(np.node());
    if (!oldMedia.equals(newMedia)) {
      add(
          p,
          Rules.PARAMETER_STYLE_CHANGED,
          what + " serialization changed from " + oldMedia + " to " + newMedia,
          Nodes.at(op.node(), op.node().get("content").exists() ? "content" : "schema"),
          Nodes.at(np.node(), np.node().get("content").exists() ? "content" : "schema"),
          sig,
          op);
    }
    String oldStyle = Serialization.style(op.node(), op.in());
    String newStyle = Serialization.style(np.node(), np.in());
    boolean oldExplode = Serialization.explode(op.node(), oldStyle);
    boolean newExplode = Serialization.explode(np.node(), newStyle);
    if (!oldStyle.equals(newStyle) || oldExplode != newExplode) {
      add(
          p,
          Rules.PARAMETER_STYLE_CHANGED,
          what
              + " serialization changed from "
              + oldStyle
              + (oldExplode ? "/explode" : "")
              + " to "
              + newStyle
              + (newExplode ? "/explode" : ""),
          Nodes.at(op.node(), oldStyle.equals(newStyle) ? "explode" : "style"),
          Nodes.at(np.node(), oldStyle.equals(newStyle) ? "explode" : "style"),
          sig,
          op);
    }
    Node os = Nodes.schemaOf(op.node());
    Node ns = Nodes.schemaOf(np.node());
    if (oldStyle.equals(newStyle)
        && Serialization.readsOneValueAsList(newStyle)
        && Serialization.generalizedToArray(resolver.resolve(os), resolver.resolve(ns))) {
      // One value is written as a one-element list in this style, so what callers sent still
      // parses: compare what they sent with the items the list now takes.
      add(
          p,
          Rules.PARAMETER_GENERALIZED_TO_ARRAY,
          what + " now also takes a list of values",
          os,
          ns,
          sig,
          op);
      ns = resolver.resolve(ns).get("items");
    }
    sink.addSchemaFindings(
        schemas.compare(os, ns, p.requestParameter().direction()),
        p.requestParameter(),
        what,
        sig,
        op.part());
  }

  private void flag(
      Param op,
      Param np,
      String field,
      Rule withdrawn,
      Rule granted,
      String what,
      String sig,
      Perspective p) {
    boolean before = op.node().flag(field);
    boolean after = np.node().flag(field);
    if (before && !after) {
      add(
          p,
          withdrawn,
          what + ": " + field + " withdrawn",
          op.node().get(field),
          Nodes.at(np.node(), field),
          sig,
          op);
    } else if (!before && after) {
      add(
          p,
          granted,
          what + ": " + field + " granted",
          Nodes.at(op.node(), field),
          np.node().get(field),
          sig,
          op);
    }
  }

  private void add(
      Perspective p,
      Rule rule,
      String message,
      Node oldNode,
      Node newNode,
      String sig,
      Param param) {
    sink.add(p.rule(rule), message, oldNode, newNode, sig, param.part());
  }
}
