package dev.interlock.verifiers.checks;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.mocks.Sandbox;
import dev.interlock.mocks.SandboxOptions;
import dev.interlock.verifiers.VerificationContext;
import java.util.List;

/**
 * The run's sandboxes: one per vendor, serving all of its versions, started on first use with the
 * run's seed and closed when the run ends. Checks that change a sandbox's scenario or state set it
 * back before they return.
 */
final class SharedSandboxes {

  private SharedSandboxes() {}

  static Sandbox of(VerificationContext context, String vendor) {
    return context.shared(
        "sandbox:" + vendor,
        () -> {
          List<OpenApiContract> versions =
              context.contracts().openApi().stream()
                  .filter(c -> context.vendorOf(c).equals(vendor))
                  .toList();
          return Sandbox.start(versions, SandboxOptions.builder().seed(context.seed()).build());
        });
  }
}
