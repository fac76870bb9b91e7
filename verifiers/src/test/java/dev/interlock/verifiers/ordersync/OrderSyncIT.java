package dev.interlock.verifiers.ordersync;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.adapters.ordersync.OrderSyncOptions;
import dev.interlock.adapters.ordersync.OrderSyncOutcome;
import dev.interlock.adapters.ordersync.OrderSyncRun;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code interlock run order-sync} against the real sandboxes, on virtual time. */
class OrderSyncIT {

  static final Path CONTRACTS =
      Path.of(System.getProperty("interlock.root", "..")).resolve("contracts");

  @TempDir Path state;

  private static void assertExactlyOnce(OrderSyncOutcome o, int orders) {
    assertThat(o.ordersSynced()).as(o.render()).isEqualTo(orders);
    assertThat(o.ledger().get("payments")).containsEntry("charges", orders);
    assertThat(o.ledger().get("accounting")).containsEntry("journal-entries", orders);
    assertThat(o.ledger().get("fulfilment")).containsEntry("shipments", orders);
    assertThat(o.eventsEmitted()).isEqualTo(orders);
    assertThat(o.deadLetters()).isEmpty();
  }

  @Test
  void syncs200OrdersExactlyOnceOnAFlakySandbox() {
    OrderSyncOutcome o =
        OrderSyncRun.run(
            OrderSyncOptions.of(CONTRACTS, 200, "flaky", 7, state), new MocksSandboxLauncher());
    System.out.println(o.render());
    System.out.println(o.toJson());
    assertExactlyOnce(o, 200);
    assertThat(o.retries()).isPositive();
  }

  @Test
  void syncs200OrdersExactlyOnceWithDuplicateDeliveries() {
    OrderSyncOutcome o =
        OrderSyncRun.run(
            OrderSyncOptions.of(CONTRACTS, 200, "flaky", 7, state).withDuplicates(0.3),
            new MocksSandboxLauncher());
    System.out.println(o.render());
    assertExactlyOnce(o, 200);
    assertThat(o.duplicatesIgnored()).isPositive();
  }

  @Test
  void syncs200OrdersExactlyOnceWhenKilledAndRestartedMidway() {
    OrderSyncOutcome o =
        OrderSyncRun.run(
            OrderSyncOptions.of(CONTRACTS, 200, "flaky", 7, state)
                .withDuplicates(0.1)
                .withKillAfter(301),
            new MocksSandboxLauncher());
    System.out.println(o.render());
    assertThat(o.restarts()).isEqualTo(1);
    assertExactlyOnce(o, 200);
  }

  @Test
  void syncsWithFulfilmentV1() {
    OrderSyncOutcome o =
        OrderSyncRun.run(
            OrderSyncOptions.of(CONTRACTS, 20, "normal", 3, state).withFulfilmentVersion("v1"),
            new MocksSandboxLauncher());
    assertExactlyOnce(o, 20);
  }
}
