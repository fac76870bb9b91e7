package dev.interlock.junit5;

import static dev.interlock.junit5.MiniContracts.greet;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A folder with a manifest: vendors by the manifest's ids, scenarios with its settings. */
@InterlockSandbox(contracts = "src/test/resources/manifest-contracts")
class ManifestIT {

  @Test
  void theVendorIsNamedByTheManifest(Sandbox hello) {
    assertThat(hello.vendor()).isEqualTo("hello");
    assertThat(greet(hello, "Ada")).isEqualTo(201);
  }

  @Test
  @Scenario("scripted")
  void aScenarioTakesTheManifestsSettings(@Vendor("hello") Sandbox hello) {
    assertThat(greet(hello, "Ada")).isEqualTo(503);
    assertThat(greet(hello, "Ada")).isEqualTo(429);
    assertThat(greet(hello, "Ada")).isEqualTo(201);
  }
}
