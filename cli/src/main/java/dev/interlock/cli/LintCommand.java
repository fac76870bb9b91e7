package dev.interlock.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.ContractSet;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.Diagnostics;
import dev.interlock.core.Severity;
import dev.interlock.core.lint.Linter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code interlock lint [PATH...]}: load contracts safely and run the lint rules. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    description = {
      "Load contracts (OpenAPI, AsyncAPI, Pact, the manifest) and run the lint rules.",
      "Exit 0 clean, 1 lint errors, 2 unusable input, 3 internal error."
    })
public final class LintCommand implements Callable<Integer> {

  enum Format {
    text,
    json
  }

  @Spec CommandSpec spec;

  @Parameters(
      paramLabel = "PATH",
      arity = "0..*",
      description = "Contract files or folders (default: contracts/).")
  List<Path> paths = new ArrayList<>();

  @Option(
      names = "--format",
      description = "text or json (default: ${DEFAULT-VALUE}).",
      defaultValue = "text")
  Format format;

  @Option(
      names = "--fail-on",
      description = "error or warning (default: ${DEFAULT-VALUE}).",
      defaultValue = "error")
  Severity failOn;

  @Option(names = "--rules", description = "List the lint rules and exit.")
  boolean listRules;

  @Mixin LoadingOptions loading;

  @Mixin RootOption root;

  @Override
  public Integer call() {
    Console console =
        new Console(
            spec.commandLine().getOut(), spec.commandLine().getErr(), System.console() != null);
    if (listRules) {
      Linter.defaultRules()
          .forEach(
              r ->
                  console
                      .out()
                      .printf(
                          "%-40s %-8s %s%n", r.id(), r.defaultSeverity().label(), r.description()));
      return ExitCode.OK;
    }
    LintOutcome outcome = lint(paths, loading, root, console);
    print(outcome, console);
    return outcome.exitCode(failOn);
  }

  /** The diagnostics of a lint run and whether the input was usable at all. */
  record LintOutcome(ContractSet contracts, List<Diagnostic> diagnostics) {
    int exitCode(Severity failOn) {
      if (Diagnostics.anyUnusableInput(diagnostics)) {
        return ExitCode.UNUSABLE_INPUT;
      }
      return diagnostics.stream().anyMatch(d -> d.severity().atLeast(failOn))
          ? ExitCode.FAILED
          : ExitCode.OK;
    }
  }

  static LintOutcome lint(
      List<Path> paths, LoadingOptions loading, RootOption rootOption, Console console) {
    List<Path> targets = paths.isEmpty() ? List.of(Path.of("contracts")) : paths;
    for (Path p : targets) {
      if (!Files.exists(p)) {
        throw new UsageException(
            p
                + ": no such file or folder"
                + (paths.isEmpty()
                    ? " (run from a folder that has contracts/, or name the contracts to lint)"
                    : ""));
      }
    }
    // The default contracts folder is its own root; named files may reach what --root allows.
    Path root = paths.isEmpty() ? targets.get(0) : rootOption.rootFor(targets);
    // Strict: structural defects other commands read past are errors here, so lint gates on them.
    ContractLoader loader =
        new ContractLoader(loading.forRoot(root).withStrict(true), console::progress);
    ContractSet set = loader.loadAll(targets);
    console.endProgress();
    List<Diagnostic> all = new ArrayList<>(set.diagnostics());
    Map<String, Optional<Severity>> overrides =
        set.manifest().map(m -> m.lintSeverity()).orElse(Map.of());
    all.addAll(Linter.withDefaultRules(overrides).lint(set.contracts()));
    all.sort(
        Comparator.comparing((Diagnostic d) -> String.valueOf(d.location().file()))
            .thenComparingInt(d -> d.location().line())
            .thenComparingInt(d -> d.location().column()));
    return new LintOutcome(set, all);
  }

  private void print(LintOutcome outcome, Console console) {
    DiagnosticRenderer renderer = DiagnosticRenderer.relativeToWorkingDirectory();
    if (format == Format.json) {
      ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
      ObjectNode root = json.createObjectNode();
      root.put("contracts", outcome.contracts().contracts().size());
      ArrayNode list = root.putArray("diagnostics");
      for (Diagnostic d : outcome.diagnostics()) {
        ObjectNode n = list.addObject();
        n.put("severity", d.severity().label());
        n.put("code", d.code());
        n.put("message", d.message());
        n.put("file", renderer.displayPath(d.location().file()));
        n.put("line", d.location().line());
        n.put("column", d.location().column());
        n.put("pointer", d.location().pointer().toString());
        if (d.expected() != null) n.put("expected", d.expected());
        if (d.actual() != null) n.put("actual", d.actual());
        if (d.hint() != null) n.put("hint", d.hint());
      }
      console.out().println(root.toPrettyString());
      return;
    }
    console.out().print(renderer.render(outcome.diagnostics()));
    long errors = Diagnostics.count(outcome.diagnostics(), Severity.ERROR);
    long warnings = Diagnostics.count(outcome.diagnostics(), Severity.WARNING);
    console
        .out()
        .printf(
            "%d contract%s checked: %d error%s, %d warning%s%n",
            outcome.contracts().contracts().size(),
            outcome.contracts().contracts().size() == 1 ? "" : "s",
            errors,
            errors == 1 ? "" : "s",
            warnings,
            warnings == 1 ? "" : "s");
  }
}
