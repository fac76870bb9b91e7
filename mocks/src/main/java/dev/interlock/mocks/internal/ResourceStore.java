package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Resources created through the sandbox, per collection, and the ledger of every creation. */
public final class ResourceStore {

  private final Map<String, LinkedHashMap<String, JsonNode>> collections = new LinkedHashMap<>();
  private final Map<String, List<JsonNode>> ledger = new LinkedHashMap<>();

  public synchronized void create(
      String collectionKey, String ledgerName, String id, JsonNode resource) {
    collections
        .computeIfAbsent(collectionKey, k -> new LinkedHashMap<>())
        .put(id, resource.deepCopy());
    ledger.computeIfAbsent(ledgerName, k -> new ArrayList<>()).add(resource.deepCopy());
  }

  public synchronized Optional<JsonNode> get(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    return c == null || !c.containsKey(id) ? Optional.empty() : Optional.of(c.get(id).deepCopy());
  }

  public synchronized void put(String collectionKey, String id, JsonNode resource) {
    collections
        .computeIfAbsent(collectionKey, k -> new LinkedHashMap<>())
        .put(id, resource.deepCopy());
  }

  public synchronized boolean delete(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    return c != null && c.remove(id) != null;
  }

  public synchronized boolean contains(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    return c != null && c.containsKey(id);
  }

  public synchronized List<JsonNode> list(String collectionKey) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    List<JsonNode> out = new ArrayList<>();
    if (c != null) {
      c.values().forEach(v -> out.add(v.deepCopy()));
    }
    return out;
  }

  public synchronized Map<String, List<JsonNode>> ledger() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    ledger.forEach((k, v) -> out.put(k, List.copyOf(v)));
    return out;
  }

  public synchronized void clear() {
    collections.clear();
    ledger.clear();
  }
}
