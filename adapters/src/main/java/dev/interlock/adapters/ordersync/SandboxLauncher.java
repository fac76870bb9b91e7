package dev.interlock.adapters.ordersync;

import dev.interlock.adapters.Credentials;
import dev.interlock.core.ContractSet;
import java.time.Clock;
import java.util.Map;

/**
 * Starts the vendor sandboxes an {@link OrderSyncRun} talks to. The adapters module does not depend
 * on the sandbox engine (DESIGN: verifiers → {mocks, adapters} → core), so the implementation on
 * top of {@code dev.interlock.mocks.Sandbox} lives where both are visible (verifiers, or tests).
 */
public interface SandboxLauncher {

  /**
   * @param vendors vendor id → the version the integration uses (the sandbox may serve all of the
   *     vendor's versions)
   * @param scenario the scenario name ({@code normal}, {@code flaky}, ...)
   * @param clock the run's clock (virtual time unless {@link #followsRunClock()} says otherwise):
   *     rate-limit windows, outages, token expiry
   * @param accepted the credentials the sandbox must accept, per vendor
   */
  record Request(
      ContractSet contracts,
      Map<String, String> vendors,
      String scenario,
      long seed,
      Clock clock,
      Map<String, Credentials> accepted) {}

  /** The running sandboxes. */
  interface Sandboxes extends AutoCloseable {
    String baseUrl(String vendor);

    /** Collection → resources created, e.g. {@code {"charges": 200}}. */
    Map<String, Integer> ledger(String vendor);

    @Override
    void close();
  }

  Sandboxes start(Request request);

  /**
   * Whether the sandboxes run on the {@link Request#clock()} they are given. If they do, the run
   * waits on virtual time; sandboxes that keep their own clock (already running, perhaps in another
   * process) are waited for in real time, since on virtual time the run would outrun their rate
   * limits, outages and token expiry.
   */
  default boolean followsRunClock() {
    return true;
  }
}
