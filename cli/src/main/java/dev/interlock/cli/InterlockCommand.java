package dev.interlock.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The {@code interlock} command. */
@Command(
    name = "interlock",
    mixinStandardHelpOptions = true,
    versionProvider = InterlockCommand.Version.class,
    description = "Contract testing and integration verification for vendor APIs.",
    subcommands = {
      LintCommand.class,
      VerifyCommand.class,
      DiffCommand.class,
      CompatCommand.class,
      SandboxCommand.class,
      StubCommand.class,
      RunCommand.class,
      ReportCommand.class,
      InitCommand.class,
      NewCommand.class,
      PactsCommand.class,
      CanIDeployCommand.class,
      RecordDeploymentCommand.class,
      RecordReleaseCommand.class,
      CommandLine.HelpCommand.class
    })
public final class InterlockCommand implements Callable<Integer> {

  @Spec CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--stacktrace",
      scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of internal errors.")
  boolean stacktrace;

  @Override
  public Integer call() {
    spec.commandLine().usage(spec.commandLine().getOut());
    return ExitCode.UNUSABLE_INPUT;
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line; the exit code follows {@link ExitCode}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    InterlockCommand root = new InterlockCommand();
    CommandLine cli = new CommandLine(root);
    cli.setOut(out);
    cli.setErr(err);
    cli.setCaseInsensitiveEnumValuesAllowed(true);
    cli.setExitCodeExceptionMapper(e -> ExitCode.INTERNAL_ERROR);
    cli.setParameterExceptionHandler(
        (ex, a) -> {
          PrintWriter e = ex.getCommandLine().getErr();
          e.println("interlock: " + ex.getMessage());
          e.println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help'.");
          return ExitCode.UNUSABLE_INPUT;
        });
    cli.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          PrintWriter e = commandLine.getErr();
          if (ex instanceof UsageException usage) {
            e.println("interlock: " + usage.getMessage());
            return ExitCode.UNUSABLE_INPUT;
          }
          e.println("interlock: internal error: " + ex);
          if (root.stacktrace) {
            ex.printStackTrace(e);
          } else {
            e.println("(run again with --stacktrace for details, and please report it)");
          }
          return ExitCode.INTERNAL_ERROR;
        });
    try {
      return cli.execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  /** Reads the version Maven filtered into {@code interlock-version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"interlock " + version()};
    }

    static String version() {
      try (var in = InterlockCommand.class.getResourceAsStream("/interlock-version.properties")) {
        var p = new Properties();
        if (in != null) {
          p.load(in);
        }
        return p.getProperty("version", "dev");
      } catch (IOException e) {
        return "dev";
      }
    }
  }
}
