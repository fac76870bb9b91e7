package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How a contracts folder divides into vendors, their webhooks and scenarios (nothing started). */
class SandboxFleetTest {

  private static SandboxFleet bundled;

  @BeforeAll
  static void loadTheBundledContracts() {
    bundled = Fixtures.bundledFleet();
  }

  @Test
  void eachVendorOfTheManifestHasAllItsVersions() {
    assertThat(bundled.vendors())
        .containsOnlyKeys("accounting", "fulfilment", "payments", "storefront");
    assertThat(bundled.vendors().get("fulfilment"))
        .extracting(c -> c.file().getFileName().toString())
        .containsExactlyInAnyOrder("v1.yaml", "v2.yaml");
  }

  @Test
  void aVendorDeliversTheWebhookSystemsNamedAfterItOnly() {
    assertThat(bundled.webhooksOf("storefront"))
        .extracting(AsyncApiContract::file)
        .extracting(f -> f.getFileName().toString())
        .containsExactly("storefront-webhooks.yaml");
    assertThat(bundled.webhooksOf("payments")).isEmpty();
    assertThat(bundled.asyncApi()).hasSizeGreaterThan(1);
  }

  @Test
  void aScenarioTakesTheManifestsSettingsOverItsDefaults(@TempDir Path dir) throws Exception {
    Path openApi = Files.createDirectories(dir.resolve("openapi/shop"));
    Files.copy(Fixtures.resource("openapi/3.0/shop.yaml"), openApi.resolve("v1.yaml"));
    Files.writeString(
        dir.resolve("interlock.yaml"),
        """
        interlock: 1
        name: scenarios
        vendors:
          shop:
            versions:
              "v1": { contract: openapi/shop/v1.yaml }
        scenarios:
          flaky: { errorRate: 0.5 }
        """);
    SandboxFleet fleet =
        SandboxFleet.of(new ContractLoader(LoadOptions.forRoot(dir)).loadAll(List.of(dir)));

    assertThat(fleet.scenario("flaky")).isEqualTo(new Scenario.Flaky(0.5, 0.05));
    assertThat(fleet.scenario("outage")).isEqualTo(Scenario.named("outage"));
    assertThatThrownBy(() -> fleet.scenario("sometimes"))
        .hasMessageContaining("unknown scenario 'sometimes'");
  }

  @Test
  void looseFilesHaveNoManifestSoNoWebhooksAndPlainScenarios() {
    OpenApiContract payments = bundled.vendors().get("payments").get(0);
    SandboxFleet loose = SandboxFleet.ofVendors(Map.of("2025-01-15", List.of(payments)));

    assertThat(loose.manifest()).isEmpty();
    assertThat(loose.webhooksOf("2025-01-15")).isEmpty();
    assertThat(loose.scenario("flaky")).isEqualTo(Scenario.named("flaky"));
    assertThatThrownBy(() -> loose.start(List.of("payments"), SandboxOptions.defaults()))
        .hasMessage("vendor 'payments' has no contract (vendors there: 2025-01-15)");
  }

  @Test
  void startingAnUnknownVendorSaysWhichAreKnown() {
    assertThatThrownBy(() -> bundled.start(List.of("billing"), SandboxOptions.defaults()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("vendor 'billing' has no contract in ")
        .hasMessageEndingWith(
            "contracts (vendors there: accounting, fulfilment, payments, storefront)");
  }
}
