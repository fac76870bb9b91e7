package dev.interlock.cli;

import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.ReportOptions;
import dev.interlock.reports.Reports;
import dev.interlock.verifiers.Shard;
import dev.interlock.verifiers.UnusableContractsException;
import dev.interlock.verifiers.Verification;
import dev.interlock.verifiers.VerificationOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock verify}: the CI face. Every check, one exit code, reports written. */
@Command(
    name = "verify",
    mixinStandardHelpOptions = true,
    description = {
      "Verify the contracts folder: every check, one exit code, reports written.",
      "Exit 0 all checks pass, 1 a check failed, 2 unusable input, 3 internal error."
    })
public final class VerifyCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--contracts",
      paramLabel = "DIR",
      description = "The contracts folder (default: ${DEFAULT-VALUE}).",
      defaultValue = "contracts")
  Path contracts;

  @Option(
      names = "--check",
      paramLabel = "ID-GLOB",
      split = ",",
      description = "Run only these checks, e.g. 'adapter.*' (repeatable).")
  List<String> checks = new ArrayList<>();

  @Option(
      names = "--seed",
      description = "Seed of every random choice (default: a fresh one, printed).")
  Long seed;

  @Option(
      names = "--fail-on",
      description = "error or warning (default: ${DEFAULT-VALUE}).",
      defaultValue = "error")
  Severity failOn;

  @Option(
      names = "--shard",
      paramLabel = "K/N",
      description = "Run the K-th of N stable shares of the checks.",
      defaultValue = "1/1")
  String shard;

  @Option(
      names = "--base",
      paramLabel = "DIR|GIT-REF",
      description =
          "Compare every contract against this base (a folder, or a git ref read with git).")
  String base;

  @Option(
      names = "--reports",
      paramLabel = "DIR",
      description = "Where reports go (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/interlock-reports")
  Path reports;

  @Mixin LoadingOptions loading;

  @Mixin KafkaOptions kafka;

  @Mixin DocsUrlOption docs;

  @Mixin BrokerOptions broker;

  @Override
  public Integer call() {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    if (!Files.isDirectory(contracts)) {
      throw new UsageException(
          contracts
              + ": no contracts folder here (run from a folder that has contracts/interlock.yaml, or pass --contracts DIR)");
    }
    Shard share;
    try {
      share = Shard.parse(shard);
    } catch (IllegalArgumentException e) {
      throw new UsageException("--shard: " + e.getMessage());
    }
    ReportOptions reportOptions = reportOptions();
    long runSeed = seed != null ? seed : new SecureRandom().nextLong() & Long.MAX_VALUE;
    VerificationOptions options =
        VerificationOptions.of(contracts, runSeed)
            .withChecks(checks)
            .withShard(share)
            .withLoadOptions(loading.forRoot(contracts));
    if (kafka.bootstrap() != null) {
      options = options.withKafka(kafka.bootstrap());
    }
    if (base != null) {
      options =
          options.withBase(
              Files.isDirectory(Path.of(base)) ? Path.of(base) : GitBase.export(contracts, base));
    }
    options = options.withIdentity(reproduce(runSeed), InterlockCommand.Version.version());
    console
        .err()
        .println(
            "interlock verify: seed " + runSeed + (share.count() > 1 ? ", shard " + share : ""));
    ProgressBar bar = new ProgressBar(console);
    RunReport run;
    try {
      run =
          broker.requested()
              ? BrokerVerification.run(options, broker, reports, console, bar, System.getenv())
              : Verification.run(options, bar);
    } catch (UnusableContractsException e) {
      console.out().print(DiagnosticRenderer.relativeToWorkingDirectory().render(e.diagnostics()));
      console
          .out()
          .println("interlock verify: the contracts could not be used; nothing was verified");
      return ExitCode.UNUSABLE_INPUT;
    } finally {
      bar.done();
    }
    printFailures(run, console);
    printSummary(run, console);
    writeReports(run, reportOptions, console);
    return exitCode(run);
  }

  /** Writes every report format, Allure results among them, from the one redacted run. */
  private void writeReports(RunReport run, ReportOptions options, Console console) {
    List<String> written = new ArrayList<>();
    for (Path output : Reports.writeAll(run, reports, options)) {
      String name = reports.relativize(output).toString();
      written.add(Files.isDirectory(output) ? name + "/" : name);
    }
    console
        .out()
        .println(
            "reports: "
                + reports.toAbsolutePath().normalize()
                + " ("
                + String.join(", ", written)
                + ")");
  }

  /** CI links, the contracts folder as the reports show it, and {@code --docs-url}. */
  private ReportOptions reportOptions() {
    Path cwd = Path.of("").toAbsolutePath();
    Path dir = contracts.toAbsolutePath().normalize();
    return docs.applyTo(
        ReportOptions.fromEnvironment(System.getenv())
            .withContractsDir(
                dir.startsWith(cwd) ? cwd.relativize(dir).toString() : dir.toString()));
  }

  private String reproduce(long runSeed) {
    List<String> parts =
        new ArrayList<>(
            List.of(
                "interlock",
                "verify",
                "--contracts",
                contracts.toString(),
                "--seed",
                Long.toString(runSeed)));
    checks.forEach(c -> parts.addAll(List.of("--check", c)));
    if (!"1/1".equals(shard)) {
      parts.addAll(List.of("--shard", shard));
    }
    if (base != null) {
      parts.addAll(List.of("--base", base));
    }
    if (broker.requested()) {
      parts.addAll(broker.reproduce());
    }
    if (kafka.bootstrap != null) {
      parts.addAll(List.of("--kafka", kafka.bootstrap));
    }
    return String.join(" ", parts);
  }

  private int exitCode(RunReport run) {
    if (run.results().stream().anyMatch(CheckResult::internalError)) {
      return ExitCode.INTERNAL_ERROR;
    }
    boolean failed =
        run.results().stream().anyMatch(r -> r.failed() && r.severity().atLeast(failOn));
    return failed ? ExitCode.FAILED : ExitCode.OK;
  }

  private static void printFailures(RunReport run, Console console) {
    DiagnosticRenderer renderer = DiagnosticRenderer.relativeToWorkingDirectory();
    for (CheckResult r : run.results()) {
      if (r.outcome() != Outcome.FAILED) {
        continue;
      }
      console
          .out()
          .println(
              r.severity().label().toUpperCase()
                  + " "
                  + r.checkId()
                  + " · "
                  + r.subject()
                  + ": "
                  + r.message());
      console.out().print(renderer.render(r.findings()).indent(2));
    }
  }

  private static void printSummary(RunReport run, Console console) {
    Map<String, long[]> byCheck = new LinkedHashMap<>();
    for (CheckResult r : run.results()) {
      long[] counts = byCheck.computeIfAbsent(r.checkId(), k -> new long[3]);
      counts[r.outcome().ordinal()]++;
    }
    int width =
        Math.max(28, byCheck.keySet().stream().mapToInt(String::length).max().orElse(0) + 2);
    console.out().println();
    console.out().printf("%-" + width + "s %7s %7s %8s%n", "check", "passed", "failed", "skipped");
    byCheck.forEach(
        (id, c) ->
            console
                .out()
                .printf(
                    "%-" + width + "s %7d %7d %8d%n",
                    id,
                    c[Outcome.PASSED.ordinal()],
                    c[Outcome.FAILED.ordinal()],
                    c[Outcome.SKIPPED.ordinal()]));
    console
        .out()
        .printf(
            "%-" + width + "s %7d %7d %8d%n",
            "total",
            run.count(Outcome.PASSED),
            run.count(Outcome.FAILED),
            run.count(Outcome.SKIPPED));
    console
        .out()
        .printf(
            "seed %d · %.1f s · reproduce: %s%n",
            run.seed(), run.duration().toMillis() / 1000.0, run.command());
  }
}
