package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Resources created through the sandbox, per collection, and the ledger of every creation. Both are
 * bounded: a collection keeps its newest {@code capacity} resources and the ledger its newest
 * {@code capacity} creations per collection (its count covers every creation), so a sandbox under
 * sustained load keeps a flat footprint. Stored nodes are never handed out: readers get copies.
 *
 * <p>Changes take the store's monitor; point reads ({@link #contains}, {@link #text}, {@link #get})
 * do not: they read a concurrent index the changes keep in step. Every POST of a load test asks
 * whether its new id is taken, and with that question under the monitor the store was the most
 * contended lock of the sandbox at 64 clients.
 */
public final class ResourceStore {

  /** A stored resource and, once asked for, its serialized form (reads that only serve it). */
  private static final class Stored {
    final JsonNode node;
    private volatile String text;

    Stored(JsonNode node, String text) {
      this.node = node;
      this.text = text;
    }

    String text() {
      String t = text;
      if (t == null) {
        t = node.toString();
        text = t; // a benign race: every thread computes the same text
      }
      return t;
    }
  }

  private final int capacity;

  /** Per collection, in creation order (for eviction); guarded by {@code this}. */
  private final Map<String, LinkedHashMap<String, Stored>> collections = new LinkedHashMap<>();

  /** The same resources by collection and id, for reads without the monitor. */
  private final Map<String, Map<String, Stored>> index = new ConcurrentHashMap<>();

  private final Map<String, ArrayDeque<JsonNode>> ledger = new LinkedHashMap<>();
  private final Map<String, Long> totals = new LinkedHashMap<>();

  public ResourceStore(int capacity) {
    this.capacity = capacity;
  }

  private LinkedHashMap<String, Stored> collection(String key) {
    Map<String, Stored> byId = index.computeIfAbsent(key, k -> new ConcurrentHashMap<>());
    return collections.computeIfAbsent(
        key,
        k ->
            new LinkedHashMap<>(16, 0.75f, false) {
              @Override
              protected boolean removeEldestEntry(Map.Entry<String, Stored> eldest) {
                if (size() > capacity) {
                  byId.remove(eldest.getKey());
                  return true;
                }
                return false;
              }
            });
  }

  /** Stores the resource as it is: the caller hands it over and must not change it afterwards. */
  public synchronized void create(
      String collectionKey, String ledgerName, String id, JsonNode resource, String text) {
    store(collectionKey, id, new Stored(resource, text));
    ArrayDeque<JsonNode> entries = ledger.computeIfAbsent(ledgerName, k -> new ArrayDeque<>());
    if (entries.size() >= capacity) {
      entries.pollFirst();
    }
    entries.addLast(resource);
    totals.merge(ledgerName, 1L, Long::sum);
  }

  public Optional<JsonNode> get(String collectionKey, String id) {
    Stored s = stored(collectionKey, id);
    return s == null ? Optional.empty() : Optional.of(s.node.deepCopy());
  }

  /** The stored resource serialized, for reads that serve it as it is. */
  public Optional<String> text(String collectionKey, String id) {
    Stored s = stored(collectionKey, id);
    return s == null ? Optional.empty() : Optional.of(s.text());
  }

  public synchronized void put(String collectionKey, String id, JsonNode resource) {
    store(collectionKey, id, new Stored(resource.deepCopy(), null));
  }

  public synchronized boolean delete(String collectionKey, String id) {
    Map<String, Stored> c = collections.get(collectionKey);
    Stored before = c == null ? null : c.remove(id);
    if (before != null) {
      index.get(collectionKey).remove(id);
    }
    return before != null;
  }

  public boolean contains(String collectionKey, String id) {
    return stored(collectionKey, id) != null;
  }

  public synchronized List<JsonNode> list(String collectionKey) {
    Map<String, Stored> c = collections.get(collectionKey);
    List<JsonNode> out = new ArrayList<>();
    if (c != null) {
      c.values().forEach(v -> out.add(v.node.deepCopy()));
    }
    return out;
  }

  public boolean isEmpty(String collectionKey) {
    Map<String, Stored> c = index.get(collectionKey);
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
    index.clear();
    ledger.clear();
    totals.clear();
  }

  private void store(String collectionKey, String id, Stored stored) {
    collection(collectionKey).put(id, stored);
    index.get(collectionKey).put(id, stored);
  }

  private Stored stored(String collectionKey, String id) {
    Map<String, Stored> c = index.get(collectionKey);
    return c == null ? null : c.get(id);
  }
}
