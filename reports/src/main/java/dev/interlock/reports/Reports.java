package dev.interlock.reports;

import dev.interlock.core.redact.Redactor;
import dev.interlock.core.run.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Entry point of the module and the only way to its writers: the run is redacted once, here, before
 * any writer sees it, so no format can leak what another hides.
 *
 * <pre>{@code
 * List<Path> written = Reports.writeAll(run, Path.of("target/interlock-reports"));
 * Reports.write(run, dir, ReportOptions.defaults(), List.of("sarif", "html"));
 * RunReport again = RunReportJson.read(dir.resolve(JsonReportWriter.FILE));
 * }</pre>
 */
public final class Reports {

  /** Format names accepted by {@link #write}, in the order {@link #writeAll} writes them. */
  public static final List<String> FORMATS =
      List.of("json", "junit", "sarif", "markdown", "html", "allure");

  private Reports() {}

  /** All writers, in {@link #FORMATS} order. They expect a redacted run. */
  static List<ReportWriter> writers(ReportOptions options) {
    return List.of(
        new JsonReportWriter(options),
        new JUnitXmlWriter(options),
        new SarifWriter(options),
        new MarkdownSummaryWriter(options),
        new HtmlReportWriter(options),
        new AllureResultsWriter(options));
  }

  /**
   * The format name a user's spelling stands for ({@code md} and {@code xml} are accepted as
   * aliases), or empty when no writer has it.
   */
  public static Optional<String> format(String spelling) {
    String f = spelling.toLowerCase(Locale.ROOT);
    String name =
        switch (f) {
          case "md" -> "markdown";
          case "xml", "junit-xml" -> "junit";
          default -> f;
        };
    return FORMATS.contains(name) ? Optional.of(name) : Optional.empty();
  }

  /** Writes every format with {@link ReportOptions#defaults()}; returns what it wrote. */
  public static List<Path> writeAll(RunReport run, Path dir) {
    return writeAll(run, dir, ReportOptions.defaults());
  }

  /**
   * Writes every format into {@code dir}: {@code interlock-report.json}, {@code
   * junit/TEST-interlock.xml}, {@code interlock.sarif}, {@code summary.md}, {@code
   * interlock-report.html} and {@code allure-results/}.
   *
   * @return the files and the Allure folder written, in {@link #FORMATS} order
   */
  public static List<Path> writeAll(RunReport run, Path dir, ReportOptions options) {
    return write(run, dir, options, FORMATS);
  }

  /**
   * Redacts the run once and writes the given formats of it into {@code dir}, in {@link #FORMATS}
   * order.
   *
   * @return the file (or, for Allure, the folder) each format wrote
   * @throws IllegalArgumentException when a format is not one of {@link #FORMATS} or an alias
   */
  public static List<Path> write(
      RunReport run, Path dir, ReportOptions options, List<String> formats) {
    List<String> names = new ArrayList<>();
    for (String f : formats) {
      names.add(
          format(f)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown format '"
                              + f
                              + "' (known: "
                              + String.join(", ", FORMATS)
                              + ")")));
    }
    RunReport redacted = Redactor.standard().redactRun(run);
    List<Path> written = new ArrayList<>();
    for (ReportWriter w : writers(options)) {
      if (names.contains(w.format())) {
        w.write(redacted, dir);
        written.add(w.output(dir));
      }
    }
    return List.copyOf(written);
  }
}
