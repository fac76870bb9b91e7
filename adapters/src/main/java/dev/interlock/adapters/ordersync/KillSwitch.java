package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.ordersync.ProgressStore.Step;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * {@code --kill-after N}: simulates the process dying right after its Nth vendor side effect — the
 * effect is done, order-sync has not recorded it — once per run.
 */
final class KillSwitch implements OrderSync.CrashPoint {

  private final int after;
  private final AtomicInteger sideEffects = new AtomicInteger();
  private final AtomicBoolean fired = new AtomicBoolean();

  KillSwitch(int after) {
    this.after = after;
  }

  /** A crash point for the next process: armed until the switch has fired once. */
  OrderSync.CrashPoint arm() {
    return after > 0 && !fired.get() ? this : OrderSync.CrashPoint.never();
  }

  boolean fired() {
    return fired.get();
  }

  @Override
  public void afterSideEffect(String orderId, Step step) {
    if (!fired.get() && sideEffects.incrementAndGet() == after) {
      fired.set(true);
      throw new OrderSync.SimulatedCrash(
          "killed after side effect " + after + " (" + step + " of " + orderId + ")");
    }
  }
}
