package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.LoadResult;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes specs given as text to files and loads them with the real loader. */
final class Specs {

  private Specs() {}

  static Path write(Path dir, String name, String yaml) {
    try {
      Path file = dir.resolve(name);
      Files.createDirectories(file.getParent());
      Files.writeString(file, yaml);
      return file;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ContractLoader loader(Path root) {
    return new ContractLoader(LoadOptions.forRoot(root));
  }

  static OpenApiContract openApi(Path file) {
    LoadResult result = loader(file.getParent()).load(file);
    assertThat(result.contract()).as("%s loads: %s", file, result.diagnostics()).isPresent();
    return (OpenApiContract) result.contract().get();
  }

  static AsyncApiContract asyncApi(Path file) {
    LoadResult result = loader(file.getParent()).load(file);
    assertThat(result.contract()).as("%s loads: %s", file, result.diagnostics()).isPresent();
    return (AsyncApiContract) result.contract().get();
  }

  static DiffReport diffOpenApi(Path dir, String oldYaml, String newYaml) {
    return OpenApiDiff.compare(
        openApi(write(dir, "old.yaml", oldYaml)), openApi(write(dir, "new.yaml", newYaml)));
  }

  /** The 1-based number of the first line of {@code text} that contains {@code marker}. */
  static int lineOf(String text, String marker) {
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].contains(marker)) {
        return i + 1;
      }
    }
    throw new AssertionError("no line contains '" + marker + "'");
  }
}
