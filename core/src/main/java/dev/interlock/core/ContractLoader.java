package dev.interlock.core;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.ContractKind;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.ReadResult;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.internal.AsyncApiReader;
import dev.interlock.core.internal.OpenApiReader;
import dev.interlock.core.internal.PactReader;
import dev.interlock.core.internal.RefChecker;
import dev.interlock.core.manifest.Manifest;
import dev.interlock.core.manifest.ManifestReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Loads contracts safely: every file is read within {@link dev.interlock.core.document.ReadLimits},
 * its kind is recognised from its content, its {@code $ref}s are checked, and it is parsed by the
 * reader of its kind. Every problem of a file is collected before the next file is read; nothing
 * escapes as an exception.
 */
public final class ContractLoader {

  /** Told about each file before it is loaded; the CLI draws its progress line from this. */
  @FunctionalInterface
  public interface Progress {
    void loading(Path file, int index, int total);

    Progress NONE = (file, index, total) -> {};
  }

  public static final String MANIFEST_NAME = "interlock.yaml";

  private final LoadOptions options;
  private final DocumentReader reader;
  private final Progress progress;

  public ContractLoader(LoadOptions options) {
    this(options, Progress.NONE);
  }

  public ContractLoader(LoadOptions options, Progress progress) {
    this.options = options;
    this.reader = new DocumentReader(options.limits());
    this.progress = progress;
  }

  public LoadOptions options() {
    return options;
  }

  /** Loads one file as a contract; a file of no known kind is an error. */
  public LoadResult load(Path file) {
    ReadResult read = reader.read(file);
    if (read.document().isEmpty()) {
      return new LoadResult(file, Optional.empty(), read.diagnostics(), Set.of());
    }
    SourceDocument doc = read.document().get();
    Optional<ContractKind> kind = kindOf(doc.root());
    if (kind.isEmpty() || kind.get() == ContractKind.MANIFEST) {
      return new LoadResult(
          file,
          Optional.empty(),
          List.of(
              Diagnostic.error("contract.kind.unknown", "not a contract Interlock knows")
                  .at(doc.locate(JsonPointer.ROOT))
                  .expected(
                      "an OpenAPI ('openapi:' or 'swagger:'), AsyncAPI ('asyncapi:') or Pact"
                          + " ('consumer', 'provider', 'interactions') document")
                  .build()),
          Set.of());
    }
    return parse(doc, kind.get());
  }

  private LoadResult parse(SourceDocument doc, ContractKind kind) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    RefChecker refs = new RefChecker(options, reader);
    diagnostics.addAll(refs.check(doc));
    boolean refsBroken = diagnostics.stream().anyMatch(Diagnostic::isError);
    Optional<? extends Contract> contract =
        switch (kind) {
          // swagger-parser would chase refused or broken references itself; stop before it.
          case OPENAPI ->
              refsBroken
                  ? Optional.empty()
                  : new OpenApiReader(options.strict()).read(doc, refs, diagnostics);
          case ASYNCAPI -> new AsyncApiReader().read(doc, diagnostics);
          case PACT -> new PactReader().read(doc, diagnostics);
          case MANIFEST -> Optional.empty();
        };
    return new LoadResult(
        doc.file(), contract.map(Contract.class::cast), diagnostics, refs.filesReached());
  }

  /**
   * Loads folders and files. A folder is searched for YAML and JSON files; files that are no
   * contract and that no contract references are reported as warnings (a misspelt {@code openapi:}
   * key should not pass silently), and a manifest at the root is read.
   */
  public ContractSet loadAll(List<Path> paths) {
    List<Diagnostic> diagnostics = new ArrayList<>();
    List<Contract> contracts = new ArrayList<>();
    Optional<Manifest> manifest = Optional.empty();
    Map<Path, Boolean> explicit = new LinkedHashMap<>();
    for (Path p : paths) {
      if (Files.isDirectory(p)) {
        Path manifestFile = p.resolve(MANIFEST_NAME);
        if (Files.isRegularFile(manifestFile) && manifest.isEmpty()) {
          manifest = loadManifest(manifestFile, diagnostics);
        }
        for (Path f : listFiles(p, diagnostics)) {
          if (!f.getFileName().toString().equals(MANIFEST_NAME)) {
            explicit.putIfAbsent(f.toAbsolutePath().normalize(), false);
          }
        }
      } else {
        explicit.put(p.toAbsolutePath().normalize(), true);
      }
    }
    Set<Path> referenced = new HashSet<>();
    List<Path> unknown = new ArrayList<>();
    int index = 0;
    for (Map.Entry<Path, Boolean> e : explicit.entrySet()) {
      Path file = e.getKey();
      progress.loading(file, ++index, explicit.size());
      ReadResult read = reader.read(file);
      if (read.document().isEmpty()) {
        diagnostics.addAll(read.diagnostics());
        continue;
      }
      SourceDocument doc = read.document().get();
      Optional<ContractKind> kind = kindOf(doc.root());
      if (kind.isEmpty()) {
        if (e.getValue()) {
          diagnostics.addAll(load(file).diagnostics());
        } else {
          unknown.add(file);
        }
        continue;
      }
      if (kind.get() == ContractKind.MANIFEST) {
        if (manifest.isEmpty()) {
          manifest = loadManifest(file, diagnostics);
        }
        continue;
      }
      LoadResult result = parse(doc, kind.get());
      diagnostics.addAll(result.diagnostics());
      result.contract().ifPresent(contracts::add);
      referenced.addAll(result.referencedFiles());
    }
    for (Path file : unknown) {
      if (!referenced.contains(file)) {
        diagnostics.add(
            Diagnostic.warning(
                    "contract.kind.unknown", "file is not a contract and no contract references it")
                .at(SourceLocation.of(file, 1, 1))
                .hint("an OpenAPI document starts with 'openapi:', AsyncAPI with 'asyncapi:'")
                .build());
      }
    }
    Path root =
        paths.size() == 1 && Files.isDirectory(paths.get(0)) ? paths.get(0) : options.root();
    return new ContractSet(root, manifest, contracts, diagnostics);
  }

  private Optional<Manifest> loadManifest(Path file, List<Diagnostic> diagnostics) {
    ReadResult read = reader.read(file);
    diagnostics.addAll(read.diagnostics());
    return read.document().flatMap(doc -> new ManifestReader().read(doc, diagnostics));
  }

  private static List<Path> listFiles(Path dir, List<Diagnostic> diagnostics) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !isHidden(dir, f))
          .filter(
              f -> {
                String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
                return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
              })
          .sorted()
          .toList();
    } catch (IOException e) {
      diagnostics.add(
          Diagnostic.error("contract.file.unreadable", "folder cannot be listed")
              .at(SourceLocation.of(dir))
              .actual(e.getMessage())
              .build());
      return List.of();
    }
  }

  private static boolean isHidden(Path root, Path file) {
    for (Path part : root.relativize(file)) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Recognises a document by its content, not its name. */
  public static Optional<ContractKind> kindOf(JsonNode root) {
    if (!root.isObject()) {
      return Optional.empty();
    }
    if (root.has("openapi") || root.has("swagger")) {
      return Optional.of(ContractKind.OPENAPI);
    }
    if (root.has("asyncapi")) {
      return Optional.of(ContractKind.ASYNCAPI);
    }
    if (root.has("interlock")) {
      return Optional.of(ContractKind.MANIFEST);
    }
    if ((root.has("interactions") || root.has("messages"))
            && (root.has("consumer") || root.has("provider"))
        || PactReader.isPactTestCase(root)) {
      return Optional.of(ContractKind.PACT);
    }
    return Optional.empty();
  }
}
