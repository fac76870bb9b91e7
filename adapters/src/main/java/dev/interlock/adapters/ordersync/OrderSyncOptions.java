package dev.interlock.adapters.ordersync;

import java.nio.file.Path;

/**
 * One {@code interlock run order-sync}.
 *
 * @param contractsDir the contracts folder (manifest, OpenAPI and AsyncAPI contracts)
 * @param orders how many generated orders the storefront delivers
 * @param scenario the sandboxes' scenario ({@code normal}, {@code flaky}, {@code rate-limited},
 *     {@code slow}, {@code outage})
 * @param seed every random choice: orders, faults, backoff jitter, delivery order
 * @param fulfilmentVersion {@code v1} or {@code v2}; null: what the manifest's adapter uses
 * @param stateDir where the progress journal, dead letters and sandbox secrets are kept
 * @param duplicates share of events delivered twice (0..1), re-deliveries in shuffled order
 * @param killAfter simulate a crash after this many side effects (0: never), then restart from
 *     {@code stateDir}
 */
public record OrderSyncOptions(
    Path contractsDir,
    int orders,
    String scenario,
    long seed,
    String fulfilmentVersion,
    Path stateDir,
    double duplicates,
    int killAfter) {

  public OrderSyncOptions {
    if (orders < 0) {
      throw new IllegalArgumentException("--orders must not be negative");
    }
    if (duplicates < 0 || duplicates > 1) {
      throw new IllegalArgumentException("--duplicates is a share between 0 and 1");
    }
    if (fulfilmentVersion != null && !fulfilmentVersion.matches("v[12]")) {
      throw new IllegalArgumentException("--fulfilment-version must be v1 or v2");
    }
  }

  public static OrderSyncOptions of(
      Path contractsDir, int orders, String scenario, long seed, Path stateDir) {
    return new OrderSyncOptions(contractsDir, orders, scenario, seed, null, stateDir, 0, 0);
  }

  public OrderSyncOptions withDuplicates(double share) {
    return new OrderSyncOptions(
        contractsDir, orders, scenario, seed, fulfilmentVersion, stateDir, share, killAfter);
  }

  public OrderSyncOptions withKillAfter(int sideEffects) {
    return new OrderSyncOptions(
        contractsDir, orders, scenario, seed, fulfilmentVersion, stateDir, duplicates, sideEffects);
  }

  public OrderSyncOptions withFulfilmentVersion(String version) {
    return new OrderSyncOptions(
        contractsDir, orders, scenario, seed, version, stateDir, duplicates, killAfter);
  }
}
