package dev.interlock.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/**
 * Where a command writes: results to {@code out}, progress and problems to {@code err}. The
 * progress line is drawn only on a terminal, so CI logs and pipes stay clean.
 */
public final class Console {

  private final PrintWriter out;
  private final PrintWriter err;
  private final boolean interactive;
  private boolean progressShown;

  public Console(PrintWriter out, PrintWriter err, boolean interactive) {
    this.out = out;
    this.err = err;
    this.interactive = interactive;
  }

  public PrintWriter out() {
    return out;
  }

  public PrintWriter err() {
    return err;
  }

  /** Whether a person is watching (a terminal), so progress may be drawn. */
  public boolean interactive() {
    return interactive;
  }

  /** A single, overwritten status line for long loads: {@code [12/40] loading openapi/x.yaml}. */
  public void progress(Path file, int index, int total) {
    if (!interactive || total < 2) {
      return;
    }
    String name = file.getFileName().toString();
    String line = "[" + index + "/" + total + "] loading " + name;
    err.print("\r" + line + " ".repeat(Math.max(0, 60 - line.length())));
    err.flush();
    progressShown = true;
  }

  public void endProgress() {
    if (progressShown) {
      err.print("\r" + " ".repeat(72) + "\r");
      err.flush();
      progressShown = false;
    }
  }
}
