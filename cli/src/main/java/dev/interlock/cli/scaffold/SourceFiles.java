package dev.interlock.cli.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files {@code interlock init} looks at in a folder: YAML and JSON, except what is already
 * under {@code contracts/}, hidden, or build output.
 */
public final class SourceFiles {

  private static final Set<String> SKIPPED_FOLDERS =
      Set.of("contracts", "target", "build", "node_modules");

  private SourceFiles() {}

  public static List<Path> in(Path dir) {
    try (Stream<Path> walk = Files.walk(dir)) {
      return walk.filter(Files::isRegularFile)
          .filter(f -> !skipped(dir, f))
          .filter(SourceFiles::isYamlOrJson)
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean skipped(Path dir, Path file) {
    Path rel = dir.relativize(file);
    for (int i = 0; i < rel.getNameCount(); i++) {
      String part = rel.getName(i).toString();
      if (part.startsWith(".") || (i < rel.getNameCount() - 1 && SKIPPED_FOLDERS.contains(part))) {
        return true;
      }
    }
    return false;
  }

  static boolean isYamlOrJson(Path f) {
    String n = f.getFileName().toString().toLowerCase(Locale.ROOT);
    return n.endsWith(".yaml") || n.endsWith(".yml") || n.endsWith(".json");
  }
}
