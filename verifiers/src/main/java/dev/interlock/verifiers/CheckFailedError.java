package dev.interlock.verifiers;

import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.run.CheckResult;
import org.opentest4j.AssertionFailedError;

/**
 * How a failed check surfaces in JUnit (Surefire, IDEs, Allure): an assertion failure that carries
 * the result, with its findings rendered compiler-style as the message.
 */
public final class CheckFailedError extends AssertionFailedError {

  private static final long serialVersionUID = 1L;

  private final transient CheckResult result;

  public CheckFailedError(CheckResult result) {
    super(render(result));
    this.result = result;
  }

  public CheckResult result() {
    return result;
  }

  private static String render(CheckResult r) {
    StringBuilder s = new StringBuilder("[" + r.checkId() + "] " + r.message());
    if (!r.findings().isEmpty()) {
      s.append('\n').append(DiagnosticRenderer.relativeToWorkingDirectory().render(r.findings()));
    }
    return s.toString();
  }
}
