package dev.interlock.cli;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.LoadOptions;
import dev.interlock.diff.Change;
import dev.interlock.diff.ConsumerImpact;
import dev.interlock.diff.ContractDiff;
import dev.interlock.diff.DiffRenderer;
import dev.interlock.diff.DiffReport;
import dev.interlock.diff.RuleCatalog;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code interlock diff OLD NEW}: breaking changes between two contract versions, and who they
 * break.
 */
@Command(
    name = "diff",
    mixinStandardHelpOptions = true,
    description = {
      "Compare two versions of a contract (files, or folders paired by relative path) and name the"
          + " pact interactions each breaking change touches.",
      "Exit 0 when no change reaches --fail-on, 1 when one does, 2 unusable input."
    })
public final class DiffCommand implements Callable<Integer> {

  enum FailOn {
    breaking,
    potential
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "OLD",
      description = "The old contract file or folder.")
  Path oldPath;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "NEW",
      description = "The new contract file or folder.")
  Path newPath;

  @Option(names = "--rules", description = "List every rule with its id and level, and exit.")
  boolean listRules;

  @Option(
      names = "--format",
      description = "text, json or markdown (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  DiffRenderer.Format format;

  @Option(
      names = "--fail-on",
      description = "breaking or potential (default: ${DEFAULT-VALUE}).",
      defaultValue = "breaking")
  FailOn failOn;

  @Option(
      names = "--pacts",
      paramLabel = "DIR",
      description =
          "Contracts folder whose pacts and manifest give consumer impact (default: contracts/ when present).")
  Path pacts;

  @Mixin LoadingOptions loading;

  @Mixin RootOption root;

  @Override
  public Integer call() {
    if (listRules) {
      spec.commandLine().getOut().print(RuleCatalog.table());
      return ExitCode.OK;
    }
    if (oldPath == null || newPath == null) {
      throw new UsageException(
          "diff needs OLD and NEW (files or folders); see 'interlock diff --help'");
    }
    for (Path p : List.of(oldPath, newPath)) {
      if (!Files.exists(p)) {
        throw new UsageException(p + ": no such file or folder");
      }
    }
    ContractLoader loader =
        new ContractLoader(loading.forRoot(root.rootFor(List.of(oldPath, newPath))));
    DiffReport report = ContractDiff.compare(oldPath, newPath, loader);
    if (report.hasErrors()) {
      spec.commandLine()
          .getOut()
          .print(DiagnosticRenderer.relativeToWorkingDirectory().render(report.diagnostics()));
      return ExitCode.UNUSABLE_INPUT;
    }
    ConsumerImpact impact = consumerImpact(report);
    spec.commandLine()
        .getOut()
        .print(DiffRenderer.relativeToWorkingDirectory().render(format, report, impact));
    Change.Level threshold =
        failOn == FailOn.breaking ? Change.Level.BREAKING : Change.Level.POTENTIALLY_BREAKING;
    return report.reaches(threshold) ? ExitCode.FAILED : ExitCode.OK;
  }

  private ConsumerImpact consumerImpact(DiffReport report) {
    Path dir = pacts != null ? pacts : Path.of("contracts");
    // Reading a contracts folder costs about half of a small diff: do it only when asked, or when
    // the compared files belong to it (then its pacts are the consumers they could break).
    boolean relevant = pacts != null || (isUnder(oldPath, dir) && isUnder(newPath, dir));
    if (!relevant || !Files.isDirectory(dir)) {
      return ConsumerImpact.of(report.changes(), List.of(), null);
    }
    ContractSet set = new ContractLoader(LoadOptions.forRoot(dir)).loadAll(List.of(dir));
    return ConsumerImpact.of(report.changes(), set.pacts(), set.manifest().orElse(null));
  }

  private static boolean isUnder(Path file, Path dir) {
    return file.toAbsolutePath().normalize().startsWith(dir.toAbsolutePath().normalize());
  }
}
