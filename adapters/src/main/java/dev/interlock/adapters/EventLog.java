package dev.interlock.adapters;

import dev.interlock.adapters.AdapterEvent.AttemptFailed;
import dev.interlock.adapters.AdapterEvent.AttemptStarted;
import dev.interlock.adapters.AdapterEvent.CircuitClosed;
import dev.interlock.adapters.AdapterEvent.CircuitOpened;
import dev.interlock.adapters.AdapterEvent.GaveUp;
import dev.interlock.adapters.AdapterEvent.Succeeded;
import dev.interlock.adapters.AdapterEvent.WaitScheduled;
import java.util.Locale;

/** One log line per {@link AdapterEvent} (the runtime redacts it before it is written). */
public final class EventLog {

  private EventLog() {}

  public static String render(AdapterEvent e) {
    String head =
        e.at() + " " + e.vendor() + (e.operationId() == null ? "" : "." + e.operationId());
    if (e instanceof AttemptStarted a) {
      return head
          + " attempt "
          + a.attempt()
          + (a.idempotencyKey() == null ? "" : " key=" + a.idempotencyKey());
    }
    if (e instanceof AttemptFailed f) {
      return head
          + " attempt "
          + f.attempt()
          + " failed: "
          + (f.status() == 0 ? "no response" : String.valueOf(f.status()))
          + (f.error() == null ? "" : " (" + f.error() + ")")
          + (f.retryable() ? ", will retry" : "");
    }
    if (e instanceof WaitScheduled w) {
      return head
          + " waits "
          + w.duration().toMillis()
          + " ms ("
          + w.reason().name().toLowerCase(Locale.ROOT).replace('_', '-')
          + ")";
    }
    if (e instanceof Succeeded s) {
      return head
          + " attempt "
          + s.attempt()
          + " succeeded: "
          + s.status()
          + (s.replayed() ? " (idempotent replay)" : "");
    }
    if (e instanceof GaveUp g) {
      return head + " gave up after " + g.attempts() + " attempt(s): " + g.reason();
    }
    if (e instanceof CircuitOpened o) {
      return head + " circuit opened (failure rate " + o.failureRate() + "%)";
    }
    if (e instanceof CircuitClosed) {
      return head + " circuit closed";
    }
    return head + " " + e;
  }
}
