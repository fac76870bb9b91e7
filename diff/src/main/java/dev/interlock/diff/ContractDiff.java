package dev.interlock.diff;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.LoadResult;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.ContractKind;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.diff.internal.Rules;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.Stream;

/**
 * The entry point of {@code interlock diff OLD NEW}: compares two contract files, or two folders
 * whose files are paired by relative path, and returns one report. Pacts and the manifest in a
 * folder are not compared (they are consumers' expectations, see {@link ConsumerImpact}). Files
 * that cannot be loaded become diagnostics in the report.
 */
public final class ContractDiff {

  private ContractDiff() {}

  public static DiffReport compare(Path oldPath, Path newPath, ContractLoader loader) {
    boolean oldDir = Files.isDirectory(oldPath);
    boolean newDir = Files.isDirectory(newPath);
    if (!Files.exists(oldPath) || !Files.exists(newPath)) {
      Path missing = Files.exists(oldPath) ? newPath : oldPath;
      return unusable(missing, "no such file or folder");
    }
    if (oldDir != newDir) {
      return unusable(
          oldDir ? newPath : oldPath, "compare a file with a file, or a folder with a folder");
    }
    if (!oldDir) {
      return compareFiles(oldPath, newPath, loader);
    }
    List<Diagnostic> diagnostics = new ArrayList<>();
    TreeSet<Path> relative = new TreeSet<>();
    relative.addAll(list(oldPath, diagnostics));
    relative.addAll(list(newPath, diagnostics));
    DiffReport report = new DiffReport(List.of(), diagnostics);
    DocumentReader reader = new DocumentReader(loader.options().limits());
    for (Path rel : relative) {
      Path o = oldPath.resolve(rel);
      Path n = newPath.resolve(rel);
      if (!isApiContract(o, reader) && !isApiContract(n, reader)) {
        continue; // pacts, manifests, shared schema files: reached through $refs, not compared
      }
      if (Files.exists(o) && Files.exists(n)) {
        report = report.merge(compareFiles(o, n, loader));
      } else if (Files.exists(o)) {
        report = report.merge(DiffReport.of(List.of(fileChange(Rules.CONTRACT_REMOVED, o, null))));
      } else {
        report = report.merge(DiffReport.of(List.of(fileChange(Rules.CONTRACT_ADDED, null, n))));
      }
    }
    return report;
  }

  private static DiffReport compareFiles(Path oldFile, Path newFile, ContractLoader loader) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    Optional<Contract> o = load(oldFile, loader, diagnostics);
    Optional<Contract> n = load(newFile, loader, diagnostics);
    if (o.isEmpty() || n.isEmpty()) {
      return new DiffReport(List.of(), diagnostics);
    }
    DiffReport report;
    if (o.get() instanceof OpenApiContract oa && n.get() instanceof OpenApiContract na) {
      report = OpenApiDiff.compare(oa, na);
    } else if (o.get() instanceof AsyncApiContract oa && n.get() instanceof AsyncApiContract na) {
      report = AsyncApiDiff.compare(oa, na);
    } else if (o.get().kind() != n.get().kind()) {
      report = DiffReport.of(List.of(fileChange(Rules.CONTRACT_KIND_CHANGED, oldFile, newFile)));
    } else {
      report = DiffReport.empty(); // pacts: consumers' expectations, not versions of an API
    }
    diagnostics.addAll(report.diagnostics());
    return new DiffReport(report.changes(), diagnostics);
  }

  private static boolean isApiContract(Path file, DocumentReader reader) {
    if (!Files.isRegularFile(file)) {
      return false;
    }
    Optional<ContractKind> kind =
        reader.read(file).document().flatMap(doc -> ContractLoader.kindOf(doc.root()));
    return kind.isPresent()
        && (kind.get() == ContractKind.OPENAPI || kind.get() == ContractKind.ASYNCAPI);
  }

  private static Optional<Contract> load(Path file, ContractLoader loader, List<Diagnostic> out) {
    LoadResult result = loader.load(file);
    result.diagnostics().stream().filter(Diagnostic::isError).forEach(out::add);
    if (result.contract().isEmpty() && !result.hasErrors()) {
      out.add(
          Diagnostic.error("diff.input.unusable", "the file could not be read as a contract")
              .at(SourceLocation.of(file))
              .build());
    }
    return result.contract();
  }

  private static Change fileChange(Rule rule, Path oldFile, Path newFile) {
    String file = (oldFile != null ? oldFile : newFile).getFileName().toString();
    String message =
        switch (rule.id()) {
          case "diff.contract.removed" -> "contract " + file + " removed";
          case "diff.contract.added" -> "contract " + file + " added";
          default -> "contract " + file + " changed kind";
        };
    return new Change(
        rule.id(),
        rule.level(),
        message,
        Optional.ofNullable(oldFile).map(f -> SourceLocation.of(f, 1, 1)),
        Optional.ofNullable(newFile).map(f -> SourceLocation.of(f, 1, 1)),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty());
  }

  private static DiffReport unusable(Path path, String why) {
    return new DiffReport(
        List.of(),
        List.of(Diagnostic.error("diff.input.unusable", why).at(SourceLocation.of(path)).build()));
  }

  private static List<Path> list(Path dir, List<Diagnostic> diagnostics) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .map(dir::relativize)
          .filter(rel -> !rel.toString().startsWith(".") && !rel.toString().contains("/."))
          .filter(
              rel -> {
                String n = rel.getFileName().toString().toLowerCase(Locale.ROOT);
                return (n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json"))
                    && !n.equals(ContractLoader.MANIFEST_NAME);
              })
          .toList();
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error("diff.input.unusable", "folder cannot be listed")
              .at(SourceLocation.of(dir))
              .actual(e.getMessage())
              .build());
      return List.of();
    }
  }
}
