package dev.interlock.reports;

import dev.interlock.core.run.RunReport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Entry point of the module: every report of a run, or one format by name.
 *
 * <pre>{@code
 * List<Path> written = Reports.writeAll(run, Path.of("target/interlock-reports"));
 * Reports.writer("sarif", ReportOptions.defaults()).orElseThrow().write(run, dir);
 * RunReport again = RunReportJson.read(dir.resolve(JsonReportWriter.FILE));
 * }</pre>
 */
public final class Reports {

  /** Format names accepted by {@link #writer}, in the order {@link #writeAll} writes them. */
  public static final List<String> FORMATS =
      List.of("json", "junit", "sarif", "markdown", "html", "allure");

  private Reports() {}

  /** All writers, in {@link #FORMATS} order. */
  public static List<ReportWriter> writers(ReportOptions options) {
    return List.of(
        new JsonReportWriter(options),
        new JUnitXmlWriter(options),
        new SarifWriter(options),
        new MarkdownSummaryWriter(options),
        new HtmlReportWriter(options),
        new AllureResultsWriter(options));
  }

  /** The writer for a format name ({@code md} and {@code xml} are accepted as aliases). */
  public static Optional<ReportWriter> writer(String format, ReportOptions options) {
    String f = format.toLowerCase(Locale.ROOT);
    String name =
        switch (f) {
          case "md" -> "markdown";
          case "xml", "junit-xml" -> "junit";
          default -> f;
        };
    return writers(options).stream().filter(w -> w.format().equals(name)).findFirst();
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
    List<Path> written = new ArrayList<>();
    for (ReportWriter w : writers(options)) {
      w.write(run, dir);
      written.add(w.output(dir));
    }
    return List.copyOf(written);
  }
}
