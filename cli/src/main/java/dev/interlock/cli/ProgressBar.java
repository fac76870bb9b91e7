package dev.interlock.cli;

import dev.interlock.core.run.CheckResult;
import dev.interlock.verifiers.Verification;

/** A one-line progress bar on a terminal; silent in CI logs. */
final class ProgressBar implements Verification.Listener {
  private final Console console;
  private int total;
  private int done;

  ProgressBar(Console console) {
    this.console = console;
  }

  @Override
  public void planned(int cases) {
    total = cases;
  }

  @Override
  public synchronized void finished(CheckResult result) {
    done++;
    if (console.interactive()) {
      int filled = total == 0 ? 0 : (int) (30L * done / total);
      console
          .err()
          .print(
              "\r["
                  + "#".repeat(filled)
                  + ".".repeat(30 - filled)
                  + "] "
                  + done
                  + "/"
                  + total
                  + " "
                  + result.checkId()
                  + "          ");
      console.err().flush();
    }
  }

  void done() {
    if (console.interactive()) {
      console.err().print("\r" + " ".repeat(90) + "\r");
      console.err().flush();
    }
  }
}
