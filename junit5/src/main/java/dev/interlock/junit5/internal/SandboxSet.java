package dev.interlock.junit5.internal;

import dev.interlock.junit5.InterlockSandbox;
import dev.interlock.junit5.SandboxClock;
import dev.interlock.junit5.Time;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxFleet;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.mocks.Scenario;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The sandboxes one test class started, kept in the class's {@link ExtensionContext.Store}: JUnit
 * closes it when the class is done, so every class (parallel ones too) has its own, and nothing is
 * static. AutoCloseable is what JUnit 5.13+ closes; CloseableResource is for older versions.
 */
@SuppressWarnings("deprecation")
public final class SandboxSet implements AutoCloseable, ExtensionContext.Store.CloseableResource {

  private final Map<String, RunningSandbox> running;
  private final Optional<VirtualClock> virtualClock;

  private SandboxSet(Map<String, RunningSandbox> running, Optional<VirtualClock> virtualClock) {
    this.running = running;
    this.virtualClock = virtualClock;
  }

  /**
   * Starts the sandboxes the annotation names, on free loopback ports.
   *
   * @throws IllegalArgumentException for an unknown vendor or scenario, saying which are known
   */
  public static SandboxSet start(InterlockSandbox config, ContractsFolder folder) {
    SandboxFleet fleet = folder.fleet();
    List<String> wanted =
        config.vendors().length == 0
            ? List.copyOf(fleet.vendors().keySet())
            : List.of(config.vendors());
    Scenario scenario = fleet.scenario(config.scenario());
    Optional<VirtualClock> virtualClock =
        config.time() == Time.VIRTUAL ? Optional.of(new VirtualClock()) : Optional.empty();
    SandboxOptions options =
        SandboxOptions.builder()
            .clock(virtualClock.map(SandboxClock::asClock).orElse(Clock.systemUTC()))
            .port(0)
            .bindAddress(SandboxOptions.LOOPBACK)
            .seed(config.seed())
            .scenario(scenario)
            .build();
    Sandbox.prepareInBackground();
    Map<String, RunningSandbox> running = new LinkedHashMap<>();
    fleet
        .start(wanted, options)
        .forEach(
            (vendor, engine) ->
                running.put(
                    vendor,
                    new RunningSandbox(
                        vendor,
                        engine,
                        scenario,
                        fleet::scenario,
                        virtualClock.map(SandboxClock.class::cast))));
    return new SandboxSet(running, virtualClock);
  }

  public Collection<? extends dev.interlock.junit5.Sandbox> all() {
    return running.values();
  }

  public Optional<dev.interlock.junit5.Sandbox> get(String vendor) {
    return Optional.ofNullable(running.get(vendor));
  }

  public List<String> vendors() {
    return List.copyOf(running.keySet());
  }

  /** The clock the sandboxes share, when the class runs on virtual time. */
  public Optional<SandboxClock> virtualClock() {
    return virtualClock.map(SandboxClock.class::cast);
  }

  /**
   * Before each test: the virtual clock back at its start (first, so that the scenarios restart
   * there), state, ledger and journal forgotten, the class's scenario back.
   */
  public void beginTest() {
    virtualClock.ifPresent(VirtualClock::rewind);
    running.values().forEach(RunningSandbox::beginTest);
  }

  /** After each test: the class's scenario back, whatever the test switched to. */
  public void endTest() {
    running.values().forEach(RunningSandbox::endTest);
  }

  /** Switches the named vendors (all when none are named) to the scenario. */
  public void switchScenario(String name, List<String> vendors) {
    for (String vendor : vendors) {
      if (!running.containsKey(vendor)) {
        throw new IllegalArgumentException(
            "@Scenario names vendor '"
                + vendor
                + "', but this class runs only "
                + String.join(", ", running.keySet()));
      }
    }
    List<RunningSandbox> targets = new ArrayList<>();
    for (Map.Entry<String, RunningSandbox> e : running.entrySet()) {
      if (vendors.isEmpty() || vendors.contains(e.getKey())) {
        targets.add(e.getValue());
      }
    }
    targets.forEach(s -> s.scenario(name));
  }

  @Override
  public void close() {
    running.values().forEach(RunningSandbox::stop);
  }
}
