package dev.interlock.cli;

import dev.interlock.compat.CompatRenderer;
import dev.interlock.compat.CompatReport;
import dev.interlock.compat.MessageCompatibility;
import dev.interlock.compat.MismatchCodes;
import dev.interlock.compat.PactSpecCompatibility;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.core.LoadResult;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code interlock compat SPEC PACT...}: the provider team's one-line CI step — are these
 * consumers' pacts compatible with this contract? OpenAPI for HTTP pacts, AsyncAPI for message
 * pacts.
 */
@Command(
    name = "compat",
    mixinStandardHelpOptions = true,
    description = {
      "Check pacts against a contract: OpenAPI for HTTP interactions, AsyncAPI for messages.",
      "Exit 0 compatible, 1 incompatible (each mismatch with its code, interaction and both locations), 2 unusable input."
    })
public final class CompatCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "SPEC",
      description = "The provider's OpenAPI or AsyncAPI contract.")
  Path specFile;

  @Parameters(
      index = "1..*",
      arity = "0..*",
      paramLabel = "PACT",
      description = "Pact files (V2-V4).")
  List<Path> pactFiles = new ArrayList<>();

  @Option(
      names = "--format",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Option(names = "--codes", description = "List every mismatch code and exit.")
  boolean listCodes;

  @Mixin LoadingOptions loading;

  @Mixin RootOption root;

  @Override
  public Integer call() {
    if (listCodes) {
      MismatchCodes.all()
          .forEach((code, doc) -> spec.commandLine().getOut().printf("%-46s %s%n", code, doc));
      return ExitCode.OK;
    }
    if (specFile == null || pactFiles.isEmpty()) {
      throw new UsageException(
          "compat needs SPEC and at least one PACT; see 'interlock compat --help'");
    }
    List<Path> all = new ArrayList<>(List.of(specFile));
    all.addAll(pactFiles);
    for (Path p : all) {
      if (!Files.isRegularFile(p)) {
        throw new UsageException(p + ": no such file");
      }
    }
    Contract contract = load(specFile);
    if (!(contract instanceof OpenApiContract) && !(contract instanceof AsyncApiContract)) {
      throw new UsageException(
          specFile
              + ": SPEC must be an OpenAPI or AsyncAPI contract, not a "
              + contract.kind().displayName()
              + " file");
    }
    List<CompatReport> reports = new ArrayList<>();
    for (Path file : pactFiles) {
      if (!(load(file) instanceof PactContract pact)) {
        throw new UsageException(file + ": not a pact");
      }
      reports.add(
          contract instanceof OpenApiContract openApi
              ? PactSpecCompatibility.check(pact, openApi)
              : MessageCompatibility.check(pact, (AsyncApiContract) contract));
    }
    CompatRenderer renderer = CompatRenderer.relativeToWorkingDirectory();
    spec.commandLine()
        .getOut()
        .print(format == Format.json ? renderer.json(reports) + "\n" : renderer.text(reports));
    return reports.stream().allMatch(CompatReport::isCompatible) ? ExitCode.OK : ExitCode.FAILED;
  }

  /** A contract, or exit 2 with its diagnostics. */
  private Contract load(Path file) {
    LoadResult result = new ContractLoader(loading.forRoot(root.rootFor(List.of(file)))).load(file);
    if (result.contract().isEmpty() || Diagnostics.anyUnusableInput(result.diagnostics())) {
      spec.commandLine()
          .getOut()
          .print(DiagnosticRenderer.relativeToWorkingDirectory().render(result.diagnostics()));
      throw new UsageException(file + " could not be used (see above)");
    }
    // Notes such as which reader read a pact go to stderr: stdout stays the report (JSON or text).
    List<Diagnostic> notes =
        result.diagnostics().stream().filter(d -> d.severity() == Severity.INFO).toList();
    if (!notes.isEmpty()) {
      spec.commandLine()
          .getErr()
          .print(DiagnosticRenderer.relativeToWorkingDirectory().render(notes));
    }
    return result.contract().get();
  }
}
