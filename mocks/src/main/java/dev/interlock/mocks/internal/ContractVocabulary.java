package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a contract's own examples say about the values its vendor sends, learned once per contract
 * from every example in it (media-type, named and schema examples): the prefix of the ids of each
 * kind of object ({@code {"id": "cus_9s6X", "object": "customer"}} teaches {@code customer → cus_},
 * so an id of a customer and a field named {@code customer} start with {@code cus_}), and whether
 * currency and country codes are written in lower or upper case.
 */
final class ContractVocabulary {

  /** A prefix is a short word and a separator before an opaque rest: {@code cus_}, {@code ord-}. */
  private static final Pattern PREFIXED =
      Pattern.compile("([A-Za-z][A-Za-z0-9]{0,11}[_-])[A-Za-z0-9]{4,}");

  private static final Pattern CODE = Pattern.compile("[A-Za-z]{2,3}");
  private static final int MAX_NODES = 2_000_000;

  /** By tree, which compares by identity (a JsonNode would hash the whole document each time). */
  private static final Map<SpecTree, ContractVocabulary> KNOWN = new WeakHashMap<>();

  private final Map<String, String> prefixes = new HashMap<>();
  private Boolean lowerCaseCodes;

  private ContractVocabulary() {}

  /** The vocabulary of a contract, learned on first use and then kept as long as its tree. */
  static ContractVocabulary of(SpecTree tree) {
    synchronized (KNOWN) {
      return KNOWN.computeIfAbsent(tree, t -> learn(t.root()));
    }
  }

  /** The id prefix of a kind of object ({@code customer}), if the examples show one. */
  Optional<String> idPrefix(String kind) {
    return kind == null
        ? Optional.empty()
        : Optional.ofNullable(prefixes.get(kind.toLowerCase(Locale.ROOT)));
  }

  /** Whether codes (currency, country) are written in lower case; upper case unless shown. */
  boolean lowerCaseCodes() {
    return Boolean.TRUE.equals(lowerCaseCodes);
  }

  static ContractVocabulary learn(JsonNode root) {
    ContractVocabulary v = new ContractVocabulary();
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(root);
    int seen = 0;
    while (!work.isEmpty() && seen++ < MAX_NODES) {
      JsonNode node = work.pop();
      if (node.isArray()) {
        node.forEach(work::push);
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      // a media type's examples are of the schema it names: {$ref: .../Order} examples are orders
      String ref = node.path("schema").path("$ref").asText("");
      String named = ref.isEmpty() ? null : ref.substring(ref.lastIndexOf('/') + 1);
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        if (f.getKey().equals("example") || f.getKey().equals("value")) {
          v.readExample(f.getValue(), named);
        } else if (f.getKey().equals("examples")) {
          for (JsonNode e : f.getValue()) {
            v.readExample(e.isObject() && e.has("value") ? e.get("value") : e, named);
          }
        }
        if (f.getValue().isContainerNode()) {
          work.push(f.getValue());
        }
      }
    }
    return v;
  }

  /** Reads one example value, all the way down. */
  private void readExample(JsonNode example, String named) {
    Deque<JsonNode> work = new ArrayDeque<>();
    work.push(example);
    while (!work.isEmpty()) {
      JsonNode node = work.pop();
      if (node.isArray()) {
        node.forEach(work::push);
        continue;
      }
      if (!node.isObject()) {
        continue;
      }
      String kind = kind(node);
      if (node == example && kind == null && named != null) {
        kind = named.toLowerCase(Locale.ROOT);
      }
      String id = node.path("id").isTextual() ? node.get("id").asText() : null;
      if (kind != null && id != null) {
        String k = kind;
        prefix(id).ifPresent(p -> prefixes.putIfAbsent(k, p));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        String name = f.getKey().toLowerCase(Locale.ROOT);
        JsonNode value = f.getValue();
        if (value.isTextual() && (name.endsWith("currency") || name.endsWith("country"))) {
          String text = value.asText();
          if (CODE.matcher(text).matches() && lowerCaseCodes == null) {
            lowerCaseCodes = text.equals(text.toLowerCase(Locale.ROOT));
          }
        }
        if (value.isContainerNode()) {
          work.push(value);
        }
      }
    }
  }

  /** The object's own tag: {@code object}, else {@code type} or {@code kind}, when textual. */
  private static String kind(JsonNode object) {
    for (String tag : new String[] {"object", "type", "kind"}) {
      JsonNode t = object.get(tag);
      if (t != null && t.isTextual() && !t.asText().isEmpty()) {
        return t.asText().toLowerCase(Locale.ROOT);
      }
    }
    return null;
  }

  static Optional<String> prefix(String id) {
    Matcher m = PREFIXED.matcher(id);
    return m.matches() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
