package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.AdapterEvent;
import dev.interlock.adapters.AdapterListener;
import java.time.Duration;

/**
 * What one order-sync run counts: deliveries on its side, vendor attempts and waits from events.
 */
final class RunCounters implements AdapterListener {
  int deliveries;
  int duplicates;
  int redeliveries;
  int restarts;
  int attempts;
  int retries;
  int waits;
  Duration waited = Duration.ZERO;

  @Override
  public synchronized void on(AdapterEvent event) {
    if (event instanceof AdapterEvent.AttemptStarted a) {
      attempts++;
      if (a.attempt() > 1) {
        retries++;
      }
    } else if (event instanceof AdapterEvent.WaitScheduled w) {
      waits++;
      waited = waited.plus(w.duration());
    }
  }
}
