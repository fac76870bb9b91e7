package dev.interlock.mocks;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One event as a sandbox emits it: on an {@link EventChannel} and, for webhooks, as the body of an
 * HTTP POST.
 *
 * @param id the event's id, the same on every delivery attempt and duplicate of it
 * @param topic the channel's address ({@code order.created})
 * @param name the message's name in the contract
 * @param headers the message headers the contract declares (for webhooks: HTTP headers), without
 *     the per-attempt ones (signature, attempt number) a {@link WebhookDispatcher} adds
 * @param payload the payload exactly as sent (compact JSON)
 * @param at when it was published, on the sandbox's clock
 */
public record EventMessage(
    String id, String topic, String name, Map<String, String> headers, String payload, Instant at) {

  public EventMessage {
    headers = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(headers));
  }
}
