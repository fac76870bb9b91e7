package dev.interlock.diff.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Compares who may call an operation (its effective security requirements: alternatives and their
 * scopes) and how the security schemes they name work (type, location, HTTP scheme, bearer format,
 * OAuth 2 flows and their URLs).
 */
final class SecurityComparator {

  private static final List<String> SCHEME_FIELDS =
      List.of("type", "in", "name", "scheme", "bearerFormat", "openIdConnectUrl");
  private static final List<String> FLOW_URLS =
      List.of("authorizationUrl", "tokenUrl", "refreshUrl");

  private final RefResolver resolver;
  private final ChangeSink sink;

  SecurityComparator(RefResolver resolver, ChangeSink sink) {
    this.resolver = resolver;
    this.sink = sink;
  }

  /** One way to authenticate: scheme name to scopes. No schemes means anonymous. */
  private record Alternative(Map<String, Set<String>> schemes, Node node) {
    String key() {
      return String.join("+", new TreeSet<>(schemes.keySet()));
    }
  }

  private static List<Alternative> alternatives(Node security) {
    List<Alternative> out = new ArrayList<>();
    if (!security.json().isArray()) {
      return out;
    }
    for (int i = 0; i < security.json().size(); i++) {
      Node alt = security.get(i);
      Map<String, Set<String>> schemes = new LinkedHashMap<>();
      if (alt.isObject()) {
        for (var it = alt.json().fields(); it.hasNext(); ) {
          var f = it.next();
          Set<String> scopes = new TreeSet<>();
          f.getValue().forEach(s -> scopes.add(s.asText()));
          schemes.put(f.getKey(), scopes);
        }
      }
      out.add(new Alternative(schemes, alt));
    }
    return out;
  }

  private static Node effective(Op op, Node root) {
    return op.operation().get("security").exists()
        ? op.operation().get("security")
        : root.get("security");
  }

  void requirements(Op o, Op n, Node oldRoot, Node newRoot) {
    String sig = o.signature();
    Node os = effective(o, oldRoot);
    Node ns = effective(n, newRoot);
    List<Alternative> oldAlts = alternatives(os);
    List<Alternative> newAlts = alternatives(ns);
    boolean oldOpen = oldAlts.isEmpty() || oldAlts.stream().anyMatch(a -> a.schemes().isEmpty());
    boolean newOpen = newAlts.isEmpty() || newAlts.stream().anyMatch(a -> a.schemes().isEmpty());
    Node oAt = os.exists() ? os : o.operation();
    Node nAt = ns.exists() ? ns : n.operation();
    if (oldOpen && !newOpen) {
      sink.add(
          Rules.SECURITY_REQUIREMENT_ADDED,
          sig
              + ": now requires authentication ("
              + newAlts.stream().map(Alternative::key).toList()
              + ")",
          oAt,
          nAt,
          sig,
          null);
      return;
    }
    if (newOpen) {
      if (!oldOpen) {
        sink.add(
            Rules.SECURITY_REMOVED,
            sig + ": no longer requires authentication",
            oAt,
            nAt,
            sig,
            null);
      }
      return;
    }
    Map<String, Alternative> newByKey = new LinkedHashMap<>();
    newAlts.forEach(a -> newByKey.putIfAbsent(a.key(), a));
    Set<String> oldKeys = new LinkedHashSet<>();
    for (Alternative a : oldAlts) {
      oldKeys.add(a.key());
      Alternative b = newByKey.get(a.key());
      if (b == null) {
        sink.add(
            Rules.SECURITY_ALTERNATIVE_REMOVED,
            sig + ": authentication with " + a.key() + " is no longer accepted",
            a.node(),
            nAt,
            sig,
            null);
      } else {
        scopes(a, b, sig);
      }
    }
    for (Alternative b : newAlts) {
      if (!oldKeys.contains(b.key())) {
        sink.add(
            Rules.SECURITY_ALTERNATIVE_ADDED,
            sig + ": authentication with " + b.key() + " added",
            oAt,
            b.node(),
            sig,
            null);
      }
    }
  }

  private void scopes(Alternative a, Alternative b, String sig) {
    for (Map.Entry<String, Set<String>> s : b.schemes().entrySet()) {
      Set<String> before = a.schemes().getOrDefault(s.getKey(), Set.of());
      Set<String> added = new TreeSet<>(s.getValue());
      added.removeAll(before);
      Set<String> removed = new TreeSet<>(before);
      removed.removeAll(s.getValue());
      if (!added.isEmpty()) {
        sink.add(
            Rules.SECURITY_SCOPE_ADDED,
            sig + ": " + s.getKey() + " now also needs scopes " + added,
            a.node().get(s.getKey()),
            b.node().get(s.getKey()),
            sig,
            null);
      }
      if (!removed.isEmpty()) {
        sink.add(
            Rules.SECURITY_SCOPE_REMOVED,
            sig + ": " + s.getKey() + " no longer needs scopes " + removed,
            a.node().get(s.getKey()),
            b.node().get(s.getKey()),
            sig,
            null);
      }
    }
  }

  /** Schemes present in both documents; a scheme gone is reported by the requirements naming it. */
  void schemes(Node oldRoot, Node newRoot) {
    Node oldSchemes = oldRoot.get("components").get("securitySchemes");
    Node newSchemes = newRoot.get("components").get("securitySchemes");
    if (!oldSchemes.isObject() || !newSchemes.isObject()) {
      return;
    }
    for (var it = oldSchemes.json().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      Node o = resolver.resolve(oldSchemes.get(name));
      Node n = resolver.resolve(newSchemes.get(name));
      if (n.exists() && !schemeFieldChanged(name, o, n)) {
        flows(name, o.get("flows"), n);
      }
    }
  }

  private boolean schemeFieldChanged(String name, Node o, Node n) {
    for (String field : SCHEME_FIELDS) {
      String before = o.text(field);
      String after = n.text(field);
      // HTTP auth scheme names are case-insensitive (RFC 9110 section 11.1).
      boolean caseless = field.equals("scheme") || field.equals("bearerFormat");
      if (!Objects.equals(lower(before, caseless), lower(after, caseless))) {
        sink.add(
            Rules.SECURITY_SCHEME_CHANGED,
            "security scheme '" + name + "': " + field + " changed from " + before + " to " + after,
            Nodes.at(o, field),
            Nodes.at(n, field),
            null,
            null);
        return true;
      }
    }
    return false;
  }

  private static String lower(String s, boolean caseless) {
    return caseless && s != null ? s.toLowerCase(Locale.ROOT) : s;
  }

  private void flows(String name, Node oldFlows, Node newScheme) {
    Node newFlows = newScheme.get("flows");
    if (!oldFlows.isObject()) {
      return;
    }
    for (var it = oldFlows.json().fieldNames(); it.hasNext(); ) {
      String flow = it.next();
      Node of = oldFlows.get(flow);
      Node nf = newFlows.get(flow);
      if (!nf.exists()) {
        sink.add(
            Rules.SECURITY_FLOW_REMOVED,
            "security scheme '" + name + "': OAuth 2 flow " + flow + " removed",
            of,
            Nodes.at(newScheme, "flows"),
            null,
            null);
        continue;
      }
      for (String url : FLOW_URLS) {
        String before = of.text(url);
        String after = nf.text(url);
        if (before != null && !before.equals(after)) {
          sink.add(
              Rules.SECURITY_FLOW_URL_CHANGED,
              "security scheme '"
                  + name
                  + "': "
                  + flow
                  + " "
                  + url
                  + " changed from "
                  + before
                  + " to "
                  + after,
              of.get(url),
              Nodes.at(nf, url),
              null,
              null);
        }
      }
    }
  }
}
