package dev.interlock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Test classes run in parallel each get their own sandboxes. */
class ParallelClassesIT {

  static final Map<String, URI> uris = new ConcurrentHashMap<>();
  static final Map<String, dev.interlock.mocks.Sandbox> engines = new ConcurrentHashMap<>();

  /** Both classes' tests wait here until the other is running too: proof they overlap. */
  static volatile CountDownLatch bothRunning;

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class First {
    @Test
    void records(Sandbox greetings) throws InterruptedException {
      meet("first", greetings);
    }
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class Second {
    @Test
    void records(Sandbox greetings) throws InterruptedException {
      meet("second", greetings);
    }
  }

  static void meet(String who, Sandbox greetings) throws InterruptedException {
    uris.put(who, greetings.baseUri());
    engines.put(who, greetings.engine());
    bothRunning.countDown();
    assertThat(bothRunning.await(2, TimeUnit.MINUTES)).as("the other class ran meanwhile").isTrue();
    // each class's sandbox journals only its own class's request
    assertThat(MiniContracts.greet(greetings, who)).isEqualTo(201);
    assertThat(greetings.journal().size()).isEqualTo(1);
  }

  @Test
  void twoClassesRunInParallelGetDistinctSandboxes() {
    uris.clear();
    engines.clear();
    bothRunning = new CountDownLatch(2);

    EngineTestKit.engine("junit-jupiter")
        .configurationParameter("junit.jupiter.execution.parallel.enabled", "true")
        .configurationParameter(
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
        .configurationParameter("junit.jupiter.execution.parallel.config.strategy", "fixed")
        .configurationParameter("junit.jupiter.execution.parallel.config.fixed.parallelism", "2")
        .selectors(selectClass(First.class), selectClass(Second.class))
        .execute()
        .testEvents()
        .assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(uris.get("first").getPort()).isNotEqualTo(uris.get("second").getPort());
    assertThat(engines.get("first")).isNotSameAs(engines.get("second"));
    assertThat(engines.values()).noneMatch(dev.interlock.mocks.Sandbox::isRunning);
  }
}
