package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Starting a sandbox per vendor on real loopback ports. */
class SandboxFleetIT {

  private static SandboxFleet bundled;

  @BeforeAll
  static void loadTheBundledContracts() {
    bundled = Fixtures.bundledFleet();
  }

  @Test
  void eachVendorGetsItsVersionsItsWebhooksAndTheSharedOptions() {
    SandboxOptions options =
        SandboxOptions.builder().seed(7).scenario(bundled.scenario("flaky")).build();
    Map<String, Sandbox> started = bundled.start(List.of("storefront", "fulfilment"), options);
    try {
      assertThat(started).containsOnlyKeys("storefront", "fulfilment");
      assertThat(started.keySet()).containsExactly("storefront", "fulfilment");
      assertThat(started.get("fulfilment").versions()).hasSize(2);
      assertThat(started.get("storefront").options().events())
          .isEqualTo(bundled.webhooksOf("storefront"))
          .isNotEmpty();
      assertThat(started.get("fulfilment").options().events()).isEmpty();
      assertThat(started.values())
          .allSatisfy(s -> assertThat(s.options().seed()).isEqualTo(7))
          .allSatisfy(s -> assertThat(s.scenario()).isEqualTo(bundled.scenario("flaky")));
    } finally {
      started.values().forEach(Sandbox::close);
    }
  }

  @Test
  void aGivenPortIsTheFirstVendorsAndTheNextOnesCountUp() throws IOException {
    int first = twoFreePortsInARow();
    Map<String, Sandbox> started =
        bundled.start(
            List.of("payments", "accounting"), SandboxOptions.builder().port(first).build());
    try {
      assertThat(started.get("payments").port()).isEqualTo(first);
      assertThat(started.get("accounting").port()).isEqualTo(first + 1);
    } finally {
      started.values().forEach(Sandbox::close);
    }
  }

  @Test
  void whenOneVendorCannotStartTheOnesAlreadyStartedAreClosed() throws IOException {
    int first = twoFreePortsInARow();
    try (ServerSocket taken = new ServerSocket(first + 1, 1, InetAddress.getLoopbackAddress())) {
      assertThatThrownBy(
              () ->
                  bundled.start(
                      List.of("payments", "accounting"),
                      SandboxOptions.builder().port(first).build()))
          .isInstanceOf(RuntimeException.class);
    }
    // payments' sandbox held the first port; it is free again only if it was closed
    try (ServerSocket again = new ServerSocket(first, 1, InetAddress.getLoopbackAddress())) {
      assertThat(again.getLocalPort()).isEqualTo(first);
    }
  }

  /** A port the system chose whose successor is free too (tried, then released). */
  private static int twoFreePortsInARow() throws IOException {
    for (int attempt = 0; attempt < 50; attempt++) {
      int port;
      try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        port = probe.getLocalPort();
      }
      try (ServerSocket a = new ServerSocket(port, 1, InetAddress.getLoopbackAddress());
          ServerSocket b = new ServerSocket(port + 1, 1, InetAddress.getLoopbackAddress())) {
        return port;
      } catch (IOException busy) {
        // try another pair
      }
    }
    throw new IllegalStateException("no two free loopback ports in a row");
  }
}
