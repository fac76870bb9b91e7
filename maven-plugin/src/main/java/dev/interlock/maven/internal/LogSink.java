package dev.interlock.maven.internal;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.Consumer;

/**
 * The engine's console as seen from Maven: every line goes to the build log as it comes, and the
 * last lines are kept so a failure can repeat the diagnostics that explain it. A carriage return (a
 * progress bar redrawing itself) drops the unfinished line instead of logging each frame.
 */
public final class LogSink extends OutputStream {

  private static final int KEPT_LINES = 400;

  private final Consumer<String> log;
  private final ByteArrayOutputStream line = new ByteArrayOutputStream();
  private final Deque<String> transcript = new ArrayDeque<>();

  public LogSink(Consumer<String> log) {
    this.log = log;
  }

  /** A UTF-8 print stream over this sink. */
  public PrintStream stream() {
    return new PrintStream(this, true, StandardCharsets.UTF_8);
  }

  @Override
  public synchronized void write(int b) {
    if (b == '\n') {
      emit();
    } else if (b == '\r') {
      line.reset();
    } else {
      line.write(b);
    }
  }

  @Override
  public synchronized void flush() {
    // a partial line stays until its newline: flushing mid-line must not split it in the log
  }

  @Override
  public synchronized void close() {
    if (line.size() > 0) {
      emit();
    }
  }

  /** The lines logged so far (at most the last {@value #KEPT_LINES}), joined by newlines. */
  public synchronized String transcript() {
    return String.join("\n", transcript);
  }

  private void emit() {
    String text = line.toString(StandardCharsets.UTF_8);
    line.reset();
    log.accept(text);
    transcript.addLast(text);
    if (transcript.size() > KEPT_LINES) {
      transcript.removeFirst();
    }
  }
}
