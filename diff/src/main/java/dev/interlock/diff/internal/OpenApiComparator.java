package dev.interlock.diff.internal;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.diff.Change;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks two OpenAPI documents in parallel over their raw trees (so every change has a position in
 * both files): operations matched by method and normalized path template, webhooks by name, then
 * each matched pair handed to the {@link OperationComparator}; document-wide servers, security
 * schemes and the version bump are judged here.
 */
public final class OpenApiComparator {

  static final List<String> METHODS =
      List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  private static final Pattern VERSION_SEGMENT = Pattern.compile("^(/v\\d+)(?=/|$)");

  private final RefResolver resolver = new RefResolver();
  private final ChangeSink sink = new ChangeSink();
  private final OperationComparator operations;
  private final WebhookComparator webhooks;

  public OpenApiComparator(LocalDate today) {
    this.operations = new OperationComparator(resolver, sink, today);
    this.webhooks = new WebhookComparator(resolver, operations, sink);
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
    operations.servers().compare(oldRoot, newRoot);
    Map<String, Op> oldOps = operations(oldRoot, oldPrefix);
    Map<String, Op> newOps = operations(newRoot, newPrefix);
    for (Map.Entry<String, Op> e : oldOps.entrySet()) {
      Op n = newOps.get(e.getKey());
      if (n == null) {
        operations.deprecation().removed(e.getValue(), newRoot.get("paths"), Perspective.PATHS);
      } else {
        operations.compare(e.getValue(), n, oldRoot, newRoot, Perspective.PATHS);
      }
    }
    for (Map.Entry<String, Op> e : newOps.entrySet()) {
      if (!oldOps.containsKey(e.getKey())) {
        Op n = e.getValue();
        sink.add(
            Rules.OPERATION_ADDED,
            n.signature() + " added",
            oldRoot.get("paths"),
            n.operation(),
            n.signature(),
            null);
      }
    }
    webhooks.compare(oldRoot, newRoot);
    operations.security().schemes(oldRoot, newRoot);
    versionBump(oldRoot, newRoot);
    return sink.changes();
  }

  private void versionBump(Node oldRoot, Node newRoot) {
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
    p = ParameterComparator.TEMPLATE_VARIABLE.matcher(p).replaceAll("{}");
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
}
