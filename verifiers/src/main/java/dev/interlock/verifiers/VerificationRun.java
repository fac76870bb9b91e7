package dev.interlock.verifiers;

import dev.interlock.core.Diagnostics;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
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
 * One verification in progress: the loaded contracts and shared sandboxes, the plan of the selected
 * cases, and the results in the order they are recorded. Closing it stops the sandboxes.
 */
public final class VerificationRun implements AutoCloseable {

  private final VerificationContext context;
  private final Verification.Listener listener;
  private final List<CheckResult> results = new ArrayList<>();

  private VerificationRun(VerificationContext context, Verification.Listener listener) {
    this.context = context;
    this.listener = listener;
  }

  /**
   * Loads the options' contracts folder.
   *
   * @throws UnusableContractsException when the contracts cannot be used
   */
  public static VerificationRun open(VerificationOptions options, Verification.Listener listener) {
    VerificationContext context = VerificationContext.load(options);
    if (Diagnostics.anyUnusableInput(context.contracts().diagnostics())) {
      context.close();
      throw new UnusableContractsException(
          context.contracts().diagnostics().stream().filter(Diagnostics::isUnusableInput).toList());
    }
    return new VerificationRun(context, listener);
  }

  /** The planned cases of the selected checks, in this runner's shard, in execution order. */
  public Map<Check, List<CheckCase>> plan() {
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

  /**
   * The plan as JUnit 5 dynamic tests: one container per check id, one test per case. A failed
   * result fails its test with {@link CheckFailedError}; a skipped one aborts it.
   */
  public Stream<DynamicNode> dynamicTests() {
    Map<Check, List<CheckCase>> plan = plan();
    listener.planned(plan.values().stream().mapToInt(List::size).sum());
    return plan.entrySet().stream()
        .map(
            e ->
                DynamicContainer.dynamicContainer(
                    e.getKey().id(),
                    e.getValue().stream()
                        .map(c -> DynamicTest.dynamicTest(c.name(), () -> execute(c)))));
  }

  private void execute(CheckCase c) {
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
    record(result);
    if (result.outcome() == Outcome.FAILED) {
      throw new CheckFailedError(result);
    }
    if (result.outcome() == Outcome.SKIPPED) {
      throw new TestAbortedException(result.message());
    }
  }

  private void record(CheckResult result) {
    synchronized (results) {
      results.add(result);
    }
    listener.finished(result);
  }

  /** The results recorded so far, in execution order. */
  public List<CheckResult> results() {
    synchronized (results) {
      return List.copyOf(results);
    }
  }

  /** The immutable model of the run as it stands. */
  public RunReport report(Instant startedAt, Duration duration) {
    VerificationOptions o = context.options();
    return RunReportAssembler.assemble(
        context, results(), o.interlockVersion(), o.command(), startedAt, duration);
  }

  private static String stackTrace(Throwable e) {
    StringWriter w = new StringWriter();
    e.printStackTrace(new PrintWriter(w));
    return w.toString();
  }

  @Override
  public void close() {
    context.close();
  }
}
