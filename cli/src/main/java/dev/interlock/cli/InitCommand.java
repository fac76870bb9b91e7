package dev.interlock.cli;

import dev.interlock.cli.scaffold.ContractsPlan;
import dev.interlock.cli.scaffold.ContractsWriter;
import dev.interlock.cli.scaffold.ManifestText;
import dev.interlock.cli.scaffold.SourceFiles;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.LoadResult;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code interlock init}: a team's existing spec files and pacts become a contracts folder and a
 * manifest, every inferred vendor, version and auth printed with its reason.
 */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    description = {
      "Write contracts/ and contracts/interlock.yaml from existing OpenAPI, Swagger 2.0, AsyncAPI"
          + " and Pact files (copied, never moved).",
      "Exit 0 written, 2 a file cannot be understood or would be overwritten, 3 internal error."
    })
public final class InitCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "FILE_OR_DIR",
      arity = "1..*",
      description = "Spec and pact files or folders (default: those in --dir, outside contracts/).")
  List<Path> from = new ArrayList<>();

  @Option(
      names = "--dir",
      paramLabel = "DIR",
      description = "The project folder; contracts/ is written here (default: the current one).",
      defaultValue = ".")
  Path dir;

  @Option(names = "--force", description = "Overwrite files that already exist in contracts/.")
  boolean force;

  @Mixin LoadingOptions loading;

  @Override
  public Integer call() {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    if (!Files.isDirectory(dir)) {
      throw new UsageException(dir + ": no such folder (--dir)");
    }
    DiagnosticRenderer renderer = DiagnosticRenderer.relativeToWorkingDirectory();
    List<Contract> contracts = new ArrayList<>();
    Map<Path, Set<Path>> referenced = new HashMap<>();
    List<Diagnostic> unusable = new ArrayList<>();
    for (Source source : sources(console)) {
      LoadResult result = new ContractLoader(loading.forRoot(source.root())).load(source.file());
      boolean notAContract =
          result.contract().isEmpty()
              && result.diagnostics().stream()
                  .allMatch(d -> d.code().equals("contract.kind.unknown"));
      if (notAContract && !source.named()) {
        console.err().println("init: skipped " + show(source.file()) + " (not a spec or a pact)");
        continue;
      }
      if (result.contract().isEmpty()) {
        unusable.addAll(result.diagnostics());
        continue;
      }
      // tolerant: what other commands read past is printed, never a reason to refuse the file
      console
          .err()
          .print(
              renderer.render(
                  result.diagnostics().stream()
                      .filter(d -> d.severity().atLeast(Severity.WARNING))
                      .toList()));
      contracts.add(result.contract().get());
      referenced.put(result.contract().get().file(), result.referencedFiles());
    }
    if (!unusable.isEmpty()) {
      console.out().print(renderer.render(unusable));
      console
          .out()
          .println("interlock init: a file above cannot be understood; nothing was written");
      return ExitCode.UNUSABLE_INPUT;
    }
    if (contracts.isEmpty()) {
      throw new UsageException(
          "no OpenAPI, Swagger 2.0, AsyncAPI or Pact file found in "
              + (from.isEmpty() ? show(dir) : from)
              + " (name them with --from FILE...)");
    }
    ContractsPlan plan = ContractsPlan.of(contracts, referenced);
    Path target = dir.resolve("contracts");
    String manifest =
        ManifestText.of(
            plan,
            projectName(),
            contracts.stream().map(c -> c.file().getFileName().toString()).toList());
    try {
      new ContractsWriter(target, force).write(plan, manifest);
    } catch (ContractsWriter.ExistingFilesException e) {
      throw new UsageException(
          "these files exist and differ from what init would write (--force overwrites them): "
              + String.join(", ", e.files().stream().map(InitCommand::show).toList()));
    }
    plan.choices().forEach(c -> console.out().println(c));
    console.out().println();
    console
        .out()
        .println(
            "wrote "
                + show(target)
                + "/ ("
                + plan.copies().size()
                + " file"
                + (plan.copies().size() == 1 ? "" : "s")
                + " copied, and interlock.yaml)");
    String contractsArg = show(target);
    String option = contractsArg.equals("contracts") ? "" : " --contracts " + contractsArg;
    console.out().println("next:");
    console.out().println("  interlock lint " + contractsArg);
    console
        .out()
        .println(
            "  interlock sandbox"
                + option
                + "    # every vendor: "
                + String.join(", ", plan.vendors().keySet()));
    console.out().println("  interlock verify" + option);
    return ExitCode.OK;
  }

  /** A file to read, the folder its {@code $ref}s may reach, and whether the user named it. */
  private record Source(Path file, Path root, boolean named) {}

  private List<Source> sources(Console console) {
    List<Source> out = new ArrayList<>();
    if (from.isEmpty()) {
      SourceFiles.in(dir).forEach(f -> out.add(new Source(f, dir, false)));
      return out;
    }
    for (Path p : from) {
      if (Files.isDirectory(p)) {
        SourceFiles.in(p).forEach(f -> out.add(new Source(f, p, false)));
      } else if (Files.isRegularFile(p)) {
        out.add(new Source(p, p.toAbsolutePath().getParent(), true));
      } else {
        throw new UsageException(p + ": no such file or folder (--from)");
      }
    }
    return out;
  }

  private String projectName() {
    Path name = dir.toAbsolutePath().normalize().getFileName();
    return name == null ? "integration" : name.toString();
  }

  private static String show(Path p) {
    return DiagnosticRenderer.relativeToWorkingDirectory()
        .displayPath(p.toAbsolutePath().normalize());
  }
}
