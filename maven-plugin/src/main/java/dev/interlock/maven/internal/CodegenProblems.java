package dev.interlock.maven.internal;

import dev.interlock.codegen.CodegenReport;
import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.DiagnosticRenderer;
import dev.interlock.core.LoadOptions;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.maven.plugin.MojoFailureException;

/**
 * The contracts a codegen run could not use, as one build failure with located diagnostics. Two
 * kinds: those codegen reports with a problem (its report keeps only the first, as text), and those
 * it passed over without a word because they did not load at all. Both are loaded again here to
 * show every error with its file:line:column and JSON pointer, as the CLI's {@code lint} would; in
 * a good run only the files codegen did not report on are read twice.
 */
public final class CodegenProblems {

  private final Path contractsDir;
  private final DiagnosticRenderer renderer;
  private final ContractLoader loader;

  public CodegenProblems(Path contractsDir, Path basedir) {
    this.contractsDir = contractsDir.toAbsolutePath().normalize();
    this.renderer = new DiagnosticRenderer(basedir);
    this.loader = new ContractLoader(LoadOptions.forRoot(this.contractsDir));
  }

  /** The failure for this run, or empty when every contract was generated or skipped unchanged. */
  public Optional<MojoFailureException> of(CodegenReport report) {
    Set<Path> reported = new LinkedHashSet<>();
    Set<Path> failed = new LinkedHashSet<>();
    StringBuilder text = new StringBuilder();
    for (CodegenReport.Unit unit : report.units()) {
      Path file = unit.contract().toAbsolutePath().normalize();
      reported.add(file);
      if (unit.problem() != null && failed.add(file)) {
        List<Diagnostic> errors = errors(file);
        text.append(
            errors.isEmpty()
                ? renderer.displayPath(file) + ": error: " + unit.problem() + "\n"
                : renderer.render(errors));
      }
    }
    for (Path file : contractFiles()) {
      if (!reported.contains(file)) {
        List<Diagnostic> errors = errors(file);
        if (!errors.isEmpty() && failed.add(file)) {
          text.append(renderer.render(errors));
        }
      }
    }
    if (failed.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(
        new MojoFailureException(
            "interlock:generate: "
                + failed.size()
                + (failed.size() == 1 ? " contract" : " contracts")
                + " could not be generated\n"
                + text.toString().stripTrailing()));
  }

  private List<Diagnostic> errors(Path file) {
    return loader.load(file).diagnostics().stream().filter(Diagnostic::isError).toList();
  }

  /**
   * The files codegen reads: {@code openapi/} and {@code asyncapi/} when present, else the whole
   * folder less the manifest and the pacts (which codegen has nothing to make of).
   */
  private List<Path> contractFiles() {
    List<Path> roots = new ArrayList<>();
    for (String sub : List.of("openapi", "asyncapi")) {
      if (Files.isDirectory(contractsDir.resolve(sub))) {
        roots.add(contractsDir.resolve(sub));
      }
    }
    boolean wholeFolder = roots.isEmpty();
    if (wholeFolder) {
      roots.add(contractsDir);
    }
    List<Path> out = new ArrayList<>();
    for (Path root : roots) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(Files::isRegularFile)
            .map(p -> p.toAbsolutePath().normalize())
            .filter(CodegenProblems::isYamlOrJson)
            .filter(p -> !wholeFolder || !isManifestOrPact(p))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static boolean isYamlOrJson(Path p) {
    String n = p.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }

  private boolean isManifestOrPact(Path p) {
    Path relative = contractsDir.relativize(p);
    return relative.toString().equals("interlock.yaml") || relative.startsWith("pacts");
  }
}
