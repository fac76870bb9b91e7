package dev.interlock.verifiers;

import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The test factory every verification runs: {@link Verification#run} asks the JUnit Platform
 * launcher for it, and a test class that extends it runs the same tree under Surefire or an IDE,
 * with the run that {@link VerificationExtension} resolves.
 */
@ExtendWith(VerificationExtension.class)
public class VerificationTests {

  @TestFactory
  Stream<DynamicNode> interlock(VerificationRun run) {
    return run.dynamicTests();
  }
}
