package dev.interlock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Events;

/** Sandboxes start once per class, stop after it, and bad settings fail the class readably. */
class LifecycleIT {

  static final List<dev.interlock.mocks.Sandbox> seen = new CopyOnWriteArrayList<>();
  static final List<URI> uris = new CopyOnWriteArrayList<>();

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class TwoTests {
    @Test
    void first(Sandbox greetings) {
      seen.add(greetings.engine());
    }

    @Test
    void second(Sandbox greetings) {
      seen.add(greetings.engine());
    }
  }

  @Test
  void sandboxesStartOncePerClassAndStopAfterIt() {
    seen.clear();
    run(TwoTests.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(seen).hasSize(2);
    assertThat(seen.get(0)).isSameAs(seen.get(1));
    assertThat(seen.get(0).isRunning()).isFalse();
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER)
  static class EveryVendor {
    @Test
    void both(@Vendor("greetings") URI greetings, @Vendor("weather") URI weather) {
      uris.add(greetings);
      uris.add(weather);
      assertThat(MiniContracts.get(weather, "/forecast")).isEqualTo(200);
    }
  }

  @Test
  void everyVendorOfTheFolderStartsWhenNoneAreNamed() {
    uris.clear();
    run(EveryVendor.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

    assertThat(uris).hasSize(2).doesNotHaveDuplicates();
  }

  @InterlockSandbox(contracts = "no/such/folder")
  static class MissingFolder {
    @Test
    void never() {}
  }

  @Test
  void aMissingContractsFolderFailsTheClassNamingTheFolder() {
    assertClassFailsWith(
        MissingFolder.class,
        "@InterlockSandbox on dev.interlock.junit5.LifecycleIT$MissingFolder: contracts folder"
            + " 'no/such/folder' does not exist (looked for ");
  }

  @InterlockSandbox(
      contracts = MiniContracts.FOLDER,
      vendors = {"greetings", "paymnts"})
  static class UnknownVendor {
    @Test
    void never() {}
  }

  @Test
  void anUnknownVendorFailsTheClassNamingTheKnownOnes() {
    assertClassFailsWith(
        UnknownVendor.class,
        "vendor 'paymnts' has no contract in ",
        "(vendors there: greetings, weather)");
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, scenario = "chaos")
  static class UnknownScenario {
    @Test
    void never() {}
  }

  @Test
  void anUnknownScenarioFailsTheClassNamingTheKnownOnes() {
    assertClassFailsWith(
        UnknownScenario.class,
        "unknown scenario 'chaos' (known: normal, flaky, slow, rate-limited, outage, scripted)");
  }

  @InterlockSandbox(contracts = "src/test/resources/broken-contracts")
  static class BrokenContract {
    @Test
    void never() {}
  }

  @Test
  void aContractThatCannotBeUsedFailsTheClassWithItsLocatedDiagnostic() {
    assertClassFailsWith(
        BrokenContract.class, "holds contracts that cannot be used:", "openapi/shop/v1.yaml:");
  }

  private static void assertClassFailsWith(Class<?> fixture, String... fragments) {
    Events containers = run(fixture).containerEvents();
    containers
        .assertThatEvents()
        .haveExactly(
            1,
            event(
                container(fixture),
                finishedWithFailure(
                    instanceOf(ExtensionConfigurationException.class),
                    message(m -> List.of(fragments).stream().allMatch(m::contains)))));
  }

  static org.junit.platform.testkit.engine.EngineExecutionResults run(Class<?> fixture) {
    return EngineTestKit.engine("junit-jupiter").selectors(selectClass(fixture)).execute();
  }
}
