package dev.interlock.verifiers;

import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Outcome;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.TestAbortedException;

/**
 * Turns the planned cases of every selected check into JUnit 5 dynamic tests: one container per
 * check id, one test per case. The same tree runs under Surefire (a {@code @TestFactory} in the
 * tests) and under {@code interlock verify} (the JUnit Platform launcher), so IDEs, Surefire
 * reports and Allure see every result.
 */
public final class InterlockVerification {

  private InterlockVerification() {}

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  /** The planned cases of the selected checks, in this runner's shard. */
  public static Map<Check, List<CheckCase>> plan(VerificationContext context) {
    Map<Check, List<CheckCase>> plan = new LinkedHashMap<>();
    for (Check check : Checks.all()) {
      if (!context.options().selects(check.id())) {
        continue;
      }
      List<CheckCase> cases = new ArrayList<>();
      for (CheckCase c : check.plan(context)) {
        if (context.options().shard().includes(c)) {
          cases.add(c);
        }
      }
      if (!cases.isEmpty()) {
        plan.put(check, cases);
      }
    }
    return plan;
  }

  public static Stream<DynamicNode> dynamicTests(
      VerificationContext context, RunRecorder recorder) {
    return dynamicTests(context, plan(context), recorder);
  }

  public static Stream<DynamicNode> dynamicTests(
      VerificationContext context, Map<Check, List<CheckCase>> plan, RunRecorder recorder) {
    return plan.entrySet().stream()
        .map(
            e ->
                DynamicContainer.dynamicContainer(
                    e.getKey().id(),
                    e.getValue().stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> execute(c, recorder)))));
  }

  private static void execute(CheckCase c, RunRecorder recorder) {
    CheckResult result;
    try {
      result = c.body().get();
    } catch (RuntimeException | LinkageError e) {
      // A check that crashes is Interlock's bug, not the contract's: record it as such.
      result =
          Results.of(c.checkId(), c.name())
              .internalError(e.getClass().getName())
              .evidence(Evidence.text("stack trace", stackTrace(e)))
              .failed("internal error while checking: " + e);
    }
    recorder.record(result);
    if (result.outcome() == Outcome.FAILED) {
      throw new CheckFailedError(result);
    }
    if (result.outcome() == Outcome.SKIPPED) {
      throw new TestAbortedException(result.message());
    }
  }
}
