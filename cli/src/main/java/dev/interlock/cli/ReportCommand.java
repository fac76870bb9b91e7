package dev.interlock.cli;

import dev.interlock.core.run.RunReport;
import dev.interlock.reports.ReportOptions;
import dev.interlock.reports.Reports;
import dev.interlock.reports.RunReportJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code interlock report --from RESULTS}: re-render a saved run in any format. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    description = {
      "Re-render the reports of a saved run (interlock-report.json) without running anything.",
      "Formats: json, junit, sarif, markdown, html, allure (Allure results; render them with 'mvn allure:report')."
    })
public final class ReportCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(
      names = "--from",
      paramLabel = "RESULTS",
      description = "A run's interlock-report.json (default: ${DEFAULT-VALUE}).",
      defaultValue = "target/interlock-reports/interlock-report.json")
  Path from;

  @Option(
      names = "--format",
      split = ",",
      description = "Formats to write (default: all but allure).")
  List<String> formats = new ArrayList<>();

  @Option(names = "--allure", description = "Also write Allure results (allure-results/).")
  boolean allure;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Where to write (default: the folder of --from).")
  Path out;

  @Mixin DocsUrlOption docs;

  @Override
  public Integer call() {
    ReportOptions options = docs.applyTo(ReportOptions.fromEnvironment(System.getenv()));
    if (!Files.isRegularFile(from)) {
      throw new UsageException(
          from
              + ": no saved run here (interlock verify writes interlock-report.json into its --reports folder)");
    }
    RunReport run;
    try {
      run = RunReportJson.read(from);
    } catch (RuntimeException e) {
      throw new UsageException(from + ": not a run report Interlock can read: " + e.getMessage());
    }
    Path dir = out != null ? out : from.toAbsolutePath().getParent();
    List<String> wanted =
        new ArrayList<>(
            formats.isEmpty()
                ? Reports.FORMATS.stream().filter(f -> !f.equals("allure")).toList()
                : formats);
    if (allure && !wanted.contains("allure")) {
      wanted.add("allure");
    }
    for (String format : wanted) {
      if (Reports.format(format).isEmpty()) {
        throw new UsageException(
            "unknown format '" + format + "' (known: " + String.join(", ", Reports.FORMATS) + ")");
      }
    }
    for (Path written : Reports.write(run, dir, options, wanted)) {
      spec.commandLine().getOut().println("wrote " + written);
    }
    return ExitCode.OK;
  }
}
