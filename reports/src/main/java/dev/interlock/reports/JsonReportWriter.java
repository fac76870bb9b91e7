package dev.interlock.reports;

import dev.interlock.core.run.RunReport;
import java.nio.file.Path;

/** {@code interlock-report.json}: the whole run, see {@link RunReportJson}. */
public final class JsonReportWriter implements ReportWriter {

  public static final String FILE = "interlock-report.json";

  private final ReportOptions options;

  JsonReportWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "json";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(FILE);
  }

  @Override
  public void write(RunReport run, Path dir) {
    RunReportJson.write(run, options, output(dir));
  }
}
