package dev.interlock.reports;

import dev.interlock.core.run.RunReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one report format of a run into a folder. Writers read nothing but the run and their
 * {@link ReportOptions}, and render what they are given: {@link Reports} redacts the run before any
 * writer sees it, which is why writers are reached only through it.
 */
public interface ReportWriter {

  /**
   * The format's name as given to {@code interlock report --format}: {@code json}, {@code html}…
   */
  String format();

  /** The file (or folder, for Allure) this writer creates under {@code dir}. */
  Path output(Path dir);

  /**
   * Writes the report under {@code dir}, creating folders as needed and replacing an earlier report
   * of the same format.
   *
   * @throws UncheckedIOException when the folder cannot be written
   */
  void write(RunReport run, Path dir);

  /** Writes a whole text report, creating its folder. */
  static void writeText(Path file, String text) {
    try {
      Files.createDirectories(file.toAbsolutePath().getParent());
      Files.writeString(file, text);
    } catch (IOException e) {
      throw failure(file, e);
    }
  }

  /** Wraps the checked exception of file writes; writers call it at their boundary. */
  static UncheckedIOException failure(Path target, IOException e) {
    return new UncheckedIOException("cannot write report " + target + ": " + e.getMessage(), e);
  }
}
