package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Lays the fields a client sent onto the resource the sandbox answers and keeps, as a vendor does:
 * each under the response's own spelling of the same name ({@code To} is {@code to}, {@code
 * first_name} is {@code firstName}), where the response has that field and the sent value has its
 * JSON shape (a field the response holds as null takes any value). Inside an object that was sent
 * whole ({@code metadata}, {@code address}) the sent names the response lacks are added: they are
 * the client's own keys, and the schema check that follows decides whether they may stay.
 */
final class EchoFields {

  /** Headers that describe each message's own body, never echoed. */
  private static final Set<String> CONTENT =
      Set.of("content-type", "content-length", "content-encoding", "content-language");

  private EchoFields() {}

  /**
   * Merges {@code request} into {@code resource}; {@code changed} receives the resource's top-level
   * names whose value changed. The request's {@code id} never replaces the resource's.
   */
  static void merge(ObjectNode resource, JsonNode request, Set<String> changed) {
    if (!(request instanceof ObjectNode sent)) {
      return;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = sent.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> f = it.next();
      String name = spelling(resource, f.getKey());
      if (name == null || name.equals("id")) {
        continue;
      }
      if (lay(resource, name, f.getValue(), false)) {
        changed.add(name);
      }
    }
  }

  /** Lays one value; inside a sent object new names are welcome. Whether anything changed. */
  private static boolean lay(ObjectNode target, String name, JsonNode value, boolean nested) {
    JsonNode existing = target.get(name);
    if (existing == null) {
      if (!nested) {
        return false;
      }
      target.set(name, value);
      return true;
    }
    if (existing.equals(value)) {
      return false;
    }
    if (existing instanceof ObjectNode eo && value instanceof ObjectNode vo) {
      boolean any = false;
      for (Iterator<Map.Entry<String, JsonNode>> it = vo.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String inner = spelling(eo, f.getKey());
        any |= lay(eo, inner == null ? f.getKey() : inner, f.getValue(), true);
      }
      return any;
    }
    if (existing.getNodeType() == value.getNodeType() || existing.isNull()) {
      target.set(name, value);
      return true;
    }
    return false;
  }

  /** The resource's name for a sent name: the same, else the same once case and separators go. */
  static String spelling(ObjectNode resource, String sent) {
    if (resource.has(sent)) {
      return sent;
    }
    String key = fold(sent);
    for (Iterator<String> it = resource.fieldNames(); it.hasNext(); ) {
      String candidate = it.next();
      if (fold(candidate).equals(key)) {
        return candidate;
      }
    }
    return null;
  }

  private static String fold(String name) {
    StringBuilder b = new StringBuilder(name.length());
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c != '_' && c != '-' && c != ' ' && c != '.') {
        b.append(c);
      }
    }
    return b.toString().toLowerCase(Locale.ROOT);
  }

  /**
   * A response header the contract declares under the name of a request header the client sent
   * ({@code Idempotency-Key}, {@code X-Request-Id}) carries the value sent, as vendors echo them.
   */
  static void headers(Map<String, String> reply, Map<String, List<String>> request) {
    for (Map.Entry<String, String> h : reply.entrySet()) {
      List<String> sent = request.get(h.getKey());
      if (sent != null
          && !sent.isEmpty()
          && !CONTENT.contains(h.getKey().toLowerCase(Locale.ROOT))) {
        h.setValue(sent.get(0));
      }
    }
  }
}
