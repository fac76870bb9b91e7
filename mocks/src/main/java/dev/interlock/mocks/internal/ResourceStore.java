package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Resources created through the sandbox, per collection, and the ledger of every creation. Both are
 * bounded: a collection keeps its newest {@code capacity} resources and the ledger its newest
 * {@code capacity} creations per collection (its count covers every creation), so a sandbox under
 * sustained load keeps a flat footprint. Stored nodes are never handed out: readers get copies.
 */
public final class ResourceStore {

  private final int capacity;
  private final Map<String, LinkedHashMap<String, JsonNode>> collections = new LinkedHashMap<>();

  /** The serialized form of stored resources, for reads that only serve them. */
  private final Map<JsonNode, String> texts = new java.util.IdentityHashMap<>();

  private final Map<String, ArrayDeque<JsonNode>> ledger = new LinkedHashMap<>();
  private final Map<String, Long> totals = new LinkedHashMap<>();

  public ResourceStore(int capacity) {
    this.capacity = capacity;
  }

  private LinkedHashMap<String, JsonNode> collection(String key) {
    return collections.computeIfAbsent(
        key,
        k ->
            new LinkedHashMap<>(16, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, JsonNode> eldest) {
                if (size() > capacity) {
                  texts.remove(eldest.getValue());
                  return true;
                }
                return false;
              }
            });
  }

  /** Stores the resource as it is: the caller hands it over and must not change it afterwards. */
  public synchronized void create(
      String collectionKey, String ledgerName, String id, JsonNode resource, String text) {
    JsonNode before = collection(collectionKey).put(id, resource);
    if (before != null) {
      texts.remove(before);
    }
    texts.put(resource, text);
    ArrayDeque<JsonNode> entries = ledger.computeIfAbsent(ledgerName, k -> new ArrayDeque<>());
    if (entries.size() >= capacity) {
      entries.pollFirst();
    }
    entries.addLast(resource);
    totals.merge(ledgerName, 1L, Long::sum);
  }

  public synchronized Optional<JsonNode> get(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    JsonNode n = c == null ? null : c.get(id);
    return n == null ? Optional.empty() : Optional.of(n.deepCopy());
  }

  /** The stored resource serialized, for reads that serve it as it is. */
  public synchronized Optional<String> text(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    JsonNode n = c == null ? null : c.get(id);
    if (n == null) {
      return Optional.empty();
    }
    return Optional.of(texts.computeIfAbsent(n, JsonNode::toString));
  }

  public synchronized void put(String collectionKey, String id, JsonNode resource) {
    JsonNode copy = resource.deepCopy();
    JsonNode before = collection(collectionKey).put(id, copy);
    if (before != null) {
      texts.remove(before);
    }
  }

  public synchronized boolean delete(String collectionKey, String id) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    JsonNode before = c == null ? null : c.remove(id);
    if (before != null) {
      texts.remove(before);
    }
    return before != null;
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

  public synchronized boolean isEmpty(String collectionKey) {
    Map<String, JsonNode> c = collections.get(collectionKey);
    return c == null || c.isEmpty();
  }

  public synchronized Map<String, List<JsonNode>> ledger() {
    Map<String, List<JsonNode>> out = new LinkedHashMap<>();
    ledger.forEach(
        (k, v) -> {
          List<JsonNode> copies = new ArrayList<>(v.size());
          v.forEach(n -> copies.add(n.deepCopy()));
          out.put(k, List.copyOf(copies));
        });
    return out;
  }

  public synchronized Map<String, Long> totals() {
    return new LinkedHashMap<>(totals);
  }

  public synchronized void clear() {
    collections.clear();
    texts.clear();
    ledger.clear();
    totals.clear();
  }
}
