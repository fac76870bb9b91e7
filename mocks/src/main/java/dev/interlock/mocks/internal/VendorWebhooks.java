package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.mocks.EventSandbox;
import dev.interlock.mocks.WebhookSubscription;
import java.net.URI;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Webhooks subscribed through the vendor's own API ({@code POST /webhooks/subscriptions}) rather
 * than the admin API. Without this a client that subscribes the way the vendor documents gets a
 * stored resource and never a delivery. When a create operation that {@link
 * WebhookSubscriptionShape} recognises stores a resource, the webhook it describes is registered
 * with the {@link EventSandbox}, exactly as {@code POST /__interlock/webhooks} would; deleting that
 * resource (by the id the create answered with) unregisters it.
 *
 * <p>Topics the AsyncAPI contracts do not publish are left out (they could never be delivered); a
 * subscription with none of them, or whose address is not an http(s) URL, stays a plain resource.
 */
final class VendorWebhooks {

  private final Map<OperationModel, Optional<WebhookSubscriptionShape>> shapes =
      new ConcurrentHashMap<>();

  /** The dispatcher's webhook id by the resource that registered it ({@code collectionKey|id}). */
  private final Map<String, String> registered = new ConcurrentHashMap<>();

  /**
   * Registers the webhook the just-created resource {@code id} describes, if {@code op} subscribes
   * webhooks and the sandbox has an event side.
   */
  void created(
      EventSandbox events, OperationModel op, String collectionKey, String id, JsonNode request) {
    if (events == null || request == null) {
      return;
    }
    Optional<WebhookSubscriptionShape> shape =
        shapes.computeIfAbsent(op, WebhookSubscriptionShape::of);
    if (shape.isEmpty()) {
      return;
    }
    String address = shape.get().address(request);
    Set<String> topics = new LinkedHashSet<>(shape.get().topics(request));
    topics.removeIf(t -> !events.publishes(t));
    if (address.isEmpty() || topics.isEmpty()) {
      return;
    }
    WebhookSubscription webhook;
    try {
      webhook = events.registerWebhook(URI.create(address), topics);
    } catch (IllegalArgumentException e) {
      return; // not an http(s) URL: nothing could be delivered to it
    }
    String before = registered.put(collectionKey + "|" + id, webhook.id());
    if (before != null) {
      events.unregisterWebhook(before);
    }
  }

  /** Unregisters the webhook resource {@code id} registered, if it did. */
  void deleted(EventSandbox events, String collectionKey, String id) {
    String webhook = registered.remove(collectionKey + "|" + id);
    if (webhook != null && events != null) {
      events.unregisterWebhook(webhook);
    }
  }

  /**
   * Unregisters every webhook subscribed through the vendor's API (their resources are forgotten);
   * those of the admin API stay.
   */
  void clear(EventSandbox events) {
    for (String key : Set.copyOf(registered.keySet())) {
      String webhook = registered.remove(key);
      if (webhook != null && events != null) {
        events.unregisterWebhook(webhook);
      }
    }
  }
}
