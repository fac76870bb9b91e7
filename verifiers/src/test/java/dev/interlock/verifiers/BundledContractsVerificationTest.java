package dev.interlock.verifiers;

import dev.interlock.core.Fixtures;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;

/**
 * The Surefire face of the engine: every check of a run over the bundled contracts, one dynamic
 * test per case, exactly as {@code interlock verify} runs them.
 */
class BundledContractsVerificationTest {

  private static VerificationContext context;

  @TestFactory
  Stream<DynamicNode> everyCheckPassesOnTheBundledContracts() {
    context = VerificationContext.load(VerificationOptions.of(Fixtures.bundledContracts(), 7));
    return InterlockVerification.dynamicTests(context, new RunRecorder());
  }

  @AfterAll
  static void closeSandboxes() {
    if (context != null) {
      context.close();
    }
  }
}
