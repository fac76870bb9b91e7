package dev.interlock.mocks;

import java.net.URI;
import java.time.Instant;

/**
 * One delivery attempt of an event to a webhook.
 *
 * @param status the receiver's status, or 0 when no answer came (refused, reset, timed out)
 * @param error why no answer came, or null
 * @param duplicate whether this attempt belongs to a deliberate duplicate of the event
 * @param finalAttempt whether no retry follows (delivered, or attempts exhausted)
 */
public record WebhookDelivery(
    String eventId,
    String topic,
    URI url,
    int attempt,
    int status,
    String error,
    boolean duplicate,
    boolean finalAttempt,
    Instant at) {

  public boolean delivered() {
    return status >= 200 && status < 300;
  }
}
