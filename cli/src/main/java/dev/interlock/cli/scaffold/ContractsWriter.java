package dev.interlock.cli.scaffold;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.ReadResult;
import dev.interlock.core.manifest.ManifestReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes a {@link ContractsPlan} into a contracts folder: copies (never moves) each file, writes
 * the manifest, and reads the manifest back through core's {@link ManifestReader} so nothing that
 * breaks its schema is left behind. A file that exists with other content is overwritten only when
 * forced; before anything is written, every such file is named at once.
 */
public final class ContractsWriter {

  /** Files that exist with other content; nothing was written. */
  public static final class ExistingFilesException extends RuntimeException {
    private final List<Path> files;

    ExistingFilesException(List<Path> files) {
      super("files exist: " + files);
      this.files = List.copyOf(files);
    }

    public List<Path> files() {
      return files;
    }
  }

  private final Path contracts;
  private final boolean force;

  public ContractsWriter(Path contracts, boolean force) {
    this.contracts = contracts;
    this.force = force;
  }

  public void write(ContractsPlan plan, String manifest) {
    Map<Path, byte[]> files = new LinkedHashMap<>();
    try {
      for (ContractsPlan.Copy c : plan.copies()) {
        files.put(contracts.resolve(c.target()), Files.readAllBytes(c.source()));
      }
      files.put(
          contracts.resolve(ContractLoader.MANIFEST_NAME),
          manifest.getBytes(StandardCharsets.UTF_8));
      List<Path> existing = new ArrayList<>();
      for (Map.Entry<Path, byte[]> f : files.entrySet()) {
        if (Files.exists(f.getKey())
            && !Arrays.equals(Files.readAllBytes(f.getKey()), f.getValue())) {
          existing.add(f.getKey());
        }
      }
      if (!existing.isEmpty() && !force) {
        throw new ExistingFilesException(existing);
      }
      for (Map.Entry<Path, byte[]> f : files.entrySet()) {
        Files.createDirectories(f.getKey().getParent());
        Path temp = Files.createTempFile(f.getKey().getParent(), ".init", ".tmp");
        Files.write(temp, f.getValue());
        Files.move(temp, f.getKey(), StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Diagnostic> problems = validate(contracts.resolve(ContractLoader.MANIFEST_NAME));
    if (!problems.isEmpty()) {
      throw new IllegalStateException("the manifest init wrote breaks its schema: " + problems);
    }
  }

  /** What core's manifest reader says about a manifest file: nothing when it is valid. */
  public static List<Diagnostic> validate(Path manifest) {
    List<Diagnostic> out = new ArrayList<>();
    ReadResult read = new DocumentReader().read(manifest);
    out.addAll(read.diagnostics().stream().filter(Diagnostic::isError).toList());
    read.document().ifPresent(doc -> new ManifestReader().read(doc, out));
    return out.stream().filter(Diagnostic::isError).toList();
  }
}
