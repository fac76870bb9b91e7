package com.example.shop.ordertocash;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * The event ids already handled, newest kept: the storefront delivers at least once, and every
 * attempt of one event carries the same {@code X-Storefront-Event-Id}. Bounded, so a long-running
 * service does not grow; an event older than the window that comes back is still charged once,
 * because its idempotency key is the order's.
 */
final class SeenEvents {

  private final Set<String> ids;

  SeenEvents(int capacity) {
    this.ids =
        Collections.newSetFromMap(
            Collections.synchronizedMap(
                new LinkedHashMap<>() {
                  @Override
                  protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
                    return size() > capacity;
                  }
                }));
  }

  boolean contains(String eventId) {
    return ids.contains(eventId);
  }

  void remember(String eventId) {
    ids.add(eventId);
  }
}
