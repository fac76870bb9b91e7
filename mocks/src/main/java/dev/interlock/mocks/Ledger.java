package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The side effects a sandbox holds: per collection (the last literal segment of its path, such as
 * {@code charges}), the resources created, in order, and how many were created. Deleting a resource
 * does not remove it from the ledger: the ledger is what "exactly once" is checked against. Under
 * sustained load only the newest {@link SandboxOptions#stateCapacity()} resources per collection
 * are kept; {@link #count} still counts every creation.
 */
public record Ledger(Map<String, List<JsonNode>> collections, Map<String, Long> totals) {

  public Ledger {
    collections = Map.copyOf(collections);
    totals = Map.copyOf(totals);
  }

  /** A ledger that kept every creation. */
  public Ledger(Map<String, List<JsonNode>> collections) {
    this(collections, sizes(collections));
  }

  /** How many resources were created in the collection. */
  public int count(String collection) {
    Long total = totals.get(collection);
    if (total != null) {
      return (int) Math.min(Integer.MAX_VALUE, total);
    }
    List<JsonNode> list = collections.get(collection);
    return list == null ? 0 : list.size();
  }

  /** The resources created in the collection (the newest ones, when it outgrew the capacity). */
  public List<JsonNode> created(String collection) {
    return collections.getOrDefault(collection, List.of());
  }

  private static Map<String, Long> sizes(Map<String, List<JsonNode>> collections) {
    Map<String, Long> out = new LinkedHashMap<>();
    collections.forEach((k, v) -> out.put(k, (long) v.size()));
    return out;
  }
}
