package dev.interlock.mocks;

import java.net.URI;
import java.util.Set;

/**
 * A registered webhook: events whose topic or message name is in {@code events} (or any event when
 * it holds {@code "*"}) are POSTed to {@code url}.
 */
public record WebhookSubscription(String id, URI url, Set<String> events) {

  public WebhookSubscription {
    events = Set.copyOf(events);
  }

  public boolean wants(EventMessage m) {
    return events.contains("*") || events.contains(m.topic()) || events.contains(m.name());
  }
}
