package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Where a request points in the sandbox's state, however the vendor spells its paths: an operation
 * whose last path segment holds a parameter ({@code /things/{id}}, {@code /things/{thingId}.json})
 * addresses the item of that id in the collection its path names without that segment; any other
 * operation addresses the collection its own path names ({@code /things}, {@code /things.json}). A
 * collection nested under a parent's id is that parent's own ({@code /parents/p1/things}), and a
 * file extension does not make another collection.
 *
 * @param collectionKey the version and the collection's path as requested
 * @param name the collection's last segment ({@code things}), the ledger's name for it
 * @param template the collection's path template, the same for every parent
 * @param id the item's id, null when the collection itself is addressed
 */
record ResourceAddress(String collectionKey, String name, String template, String id) {

  private static final Pattern PARAM = Pattern.compile("\\{[^}/]+}");
  private static final Pattern EXTENSION = Pattern.compile("\\.[A-Za-z0-9]+$");

  boolean item() {
    return id != null;
  }

  /** The address of a call to {@code op} at {@code path} (without base path). */
  static ResourceAddress of(OperationModel op, String path, Map<String, String> params) {
    String template = op.template();
    boolean item = isItem(template);
    String collection = item ? parent(path) : stripExtension(path);
    String id = item ? last(params) : null;
    String name = collection.substring(collection.lastIndexOf('/') + 1);
    return new ResourceAddress(
        op.version().label() + "|" + collection, name, collectionTemplate(template), id);
  }

  /** The collection template an operation's path addresses: {@code /things} for all spellings. */
  static String collectionTemplate(String template) {
    return isItem(template) ? parent(template) : stripExtension(template);
  }

  static boolean isItem(String template) {
    String lastSegment = template.substring(template.lastIndexOf('/') + 1);
    return PARAM.matcher(lastSegment).find();
  }

  private static String parent(String path) {
    int slash = path.lastIndexOf('/');
    return slash <= 0 ? "" : path.substring(0, slash);
  }

  private static String stripExtension(String path) {
    int slash = path.lastIndexOf('/');
    String last = path.substring(slash + 1);
    return path.substring(0, slash + 1) + EXTENSION.matcher(last).replaceFirst("");
  }

  /**
   * The field of a resource that holds its id: {@code id}, else the field the item's path parameter
   * is named after ({@code sid} for {@code {thingSid}}), else {@code id}.
   */
  static String idField(JsonNode resource, String itemParameter) {
    if (resource.has("id") || itemParameter == null) {
      return "id";
    }
    String p = itemParameter.toLowerCase(Locale.ROOT);
    String best = null;
    for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
      String f = it.next();
      String l = f.toLowerCase(Locale.ROOT);
      if (l.length() >= 2 && p.endsWith(l) && (best == null || l.length() > best.length())) {
        best = f;
      }
    }
    return best == null ? "id" : best;
  }

  /** The path parameter that names an item of the collection, or null when none is read. */
  static String itemParameter(ContractVersion v, String collectionTemplate) {
    for (OperationModel op : v.operations()) {
      String t = op.template();
      if (isItem(t) && collectionTemplate(t).equals(collectionTemplate)) {
        int open = t.lastIndexOf('{');
        return t.substring(open + 1, t.indexOf('}', open));
      }
    }
    return null;
  }

  /** The last path parameter, decoded: the id of the item addressed. */
  private static String last(Map<String, String> params) {
    String v = null;
    for (String s : params.values()) {
      v = s;
    }
    return v == null ? null : URLDecoder.decode(v, StandardCharsets.UTF_8);
  }
}
