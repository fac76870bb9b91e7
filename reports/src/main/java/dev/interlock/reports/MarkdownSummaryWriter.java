package dev.interlock.reports;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.RunView;
import dev.interlock.reports.internal.TextFormat;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code summary.md}: a GitHub-flavoured pull-request comment. Verdict first, then counts, the
 * failures (most severe first, each with its findings as {@code file:line} links), the command that
 * reproduces the run, and a table per check family. Never longer than {@link
 * ReportOptions#markdownLimit()}: failures that do not fit end with "… and N more failures, see the
 * HTML report".
 */
public final class MarkdownSummaryWriter implements ReportWriter {

  public static final String FILE = "summary.md";

  /** Per failure: at most this many findings, and message/finding text this long. */
  private static final int FINDINGS_PER_FAILURE = 5;

  private static final int TEXT_LIMIT = 400;

  /** Room kept for the truncation line. */
  private static final int RESERVE = 300;

  private final ReportOptions options;

  MarkdownSummaryWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "markdown";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(FILE);
  }

  @Override
  public void write(RunReport run, Path dir) {
    ReportWriter.writeText(output(dir), render(run));
  }

  /** The summary text, at most {@link ReportOptions#markdownLimit()} characters. */
  public String render(RunReport run) {
    RunView view = new RunView(run, options);
    String head = head(view);
    String tail = tail(view);
    int budget = options.markdownLimit() - head.length() - tail.length() - RESERVE;

    StringBuilder failures = new StringBuilder();
    List<CheckResult> failed = view.failures();
    if (!failed.isEmpty()) {
      failures.append("### Failures\n\n");
      int shown = 0;
      for (CheckResult r : failed) {
        String entry = failure(view, r, shown + 1);
        if (failures.length() + entry.length() > budget) {
          break;
        }
        failures.append(entry);
        shown++;
      }
      if (shown < failed.size()) {
        failures
            .append("\n… and ")
            .append(failed.size() - shown)
            .append(" more failures, see the HTML report (`interlock-report.html`).\n");
      }
      failures.append('\n');
    }
    String out = head + failures + tail;
    if (out.length() > options.markdownLimit()) {
      // Only reachable with absurd head or tail sections (thousands of families); cut hard.
      String cut =
          "\n\n… cut at " + options.markdownLimit() + " characters, see the HTML report.\n";
      out = out.substring(0, options.markdownLimit() - cut.length()) + cut;
    }
    return out;
  }

  private String head(RunView view) {
    RunReport run = view.run();
    StringBuilder s = new StringBuilder();
    s.append("## Interlock verify: ").append(view.verdict()).append("\n\n");
    long errors = view.failedWith(Severity.ERROR);
    long warnings = view.failedWith(Severity.WARNING) + view.failedWith(Severity.INFO);
    if (view.failed() == 0) {
      s.append("**All ").append(run.results().size()).append(" checks passed or were skipped.**");
    } else {
      s.append("**")
          .append(view.failed())
          .append(" of ")
          .append(run.results().size())
          .append(" checks failed** (")
          .append(errors)
          .append(errors == 1 ? " error" : " errors")
          .append(", ")
          .append(warnings)
          .append(warnings == 1 ? " warning" : " warnings")
          .append(").");
    }
    s.append(" Seed ")
        .append(TextFormat.mdCode(Long.toString(run.seed())))
        .append(" · Interlock ")
        .append(TextFormat.md(run.interlockVersion()))
        .append(" · ")
        .append(run.startedAt() == null ? "" : run.startedAt().toString())
        .append(" · ")
        .append(TextFormat.duration(run.duration()))
        .append("\n\n");
    s.append("| Outcome | Checks |\n|---|---:|\n");
    s.append("| Failed | ").append(view.failed()).append(" |\n");
    s.append("| Passed | ").append(view.passed()).append(" |\n");
    s.append("| Skipped | ").append(view.skipped()).append(" |\n");
    s.append("| Total | ").append(run.results().size()).append(" |\n");
    long operations = run.coverage().size();
    long covered = run.coverage().stream().filter(OperationCoverage::covered).count();
    if (operations > 0) {
      s.append("\nOperation coverage: ")
          .append(covered)
          .append(" of ")
          .append(operations)
          .append(" contract operations exercised.\n");
    }
    s.append('\n');
    return s.toString();
  }

  private String failure(RunView view, CheckResult r, int number) {
    StringBuilder s = new StringBuilder();
    s.append(number)
        .append(". **")
        .append(r.severity().label().toUpperCase())
        .append("** ")
        .append(TextFormat.mdCode(r.checkId()));
    if (!r.vendor().isBlank()) {
      s.append(" · ").append(TextFormat.md(r.vendor()));
    }
    if (!r.operation().isBlank()) {
      s.append(" · ").append(TextFormat.mdCode(r.operation()));
    }
    s.append(" — ")
        .append(TextFormat.md(TextFormat.shorten(r.subject(), TEXT_LIMIT)))
        .append("  \n");
    s.append("   ").append(TextFormat.md(TextFormat.shorten(r.message(), TEXT_LIMIT))).append('\n');
    for (ChangeImpact c : r.facts().changes()) {
      if (c.affectsConsumer()) {
        s.append("   - breaks ")
            .append(TextFormat.md(c.consumer()))
            .append(": ")
            .append(TextFormat.md(TextFormat.shorten(c.interaction(), TEXT_LIMIT)))
            .append(" (")
            .append(TextFormat.md(c.level()))
            .append(", ")
            .append(TextFormat.mdCode(c.ruleId()))
            .append(")\n");
      }
    }
    int shown = 0;
    for (Diagnostic d : r.findings()) {
      if (shown == FINDINGS_PER_FAILURE) {
        s.append("   - … and ").append(r.findings().size() - shown).append(" more findings\n");
        break;
      }
      s.append("   - ");
      String position = view.position(d);
      String link = view.link(d);
      if (position != null) {
        s.append(
                link == null
                    ? TextFormat.mdCode(position)
                    : "[" + TextFormat.mdCode(position) + "](" + link + ")")
            .append(' ');
      }
      s.append(TextFormat.md(TextFormat.shorten(TextFormat.oneLine(d.message()), TEXT_LIMIT)))
          .append(' ')
          .append(TextFormat.mdCode(d.code()));
      if (d.expected() != null) {
        s.append(" — expected ").append(TextFormat.mdCode(TextFormat.shorten(d.expected(), 120)));
      }
      if (d.actual() != null) {
        s.append(", actual ").append(TextFormat.mdCode(TextFormat.shorten(d.actual(), 120)));
      }
      s.append('\n');
      shown++;
    }
    return s.toString();
  }

  private String tail(RunView view) {
    StringBuilder s = new StringBuilder();
    s.append("### Reproduce\n\n```sh\n")
        .append(TextFormat.oneLine(view.reproduce()).replace("```", "'''"))
        .append("\n```\n\n");
    s.append(
        "### By check family\n\n| Family | Failed | Passed | Skipped |\n|---|---:|---:|---:|\n");
    for (Map.Entry<String, Map<Outcome, Long>> e : view.countsByFamily().entrySet()) {
      s.append("| ")
          .append(TextFormat.mdCode(e.getKey()))
          .append(" | ")
          .append(e.getValue().get(Outcome.FAILED))
          .append(" | ")
          .append(e.getValue().get(Outcome.PASSED))
          .append(" | ")
          .append(e.getValue().get(Outcome.SKIPPED))
          .append(" |\n");
    }
    s.append("\n<sub>Secrets are redacted. Full evidence, coverage and timelines: ")
        .append("`interlock-report.html`; machine-readable: `interlock-report.json`, ")
        .append("`interlock.sarif`, `junit/TEST-interlock.xml`.</sub>\n");
    return s.toString();
  }
}
