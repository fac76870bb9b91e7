package dev.interlock.mocks;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * The side effects a sandbox holds: per collection (the last literal segment of its path, such as
 * {@code charges}), every resource created, in order. Deleting a resource does not remove it from
 * the ledger: the ledger is what "exactly once" is checked against.
 */
public record Ledger(Map<String, List<JsonNode>> collections) {

  public Ledger {
    collections = Map.copyOf(collections);
  }

  /** How many resources were created in the collection. */
  public int count(String collection) {
    List<JsonNode> list = collections.get(collection);
    return list == null ? 0 : list.size();
  }

  public List<JsonNode> created(String collection) {
    return collections.getOrDefault(collection, List.of());
  }
}
