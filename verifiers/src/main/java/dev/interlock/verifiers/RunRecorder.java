package dev.interlock.verifiers;

import dev.interlock.core.run.CheckResult;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** Collects results in execution order while dynamic tests run, and tells a listener of each. */
public final class RunRecorder {

  private final List<CheckResult> results = new ArrayList<>();
  private final Consumer<CheckResult> listener;

  public RunRecorder() {
    this(r -> {});
  }

  public RunRecorder(Consumer<CheckResult> listener) {
    this.listener = listener;
  }

  public synchronized void record(CheckResult result) {
    results.add(result);
    listener.accept(result);
  }

  public synchronized List<CheckResult> results() {
    return List.copyOf(results);
  }
}
