package dev.interlock.junit5.internal;

import dev.interlock.junit5.Journal;
import dev.interlock.junit5.Sandbox;
import dev.interlock.junit5.SandboxClock;
import dev.interlock.mocks.Ledger;
import dev.interlock.mocks.Scenario;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The handle of one started sandbox: the engine, the vendor it serves and the class's scenario,
 * which {@link #beginTest} restores whatever the previous test switched to.
 */
final class RunningSandbox implements Sandbox {

  private final String vendor;
  private final dev.interlock.mocks.Sandbox engine;
  private final Scenario classScenario;
  private final Function<String, Scenario> scenarios;
  private final Optional<SandboxClock> virtualClock;

  RunningSandbox(
      String vendor,
      dev.interlock.mocks.Sandbox engine,
      Scenario classScenario,
      Function<String, Scenario> scenarios,
      Optional<SandboxClock> virtualClock) {
    this.vendor = vendor;
    this.engine = engine;
    this.classScenario = classScenario;
    this.scenarios = scenarios;
    this.virtualClock = virtualClock;
  }

  /** A clean sandbox for the next test: no state, no journal, the class's scenario (reseeded). */
  void beginTest() {
    engine.reset();
    engine.setScenario(classScenario);
  }

  /** Puts the class's scenario back after a test that switched it. */
  void endTest() {
    engine.setScenario(classScenario);
  }

  @Override
  public String vendor() {
    return vendor;
  }

  @Override
  public URI baseUri() {
    return URI.create(engine.baseUrl());
  }

  @Override
  public List<String> versions() {
    return engine.versions();
  }

  @Override
  public String scenario() {
    return engine.scenario().name();
  }

  @Override
  public void scenario(String name) {
    engine.setScenario(scenarios.apply(name));
  }

  @Override
  public Journal journal() {
    return new Journal(vendor, engine.journal());
  }

  @Override
  public Ledger ledger() {
    return engine.ledger();
  }

  @Override
  public void reset() {
    engine.reset();
  }

  @Override
  public SandboxClock clock() {
    return virtualClock.orElseThrow(
        () ->
            new IllegalStateException(
                "sandbox "
                    + vendor
                    + " runs on the real clock: set @InterlockSandbox(time = Time.VIRTUAL) on the"
                    + " test class to get a SandboxClock"));
  }

  @Override
  public dev.interlock.mocks.Sandbox engine() {
    return engine;
  }

  void stop() {
    engine.close();
  }

  @Override
  public String toString() {
    return "sandbox " + vendor + " at " + engine.baseUrl() + " (" + scenario() + ")";
  }
}
