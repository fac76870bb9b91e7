package dev.interlock.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.interlock.clients.payments.v2025_01_15.PaymentsAdapter;
import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/**
 * Parameters the extension cannot fill fail their test saying why; nested classes and per-class
 * test instances see the class's sandboxes.
 */
class ParameterResolutionIT {

  static final List<URI> uris = new CopyOnWriteArrayList<>();

  @InterlockSandbox(contracts = MiniContracts.FOLDER)
  static class TwoVendors {
    @Test
    void withoutVendor(Sandbox which) {}

    @Test
    void vendorNotStarted(@Vendor("payments") URI payments) {}

    @Test
    void adapterOfAVendorNotStarted(PaymentsAdapter payments) {}
  }

  @Test
  void anAmbiguousOrAbsentVendorFailsTheTestNamingTheRunningOnes() {
    var tests = LifecycleIT.run(TwoVendors.class).testEvents();

    tests.assertStatistics(s -> s.failed(3));
    tests
        .assertThatEvents()
        .haveExactly(
            1,
            failure(
                "parameter 'which' of withoutVendor: this class runs 2 sandboxes (greetings,"
                    + " weather); say which with @Vendor(\"...\")"))
        .haveExactly(
            1,
            failure(
                "parameter 'payments' of vendorNotStarted: @Vendor names vendor 'payments', but"
                    + " this class runs only greetings, weather (add it to"
                    + " @InterlockSandbox(vendors = ...))"))
        .haveExactly(
            1,
            failure(
                "parameter 'payments' of adapterOfAVendorNotStarted: PaymentsAdapter calls vendor"
                    + " 'payments', but this class runs only greetings, weather (add it to"
                    + " @InterlockSandbox(vendors = ...))"));
  }

  private static org.assertj.core.api.Condition<org.junit.platform.testkit.engine.Event> failure(
      String text) {
    return finishedWithFailure(
        instanceOf(ParameterResolutionException.class), message(m -> m.contains(text)));
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  static class Outer {
    @Test
    void outer(URI greetings) {
      uris.add(greetings);
    }

    @Nested
    class Inner {
      @Test
      void inner(URI greetings) {
        uris.add(greetings);
      }
    }
  }

  @Test
  void aNestedClassSharesItsEnclosingClassSandboxes() {
    uris.clear();
    LifecycleIT.run(Outer.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

    assertThat(uris).hasSize(2);
    assertThat(uris.get(0)).isEqualTo(uris.get(1));
  }

  @InterlockSandbox(contracts = MiniContracts.FOLDER, vendors = "greetings")
  @TestInstance(TestInstance.Lifecycle.PER_CLASS)
  static class PerClass {
    private final URI fromConstructor;

    PerClass(URI greetings) {
      this.fromConstructor = greetings;
    }

    @Test
    void same(URI greetings) {
      uris.add(fromConstructor);
      uris.add(greetings);
    }
  }

  @Test
  void aPerClassInstanceGetsTheSandboxesInItsConstructor() {
    uris.clear();
    LifecycleIT.run(PerClass.class).testEvents().assertStatistics(s -> s.succeeded(1).failed(0));

    assertThat(uris).hasSize(2);
    assertThat(uris.get(0)).isEqualTo(uris.get(1));
  }
}
