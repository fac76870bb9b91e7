package dev.interlock.cli;

import dev.interlock.mocks.Sandbox;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;

/**
 * The engine's entry point for a caller in another class loader: the Maven plugin runs this jar and
 * its dependencies in an isolated loader (it cannot depend on cli at compile time: the reactor's
 * own generated clients are built with the plugin). Only JDK types cross that boundary, so this
 * surface stays small and stable: plain arguments as on the command line, streams, exit codes, and
 * a sandbox handle seen through {@link AutoCloseable} and {@link java.util.function.Supplier}.
 */
public final class Embedded {

  private Embedded() {}

  /**
   * Runs {@code interlock ARGS...} without ever exiting the JVM.
   *
   * @return the exit code: 0 pass, 1 a check failed, 2 unusable input, 3 internal error
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    return InterlockCommand.run(args, writer(out), writer(err));
  }

  /**
   * {@code interlock diff BASE CONTRACTS OPTIONS...}, where the base is a folder or a git ref (read
   * with {@code git archive}, the work tree untouched).
   */
  public static int diff(
      String contracts, String base, String[] options, PrintStream out, PrintStream err) {
    Path old = Path.of(base);
    if (!Files.isDirectory(old)) {
      try {
        old = GitBase.export(Path.of(contracts), base);
      } catch (UsageException e) {
        err.println("interlock: " + e.getMessage());
        return ExitCode.UNUSABLE_INPUT;
      }
    }
    List<String> args = new ArrayList<>(List.of("diff", old.toString(), contracts));
    args.addAll(List.of(options));
    return run(args.toArray(String[]::new), out, err);
  }

  /**
   * Starts a sandbox per vendor as {@code interlock sandbox ARGS...} would, and returns at once.
   *
   * @throws IllegalArgumentException when the arguments or the contracts cannot be used; the
   *     message says why, the diagnostics went to {@code out}
   */
  public static EmbeddedSandboxes startSandboxes(String[] args, PrintStream out, PrintStream err) {
    SandboxCommand command = new SandboxCommand();
    PrintWriter o = writer(out);
    PrintWriter e = writer(err);
    try {
      new CommandLine(command).parseArgs(args);
    } catch (CommandLine.ParameterException ex) {
      throw new IllegalArgumentException("interlock sandbox: " + ex.getMessage());
    }
    Sandbox.prepareInBackground();
    Map<String, Sandbox> started;
    try {
      started = command.startByVendor(new Console(o, e, false));
    } catch (UsageException | IllegalArgumentException ex) {
      throw new IllegalArgumentException("interlock sandbox: " + ex.getMessage());
    } finally {
      o.flush();
      e.flush();
    }
    if (started.isEmpty()) {
      throw new IllegalArgumentException(
          "interlock sandbox: nothing to serve (the contracts could not be used; see above)");
    }
    return new EmbeddedSandboxes(started);
  }

  private static PrintWriter writer(PrintStream stream) {
    return new PrintWriter(new java.io.OutputStreamWriter(stream, StandardCharsets.UTF_8), true);
  }
}
