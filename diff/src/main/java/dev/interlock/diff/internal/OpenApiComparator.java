package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.diff.Change;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks two OpenAPI documents in parallel over their raw trees (so every change has a position in
 * both files), matching operations by method and normalized path template, parameters by location
 * and name, responses by status, media types by name and properties by name.
 */
public final class OpenApiComparator {

  private static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern TEMPLATE_VARIABLE = Pattern.compile("\\{[^}/]*}");
  private static final Pattern VERSION_SEGMENT = Pattern.compile("^(/v\\d+)(?=/|$)");

  private final RefResolver resolver = new RefResolver();
  private final SchemaComparator schemas = new SchemaComparator(resolver);
  private final ChangeSink sink = new ChangeSink();
  private final LocalDate today;

  public OpenApiComparator(LocalDate today) {
    this.today = today;
  }

  private record Op(String method, String path, Node pathItem, Node operation) {
    String signature() {
      return method.toUpperCase(Locale.ROOT) + " " + path;
    }
  }

  public List<Change> compare(OpenApiContract oldContract, OpenApiContract newContract) {
    Node oldRoot = Node.root(oldContract.source());
    Node newRoot = Node.root(newContract.source());
    String oldPrefix = versionPrefix(oldRoot);
    String newPrefix = versionPrefix(newRoot);
    if (!oldPrefix.equals(newPrefix)) {
      sink.add(
          Rules.BASE_PATH_CHANGED,
          "versioned path prefix changed from '"
              + oldPrefix
              + "' to '"
              + newPrefix
              + "'; operations are compared without it",
          oldRoot.get("paths"),
          newRoot.get("paths"),
          null,
          null);
    }
    Map<String, Op> oldOps = operations(oldRoot, oldPrefix);
    Map<String, Op> newOps = operations(newRoot, newPrefix);
    for (Map.Entry<String, Op> e : oldOps.entrySet()) {
      Op o = e.getValue();
      Op n = newOps.get(e.getKey());
      if (n == null) {
        removed(o, newRoot);
      } else {
        compareOperation(o, n, oldRoot, newRoot);
      }
    }
    for (Map.Entry<String, Op> e : newOps.entrySet()) {
      if (!oldOps.containsKey(e.getKey())) {
        Op n = e.getValue();
        Node oldPath = oldRoot.get("paths");
        sink.add(
            Rules.OPERATION_ADDED,
            n.signature() + " added",
            oldPath,
            n.operation(),
            n.signature(),
            null);
      }
    }
    securitySchemes(oldRoot, newRoot);
    String oldVersion = oldRoot.get("info").text("version");
    String newVersion = newRoot.get("info").text("version");
    if (sink.hasBreaking() && oldVersion != null && oldVersion.equals(newVersion)) {
      sink.add(
          Rules.VERSION_NOT_BUMPED,
          "info.version is still '" + newVersion + "' although there are breaking changes",
          oldRoot.get("info").get("version"),
          newRoot.get("info").get("version"),
          null,
          null);
    }
    return sink.changes();
  }

  /** The version prefix of every path: x-api-version's path, else a leading /vN common to all. */
  static String versionPrefix(Node root) {
    Node declared = root.get("x-api-version");
    String path = declared.text("path");
    if (path != null && !path.isBlank()) {
      String p = path.startsWith("/") ? path : "/" + path;
      return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }
    Node paths = root.get("paths");
    if (!paths.isObject() || paths.json().isEmpty()) {
      return "";
    }
    String common = null;
    for (var it = paths.json().fieldNames(); it.hasNext(); ) {
      Matcher m = VERSION_SEGMENT.matcher(it.next());
      if (!m.find()) {
        return "";
      }
      if (common == null) {
        common = m.group(1);
      } else if (!common.equals(m.group(1))) {
        return "";
      }
    }
    return common == null ? "" : common;
  }

  /** {@code /charges/{id}/} without prefix → {@code /charges/{}}. */
  static String normalizePath(String path, String prefix) {
    String p = path;
    if (!prefix.isEmpty() && (p.equals(prefix) || p.startsWith(prefix + "/"))) {
      p = p.substring(prefix.length());
    }
    p = TEMPLATE_VARIABLE.matcher(p).replaceAll("{}");
    if (p.length() > 1 && p.endsWith("/")) {
      p = p.substring(0, p.length() - 1);
    }
    return p.isEmpty() ? "/" : p;
  }

  private Map<String, Op> operations(Node root, String prefix) {
    Map<String, Op> ops = new LinkedHashMap<>();
    Node paths = root.get("paths");
    if (!paths.isObject()) {
      return ops;
    }
    for (var it = paths.json().fieldNames(); it.hasNext(); ) {
      String path = it.next();
      Node item = resolver.resolve(paths.get(path));
      for (String method : METHODS) {
        Node op = item.get(method);
        if (op.isObject()) {
          ops.putIfAbsent(
              method.toUpperCase(Locale.ROOT) + " " + normalizePath(path, prefix),
              new Op(method, path, item, op));
        }
      }
    }
    return ops;
  }

  private void removed(Op o, Node newRoot) {
    Node newPaths = newRoot.get("paths");
    Node sunsetNode = o.operation().get("x-sunset");
    LocalDate sunset = date(sunsetNode.exists() ? sunsetNode : o.pathItem().get("x-sunset"));
    if (o.operation().flag("deprecated") && sunset != null && sunset.isBefore(today)) {
      sink.add(
          Rules.OPERATION_REMOVED_AFTER_SUNSET,
          o.signature() + " removed after its sunset date " + sunset,
          o.operation(),
          newPaths,
          o.signature(),
          null);
    } else {
      String why =
          o.operation().flag("deprecated")
              ? " (it was deprecated"
                  + (sunset == null ? " without a sunset date)" : ", sunset " + sunset + ")")
              : "";
      sink.add(
          Rules.OPERATION_REMOVED,
          o.signature() + " removed" + why,
          o.operation(),
          newPaths,
          o.signature(),
          null);
    }
  }

  private static LocalDate date(Node node) {
    if (!node.exists()) {
      return null;
    }
    try {
      return LocalDate.parse(node.json().asText().trim());
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  private void compareOperation(Op o, Op n, Node oldRoot, Node newRoot) {
    String sig = o.signature();
    sink.newOperation(n.signature());
    if (!o.operation().flag("deprecated") && n.operation().flag("deprecated")) {
      boolean hasSunset =
          n.operation().get("x-sunset").exists() || n.pathItem().get("x-sunset").exists();
      sink.add(
          hasSunset ? Rules.OPERATION_DEPRECATED : Rules.OPERATION_DEPRECATED_WITHOUT_SUNSET,
          hasSunset ? sig + " deprecated" : sig + " deprecated without an x-sunset date",
          o.operation(),
          n.operation().get("deprecated"),
          sig,
          null);
    }
    String oldId = o.operation().text("operationId");
    String newId = n.operation().text("operationId");
    if (oldId != null && newId != null && !oldId.equals(newId)) {
      sink.add(
          Rules.OPERATION_ID_CHANGED,
          sig + ": operationId changed from '" + oldId + "' to '" + newId + "'",
          o.operation().get("operationId"),
          n.operation().get("operationId"),
          sig,
          null);
    }
    parameters(o, n, sig);
    requestBody(o, n, sig);
    responses(o, n, sig);
    security(o, n, oldRoot, newRoot, sig);
    sink.newOperation(null);
  }

  // ---------------------------------------------------------------- parameters

  private record Param(String in, String name, Node node) {}

  /** Path parameters are keyed by position in the template, so renaming {id} is no change. */
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
        Node p = resolver.resolve(list.get(i));
        String in = p.text("in");
        String name = p.text("name");
        if (in == null || name == null) {
          continue;
        }
        String key;
        if (in.equals("path") && pathVariables.contains(name)) {
          key = "path:#" + pathVariables.indexOf(name);
        } else if (in.equals("header")) {
          key = "header:" + name.toLowerCase(Locale.ROOT);
        } else {
          key = in + ":" + name;
        }
        params.put(key, new Param(in, name, p));
      }
    }
    return params;
  }

  private void parameters(Op o, Op n, String sig) {
    Map<String, Param> oldParams = parameters(o);
    Map<String, Param> newParams = parameters(n);
    Set<String> moved = new LinkedHashSet<>();
    for (Map.Entry<String, Param> e : oldParams.entrySet()) {
      Param op = e.getValue();
      Param np = newParams.get(e.getKey());
      if (np != null) {
        compareParameter(op, np, sig);
        continue;
      }
      Param elsewhere =
          newParams.values().stream()
              .filter(p -> p.name().equalsIgnoreCase(op.name()) && !p.in().equals(op.in()))
              .filter(p -> !oldParams.containsKey(keyOf(p)))
              .findFirst()
              .orElse(null);
      if (elsewhere != null) {
        moved.add(keyOf(elsewhere));
        sink.add(
            Rules.PARAMETER_LOCATION_CHANGED,
            sig + ": parameter '" + op.name() + "' moved from " + op.in() + " to " + elsewhere.in(),
            op.node().get("in"),
            elsewhere.node().get("in"),
            sig,
            part(op));
      } else {
        sink.add(
            Rules.PARAMETER_REMOVED,
            sig + ": " + op.in() + " parameter '" + op.name() + "' removed",
            op.node(),
            n.operation().get("parameters").exists()
                ? n.operation().get("parameters")
                : n.operation(),
            sig,
            part(op));
      }
    }
    for (Map.Entry<String, Param> e : newParams.entrySet()) {
      if (oldParams.containsKey(e.getKey()) || moved.contains(e.getKey())) {
        continue;
      }
      Param np = e.getValue();
      boolean required = np.node().flag("required");
      sink.add(
          required ? Rules.PARAMETER_REQUIRED_ADDED : Rules.PARAMETER_ADDED,
          sig
              + ": "
              + (required ? "required " : "optional ")
              + np.in()
              + " parameter '"
              + np.name()
              + "' added",
          o.operation().get("parameters").exists()
              ? o.operation().get("parameters")
              : o.operation(),
          np.node(),
          sig,
          part(np));
    }
  }

  private String keyOf(Param p) {
    return p.in().equals("header")
        ? "header:" + p.name().toLowerCase(Locale.ROOT)
        : p.in() + ":" + p.name();
  }

  private static String part(Param p) {
    return "request." + p.in() + "." + p.name();
  }

  private void compareParameter(Param op, Param np, String sig) {
    String what = sig + ": " + np.in() + " parameter '" + np.name() + "'";
    boolean oldRequired = op.node().flag("required") || op.in().equals("path");
    boolean newRequired = np.node().flag("required") || np.in().equals("path");
    if (!oldRequired && newRequired) {
      sink.add(
          Rules.PARAMETER_BECAME_REQUIRED,
          what + " became required",
          op.node(),
          at(np.node(), "required"),
          sig,
          part(op));
    } else if (oldRequired && !newRequired) {
      sink.add(
          Rules.PARAMETER_BECAME_OPTIONAL,
          what + " became optional",
          at(op.node(), "required"),
          np.node(),
          sig,
          part(op));
    }
    String oldStyle = style(op);
    String newStyle = style(np);
    boolean oldExplode = explode(op, oldStyle);
    boolean newExplode = explode(np, newStyle);
    if (!oldStyle.equals(newStyle) || oldExplode != newExplode) {
      sink.add(
          Rules.PARAMETER_STYLE_CHANGED,
          what
              + " serialization changed from "
              + oldStyle
              + (oldExplode ? "/explode" : "")
              + " to "
              + newStyle
              + (newExplode ? "/explode" : ""),
          at(op.node(), "style"),
          at(np.node(), "style"),
          sig,
          part(op));
    }
    schemas(op.node(), np.node(), Rules.REQUEST_PARAMETER, what, sig, part(op));
  }

  private static Node at(Node node, String field) {
    return node.get(field).exists() ? node.get(field) : node;
  }

  private static String style(Param p) {
    String s = p.node().text("style");
    if (s != null) {
      return s;
    }
    return p.in().equals("query") || p.in().equals("cookie") ? "form" : "simple";
  }

  private static boolean explode(Param p, String style) {
    JsonNode e = p.node().json().get("explode");
    return e != null && e.isBoolean() ? e.asBoolean() : style.equals("form");
  }

  /** Compares the schema of a parameter or header ({@code schema}, or {@code content.*.schema}). */
  private void schemas(
      Node oldHolder,
      Node newHolder,
      Rules.SchemaPrefix prefix,
      String subject,
      String sig,
      String part) {
    Node os = schemaOf(oldHolder);
    Node ns = schemaOf(newHolder);
    sink.addSchemaFindings(schemas.compare(os, ns, prefix.direction()), prefix, subject, sig, part);
  }

  private static Node schemaOf(Node holder) {
    if (holder.get("schema").exists()) {
      return holder.get("schema");
    }
    Node content = holder.get("content");
    if (content.isObject() && content.json().size() > 0) {
      return content.get(content.json().fieldNames().next()).get("schema");
    }
    return holder.get("schema");
  }

  // ---------------------------------------------------------------- bodies

  private void requestBody(Op o, Op n, String sig) {
    Node ob = resolver.resolve(o.operation().get("requestBody"));
    Node nb = resolver.resolve(n.operation().get("requestBody"));
    if (!ob.exists() && !nb.exists()) {
      return;
    }
    if (!ob.exists()) {
      boolean required = nb.flag("required");
      sink.add(
          required ? Rules.BODY_REQUIRED_ADDED : Rules.BODY_ADDED,
          sig + ": " + (required ? "required" : "optional") + " request body added",
          o.operation(),
          nb,
          sig,
          "request.body");
      return;
    }
    if (!nb.exists()) {
      sink.add(
          Rules.BODY_REMOVED,
          sig + ": request body removed",
          ob,
          n.operation(),
          sig,
          "request.body");
      return;
    }
    if (!ob.flag("required") && nb.flag("required")) {
      sink.add(
          Rules.BODY_BECAME_REQUIRED,
          sig + ": request body became required",
          ob,
          at(nb, "required"),
          sig,
          "request.body");
    }
    content(
        ob.get("content"),
        nb.get("content"),
        Rules.BODY_MEDIA_TYPE_REMOVED,
        Rules.BODY_MEDIA_TYPE_ADDED,
        Rules.REQUEST_BODY,
        sig + " request body",
        sig,
        "request.body");
  }

  private void content(
      Node oc,
      Node nc,
      dev.interlock.diff.Rule removedRule,
      dev.interlock.diff.Rule addedRule,
      Rules.SchemaPrefix prefix,
      String subject,
      String sig,
      String part) {
    Map<String, Node> oldMedia = media(oc);
    Map<String, Node> newMedia = media(nc);
    Node oldAnchor = oc.exists() ? oc : oc;
    for (Map.Entry<String, Node> e : oldMedia.entrySet()) {
      Node nm = newMedia.get(e.getKey());
      if (nm == null) {
        sink.add(
            removedRule,
            subject + ": media type '" + e.getValue().pointer().lastToken() + "' removed",
            e.getValue(),
            nc,
            sig,
            part);
      } else {
        Node os = e.getValue().get("schema");
        Node ns = nm.get("schema");
        sink.addSchemaFindings(
            schemas.compare(os, ns, prefix.direction()), prefix, subject, sig, part);
      }
    }
    for (Map.Entry<String, Node> e : newMedia.entrySet()) {
      if (!oldMedia.containsKey(e.getKey())) {
        sink.add(
            addedRule,
            subject + ": media type '" + e.getValue().pointer().lastToken() + "' added",
            oldAnchor,
            e.getValue(),
            sig,
            part);
      }
    }
  }

  private static Map<String, Node> media(Node content) {
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

  // ---------------------------------------------------------------- responses

  private void responses(Op o, Op n, String sig) {
    Node or = o.operation().get("responses");
    Node nr = n.operation().get("responses");
    Map<String, Node> oldResponses = children(or);
    Map<String, Node> newResponses = children(nr);
    for (Map.Entry<String, Node> e : oldResponses.entrySet()) {
      String status = e.getKey();
      Node nResp = newResponses.get(status);
      if (nResp == null) {
        if (coveredByRange(status, newResponses)) {
          continue;
        }
        boolean success =
            status.startsWith("1")
                || status.startsWith("2")
                || status.startsWith("3")
                || status.equals("default");
        sink.add(
            success ? Rules.STATUS_REMOVED : Rules.ERROR_STATUS_REMOVED,
            sig + ": response " + status + " removed",
            e.getValue(),
            nr.exists() ? nr : n.operation(),
            sig,
            "response." + status);
        continue;
      }
      compareResponse(status, resolver.resolve(e.getValue()), resolver.resolve(nResp), sig);
    }
    for (Map.Entry<String, Node> e : newResponses.entrySet()) {
      if (!oldResponses.containsKey(e.getKey())) {
        sink.add(
            Rules.STATUS_ADDED,
            sig + ": response " + e.getKey() + " added",
            or.exists() ? or : o.operation(),
            e.getValue(),
            sig,
            "response." + e.getKey());
      }
    }
  }

  private static boolean coveredByRange(String status, Map<String, Node> responses) {
    return status.length() == 3
        && Character.isDigit(status.charAt(0))
        && responses.containsKey(status.charAt(0) + "XX");
  }

  private static Map<String, Node> children(Node object) {
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

  private void compareResponse(String status, Node or, Node nr, String sig) {
    String part = "response." + status;
    content(
        or.get("content"),
        nr.get("content"),
        Rules.RESPONSE_MEDIA_TYPE_REMOVED,
        Rules.RESPONSE_MEDIA_TYPE_ADDED,
        Rules.RESPONSE_BODY,
        sig + " response " + status,
        sig,
        part + ".body");
    Map<String, Node> oldHeaders = headers(or.get("headers"));
    Map<String, Node> newHeaders = headers(nr.get("headers"));
    for (Map.Entry<String, Node> e : oldHeaders.entrySet()) {
      String name = e.getValue().pointer().lastToken();
      String headerPart = part + ".header." + name;
      String what = sig + " response " + status + ": header '" + name + "'";
      Node nh = newHeaders.get(e.getKey());
      if (nh == null) {
        sink.add(
            Rules.HEADER_REMOVED,
            what + " removed",
            e.getValue(),
            nr.get("headers").exists() ? nr.get("headers") : nr,
            sig,
            headerPart);
        continue;
      }
      Node oh = resolver.resolve(e.getValue());
      Node nhr = resolver.resolve(nh);
      if (oh.flag("required") && !nhr.flag("required")) {
        sink.add(
            Rules.HEADER_BECAME_OPTIONAL,
            what + " became optional",
            at(oh, "required"),
            nhr,
            sig,
            headerPart);
      }
      schemas(oh, nhr, Rules.RESPONSE_HEADER, what, sig, headerPart);
    }
    for (Map.Entry<String, Node> e : newHeaders.entrySet()) {
      if (!oldHeaders.containsKey(e.getKey())) {
        String name = e.getValue().pointer().lastToken();
        sink.add(
            Rules.HEADER_ADDED,
            sig + " response " + status + ": header '" + name + "' added",
            or.get("headers").exists() ? or.get("headers") : or,
            e.getValue(),
            sig,
            part + ".header." + name);
      }
    }
  }

  private static Map<String, Node> headers(Node headers) {
    Map<String, Node> out = new LinkedHashMap<>();
    if (headers.isObject()) {
      for (var it = headers.json().fieldNames(); it.hasNext(); ) {
        String k = it.next();
        out.put(k.toLowerCase(Locale.ROOT), headers.get(k));
      }
    }
    return out;
  }

  // ---------------------------------------------------------------- security

  /** One way to authenticate: scheme name → scopes. Empty = anonymous. */
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

  private static Node effectiveSecurity(Op op, Node root) {
    return op.operation().get("security").exists()
        ? op.operation().get("security")
        : root.get("security");
  }

  private void security(Op o, Op n, Node oldRoot, Node newRoot, String sig) {
    Node os = effectiveSecurity(o, oldRoot);
    Node ns = effectiveSecurity(n, newRoot);
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
        continue;
      }
      for (Map.Entry<String, Set<String>> s : b.schemes().entrySet()) {
        Set<String> before = a.schemes().getOrDefault(s.getKey(), Set.of());
        Set<String> added = new TreeSet<>(s.getValue());
        added.removeAll(before);
        if (!added.isEmpty()) {
          sink.add(
              Rules.SECURITY_SCOPE_ADDED,
              sig + ": " + s.getKey() + " now also needs scopes " + added,
              a.node().get(s.getKey()),
              b.node().get(s.getKey()),
              sig,
              null);
        }
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

  private void securitySchemes(Node oldRoot, Node newRoot) {
    Node oldSchemes = oldRoot.get("components").get("securitySchemes");
    Node newSchemes = newRoot.get("components").get("securitySchemes");
    if (!oldSchemes.isObject() || !newSchemes.isObject()) {
      return;
    }
    for (var it = oldSchemes.json().fieldNames(); it.hasNext(); ) {
      String name = it.next();
      Node o = resolver.resolve(oldSchemes.get(name));
      Node n = resolver.resolve(newSchemes.get(name));
      if (!n.exists()) {
        continue; // requirements naming it are reported per operation
      }
      for (String field : List.of("type", "in", "name", "scheme", "openIdConnectUrl")) {
        String before = o.text(field);
        String after = n.text(field);
        if (!Objects.equals(
            field.equals("scheme") && before != null ? before.toLowerCase(Locale.ROOT) : before,
            field.equals("scheme") && after != null ? after.toLowerCase(Locale.ROOT) : after)) {
          sink.add(
              Rules.SECURITY_SCHEME_CHANGED,
              "security scheme '"
                  + name
                  + "': "
                  + field
                  + " changed from "
                  + before
                  + " to "
                  + after,
              at(o, field),
              at(n, field),
              null,
              null);
          break;
        }
      }
    }
  }
}
