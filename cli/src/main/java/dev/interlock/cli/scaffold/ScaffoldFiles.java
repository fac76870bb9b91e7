package dev.interlock.cli.scaffold;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Writes rendered files under a folder; refuses, before writing anything, to overwrite one that
 * exists unless forced.
 */
public final class ScaffoldFiles {

  private ScaffoldFiles() {}

  /** The files that exist already (and would be overwritten). */
  public static List<Path> existing(Path folder, Map<String, String> files) {
    List<Path> out = new ArrayList<>();
    files
        .keySet()
        .forEach(
            f -> {
              if (Files.exists(folder.resolve(f))) {
                out.add(folder.resolve(f));
              }
            });
    return out;
  }

  public static List<Path> write(Path folder, Map<String, String> files) {
    List<Path> written = new ArrayList<>();
    try {
      for (Map.Entry<String, String> f : files.entrySet()) {
        Path target = folder.resolve(f.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, f.getValue(), StandardCharsets.UTF_8);
        written.add(target);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return written;
  }
}
