package dev.interlock.reports;

import static dev.interlock.reports.internal.TextFormat.html;
import static dev.interlock.reports.internal.TextFormat.outcomeTag;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.Outcome;
import dev.interlock.core.run.RunReport;
import dev.interlock.reports.internal.HtmlBreakingChangesSection;
import dev.interlock.reports.internal.HtmlCoverageSection;
import dev.interlock.reports.internal.RunView;
import dev.interlock.reports.internal.TextFormat;
import dev.interlock.reports.internal.Timeline;
import dev.interlock.reports.internal.TimelineSvg;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code interlock-report.html}: the compliance report, one self-contained file that works from
 * disk. Inline CSS, JavaScript and SVG only; a Content-Security-Policy allows nothing else (no
 * network, no external file), and pins the inline style and script by hash. Everything from the run
 * is HTML-escaped after redaction.
 *
 * <p>Sections: verdict and run facts, failures first with findings and expandable evidence, the
 * vendors × check-families matrix, operation coverage, breaking changes with consumer impact,
 * scenario timelines (SVG chart plus event table), all results, the contracts with their digests,
 * and how to reproduce the run.
 */
public final class HtmlReportWriter implements ReportWriter {

  public static final String FILE = "interlock-report.html";

  /** Failures shown in full; further ones are in the results table. */
  private static final int DETAILED_FAILURES = 500;

  /** Evidence text per item. */
  private static final int EVIDENCE_LIMIT = 100_000;

  private static final String CSS = resource("report.css");
  private static final String JS = resource("report.js");

  private final ReportOptions options;

  HtmlReportWriter(ReportOptions options) {
    this.options = options;
  }

  @Override
  public String format() {
    return "html";
  }

  @Override
  public Path output(Path dir) {
    return dir.resolve(FILE);
  }

  @Override
  public void write(RunReport run, Path dir) {
    ReportWriter.writeText(output(dir), render(run));
  }

  /** The whole page. */
  public String render(RunReport run) {
    RunView view = new RunView(run, options);
    Page p = new Page(view);
    p.head();
    p.out.append("<main>\n");
    p.summary();
    p.failures();
    p.matrix();
    p.coverage();
    p.breakingChanges();
    p.timelines();
    p.results();
    p.contracts();
    p.reproduce();
    p.out.append("</main>\n");
    p.foot();
    return p.out.toString();
  }

  /** One rendering; holds the output and the id counter. */
  private final class Page {
    final RunView view;
    final RunReport run;
    final StringBuilder out = new StringBuilder(64 * 1024);
    int ids;

    Page(RunView view) {
      this.view = view;
      this.run = view.run();
    }

    String id(String prefix) {
      return prefix + "-" + (++ids);
    }

    void head() {
      String title =
          "Interlock compliance report: "
              + view.verdict()
              + (run.startedAt() == null ? "" : " (" + run.startedAt() + ")");
      out.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
          .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
          .append("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; ")
          .append("style-src '")
          .append(hash(CSS))
          .append("'; script-src '")
          .append(hash(JS))
          .append("'; img-src data:; base-uri 'none'; form-action 'none'\">\n")
          .append("<meta name=\"generator\" content=\"Interlock ")
          .append(html(run.interlockVersion()))
          .append("\">\n<title>")
          .append(html(title))
          .append("</title>\n<link rel=\"icon\" href=\"data:,\">\n<style>")
          .append(CSS)
          .append("</style>\n</head>\n<body>\n");
      String verdictClass = run.passed() ? "passed" : "failed";
      out.append("<header class=\"top\">\n<p class=\"brand\">Interlock compliance report</p>\n");
      out.append("<h1><span class=\"verdict ")
          .append(verdictClass)
          .append("\" id=\"verdict\">")
          .append(view.verdict())
          .append("</span> <span>")
          .append(html(headline()))
          .append("</span></h1>\n<dl class=\"facts\">\n");
      fact("Seed", "<code id=\"seed\">" + run.seed() + "</code>");
      fact("Started", html(run.startedAt() == null ? "" : run.startedAt().toString()));
      fact("Duration", html(TextFormat.duration(run.duration())));
      fact("Interlock", html(run.interlockVersion()));
      fact("Contracts", String.valueOf(run.contracts().size()));
      fact("Vendors", html(String.join(", ", vendorsOnly())));
      out.append("</dl>\n<nav class=\"toc\" aria-label=\"Sections\">");
      link("failures", "Failures (" + view.failed() + ")");
      link("matrix", "Vendors × families");
      link("coverage", "Coverage");
      link("breaking", "Breaking changes");
      link("timelines", "Timelines");
      link("results", "All results");
      link("contracts", "Contracts");
      link("reproduce", "Reproduce");
      out.append("</nav>\n</header>\n");
    }

    private List<String> vendorsOnly() {
      List<String> v = new ArrayList<>(view.vendors());
      v.remove(RunView.NO_VENDOR);
      return v;
    }

    private String headline() {
      int total = run.results().size();
      if (view.failed() == 0) {
        return total + " checks: all passed" + (view.skipped() > 0 ? " or skipped" : "");
      }
      return view.failed() + " of " + total + " checks failed";
    }

    private void fact(String name, String valueHtml) {
      out.append("<div><dt>")
          .append(name)
          .append("</dt><dd>")
          .append(valueHtml)
          .append("</dd></div>\n");
    }

    private void link(String id, String text) {
      out.append("<a href=\"#").append(id).append("\">").append(html(text)).append("</a>");
    }

    void summary() {
      out.append("<section id=\"summary\" aria-labelledby=\"summary-h\">\n")
          .append("<h2 id=\"summary-h\">Summary</h2>\n<div class=\"cards\">");
      card("failed", view.failed(), "failed");
      card("passed", view.passed(), "passed");
      card("skipped", view.skipped(), "skipped");
      card("total", run.results().size(), "checks in total");
      long ops = run.coverage().size();
      long covered = run.coverage().stream().filter(OperationCoverage::covered).count();
      if (ops > 0) {
        out.append("<div class=\"card total\"><b>")
            .append(covered)
            .append(" / ")
            .append(ops)
            .append("</b><span>operations exercised</span></div>");
      }
      out.append("</div>\n");
      long errors = view.failedWith(Severity.ERROR);
      if (view.failed() > 0) {
        out.append("<p class=\"note\">")
            .append(errors)
            .append(" failed with severity error (these fail the run), ")
            .append(view.failed() - errors)
            .append(" with warning or info.</p>\n");
      }
      out.append("</section>\n");
    }

    private void card(String cls, long n, String label) {
      out.append("<div class=\"card ")
          .append(cls)
          .append("\"><b>")
          .append(n)
          .append("</b><span>")
          .append(label)
          .append("</span></div>");
    }

    void failures() {
      List<CheckResult> failed = view.failures();
      out.append(
              "<section id=\"failures\" aria-labelledby=\"failures-h\">\n<h2 id=\"failures-h\">Failures (")
          .append(failed.size())
          .append(")</h2>\n");
      if (failed.isEmpty()) {
        out.append("<p class=\"note\">No check failed.</p>\n</section>\n");
        return;
      }
      out.append(
              "<div class=\"toolbar\"><button type=\"button\" data-expand=\"open\" data-target=\"#failures\">Expand all evidence</button>")
          .append(
              "<button type=\"button\" data-expand=\"close\" data-target=\"#failures\">Collapse all</button></div>\n");
      int shown = 0;
      for (CheckResult r : failed) {
        if (shown++ == DETAILED_FAILURES) {
          out.append("<p class=\"note\">… and ")
              .append(failed.size() - DETAILED_FAILURES)
              .append(" more failures, listed under <a href=\"#results\">All results</a>.</p>\n");
          break;
        }
        failure(r);
      }
      out.append("</section>\n");
    }

    private void failure(CheckResult r) {
      String sev = r.severity().label();
      out.append("<article class=\"failure ")
          .append(sev)
          .append("\">\n<h3>")
          .append("<span class=\"tag ")
          .append(sev)
          .append("\">")
          .append(sev.toUpperCase())
          .append("</span> <code>")
          .append(html(r.checkId()))
          .append("</code>");
      if (!r.vendor().isBlank()) {
        out.append(" · ").append(html(r.vendor()));
      }
      if (!r.operation().isBlank()) {
        out.append(" · <code>").append(html(r.operation())).append("</code>");
      }
      out.append("</h3>\n<p class=\"meta\">").append(html(r.subject()));
      if (!RunView.tags(r).isEmpty()) {
        out.append(" — ");
        labels(r);
      }
      out.append("</p>\n<p>").append(html(r.message())).append("</p>\n");
      if (!r.findings().isEmpty()) {
        findings(r.findings());
      }
      evidence(r, true);
      out.append("</article>\n");
    }

    private void labels(CheckResult r) {
      RunView.tags(r)
          .forEach(
              (k, v) ->
                  out.append("<span class=\"chip\">")
                      .append(html(k))
                      .append(": ")
                      .append(html(v))
                      .append("</span>"));
    }

    private void findings(List<Diagnostic> findings) {
      out.append(
              "<table class=\"findings\"><caption class=\"sr-only\">Findings</caption><thead><tr>")
          .append(
              "<th scope=\"col\">Severity</th><th scope=\"col\">Where</th><th scope=\"col\">Finding</th>")
          .append(
              "<th scope=\"col\">Expected</th><th scope=\"col\">Actual</th></tr></thead><tbody>\n");
      for (Diagnostic d : findings) {
        String pos = view.position(d);
        String link = view.link(d);
        out.append("<tr><td><span class=\"tag ")
            .append(d.severity().label())
            .append("\">")
            .append(d.severity().label())
            .append("</span></td><td class=\"loc mono\">");
        if (pos != null) {
          if (link != null) {
            out.append("<a href=\"")
                .append(html(link))
                .append("\">")
                .append(html(pos))
                .append("</a>");
          } else {
            out.append(html(pos));
          }
        }
        if (!d.location().pointer().isRoot()) {
          out.append("<br><span class=\"wrap\">")
              .append(html(d.location().pointer().toString()))
              .append("</span>");
        }
        out.append("</td><td class=\"wrap\">")
            .append(html(d.message()))
            .append(" <code>")
            .append(html(d.code()))
            .append("</code>");
        if (d.hint() != null) {
          out.append("<br><em>Hint:</em> ").append(html(d.hint()));
        }
        out.append("</td><td class=\"wrap\">")
            .append(html(nullToEmpty(d.expected())))
            .append("</td><td class=\"wrap\">")
            .append(html(nullToEmpty(d.actual())))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }

    private void evidence(CheckResult r, boolean withTimelines) {
      for (Evidence e : r.evidence()) {
        if (Evidence.TIMELINE.equals(e.mediaType()) && withTimelines) {
          Timeline.parse(e.content(), r.labels().getOrDefault("scenario", r.subject()))
              .ifPresent(t -> out.append(TimelineSvg.render(t, id("tl"))).append('\n'));
        }
        out.append("<details><summary>Evidence: ")
            .append(html(e.label()))
            .append(" <span class=\"note\">(")
            .append(html(e.mediaType()))
            .append(", ")
            .append(e.content() == null ? 0 : e.content().length())
            .append(" characters)</span></summary><pre>")
            .append(html(TextFormat.shorten(e.content(), EVIDENCE_LIMIT)))
            .append("</pre></details>\n");
      }
    }

    void matrix() {
      out.append(
          "<section id=\"matrix\" aria-labelledby=\"matrix-h\">\n<h2 id=\"matrix-h\">Vendors × check families</h2>\n");
      List<String> families = view.families();
      if (families.isEmpty()) {
        out.append("<p class=\"note\">The run has no results.</p>\n</section>\n");
        return;
      }
      out.append(
          "<p class=\"note\">Each cell counts the results of one vendor in one check family.</p>\n");
      out.append("<table><thead><tr><th scope=\"col\">Vendor</th>");
      for (String f : families) {
        out.append("<th scope=\"col\">").append(html(f)).append("</th>");
      }
      out.append("</tr></thead><tbody>\n");
      for (Map.Entry<String, Map<String, Map<Outcome, Long>>> row : view.matrix().entrySet()) {
        out.append("<tr><th scope=\"row\">").append(html(row.getKey())).append("</th>");
        for (String f : families) {
          Map<Outcome, Long> c = row.getValue().get(f);
          if (c == null) {
            out.append("<td class=\"cell-none\">—<span class=\"sr-only\"> no checks</span></td>");
            continue;
          }
          long failed = c.get(Outcome.FAILED);
          long passed = c.get(Outcome.PASSED);
          long skipped = c.get(Outcome.SKIPPED);
          String cls = failed > 0 ? "cell-fail" : passed > 0 ? "cell-pass" : "cell-skip";
          List<String> parts = new ArrayList<>();
          if (failed > 0) {
            parts.add(failed + " failed");
          }
          if (passed > 0) {
            parts.add(passed + " passed");
          }
          if (skipped > 0) {
            parts.add(skipped + " skipped");
          }
          out.append("<td class=\"")
              .append(cls)
              .append("\">")
              .append(String.join(" · ", parts))
              .append("</td>");
        }
        out.append("</tr>\n");
      }
      out.append("</tbody></table>\n</section>\n");
    }

    void coverage() {
      HtmlCoverageSection.render(run, out);
    }

    void breakingChanges() {
      HtmlBreakingChangesSection.render(view, out);
    }

    void timelines() {
      out.append(
          "<section id=\"timelines\" aria-labelledby=\"timelines-h\">\n<h2 id=\"timelines-h\">Scenario timelines</h2>\n");
      List<RunView.Scenario> scenarios = view.timelines();
      if (scenarios.isEmpty()) {
        out.append("<p class=\"note\">No scenario recorded a timeline.</p>\n</section>\n");
        return;
      }
      out.append(
              "<p class=\"note\">Attempts (bars, labelled with the response status) and waits (hatched, with duration and reason) of each scenario, on the run's clock.</p>\n")
          .append(
              "<div class=\"legend\" aria-hidden=\"true\"><span><i class=\"ok\"></i>2xx/3xx</span><span><i class=\"client\"></i>4xx (incl. 429)</span>")
          .append(
              "<span><i class=\"server\"></i>5xx or no response</span><span><i class=\"wait\"></i>wait</span></div>\n");
      for (RunView.Scenario s : scenarios) {
        Timeline t = s.timeline();
        CheckResult r = s.result();
        out.append("<figure><figcaption><strong>")
            .append(html(t.scenario()))
            .append("</strong> · ")
            .append(html(t.vendor().isBlank() ? r.vendor() : t.vendor()))
            .append(" · ")
            .append(outcomeTag(r.outcome()))
            .append(" <code>")
            .append(html(r.checkId()))
            .append("</code> — ")
            .append(t.attempts())
            .append(" attempts, ")
            .append(t.waitedMs())
            .append(" ms waited</figcaption>\n")
            .append(TimelineSvg.render(t, id("tl")))
            .append('\n');
        out.append(
                "<details><summary>Events as a table</summary><table><thead><tr><th scope=\"col\">At</th>")
            .append("<th scope=\"col\">Event</th><th scope=\"col\">Took</th></tr></thead><tbody>");
        for (String[] row : TimelineSvg.rows(t)) {
          out.append("<tr><td class=\"num\">")
              .append(html(row[0]))
              .append("</td><td>")
              .append(html(row[1]))
              .append("</td><td class=\"num\">")
              .append(html(row[2]))
              .append("</td></tr>");
        }
        out.append("</tbody></table></details>\n</figure>\n");
      }
      out.append("</section>\n");
    }

    void results() {
      out.append(
              "<section id=\"results\" aria-labelledby=\"results-h\">\n<h2 id=\"results-h\">All results</h2>\n")
          .append("<div class=\"toolbar\"><label for=\"results-filter\">Filter</label>")
          .append(
              "<input type=\"search\" id=\"results-filter\" placeholder=\"check id, vendor, operation, text\">")
          .append(
              "<button type=\"button\" data-expand=\"open\" data-target=\"#results\">Expand all</button>")
          .append(
              "<button type=\"button\" data-expand=\"close\" data-target=\"#results\">Collapse all</button></div>\n");
      Map<String, List<CheckResult>> byFamily = new LinkedHashMap<>();
      for (String f : view.families()) {
        byFamily.put(f, new ArrayList<>());
      }
      run.results().forEach(r -> byFamily.get(r.family()).add(r));
      for (Map.Entry<String, List<CheckResult>> e : byFamily.entrySet()) {
        List<CheckResult> rs = e.getValue();
        long failed = rs.stream().filter(CheckResult::failed).count();
        out.append("<details")
            .append(failed > 0 ? " open" : "")
            .append("><summary>")
            .append(html(e.getKey()))
            .append(" — ")
            .append(rs.size())
            .append(" results, ")
            .append(failed)
            .append(" failed</summary>\n")
            .append(
                "<table class=\"results-table\"><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Check</th><th scope=\"col\">Vendor</th>")
            .append(
                "<th scope=\"col\">Operation</th><th scope=\"col\">Subject and message</th><th scope=\"col\" class=\"num\">Time</th></tr></thead><tbody>\n");
        for (CheckResult r : rs) {
          out.append("<tr><td>")
              .append(outcomeTag(r.outcome()))
              .append("</td><td class=\"mono\">")
              .append(html(r.checkId()))
              .append("</td><td>")
              .append(html(r.vendor()))
              .append("</td><td class=\"mono\">")
              .append(html(r.operation()))
              .append("</td><td class=\"wrap\">")
              .append(html(r.subject()))
              .append("<br><span class=\"note\">")
              .append(html(TextFormat.shorten(r.message(), 600)))
              .append("</span></td><td class=\"num\">")
              .append(html(TextFormat.duration(r.duration())))
              .append("</td></tr>\n");
        }
        out.append("</tbody></table></details>\n");
      }
      out.append("</section>\n");
    }

    void contracts() {
      out.append(
          "<section id=\"contracts\" aria-labelledby=\"contracts-h\">\n<h2 id=\"contracts-h\">Contracts verified</h2>\n");
      if (run.contracts().isEmpty()) {
        out.append("<p class=\"note\">The run recorded no contracts.</p>\n</section>\n");
        return;
      }
      out.append(
              "<p class=\"note\">Each contract as read by this run, with the SHA-256 of its bytes.</p>\n")
          .append(
              "<table><thead><tr><th scope=\"col\">File</th><th scope=\"col\">Kind</th><th scope=\"col\">Vendor</th>")
          .append(
              "<th scope=\"col\">Version</th><th scope=\"col\">SHA-256</th></tr></thead><tbody>\n");
      for (ContractInfo c : run.contracts()) {
        out.append("<tr><td class=\"mono\">")
            .append(html(view.contractPath(c)))
            .append("</td><td>")
            .append(html(c.kind()))
            .append("</td><td>")
            .append(html(c.vendor()))
            .append("</td><td>")
            .append(html(c.version()))
            .append("</td><td class=\"mono wrap\">")
            .append(html(c.sha256()))
            .append("</td></tr>\n");
      }
      out.append("</tbody></table>\n</section>\n");
    }

    void reproduce() {
      out.append(
              "<section id=\"reproduce\" class=\"repro\" aria-labelledby=\"reproduce-h\">\n<h2 id=\"reproduce-h\">Reproduce</h2>\n")
          .append(
              "<p>Every random choice of this run (faults, synthesized data) came from seed <code>")
          .append(run.seed())
          .append("</code>. This command runs it again:</p>\n<pre id=\"command\">")
          .append(html(view.reproduce()))
          .append("</pre>\n")
          .append(
              "<button type=\"button\" data-copy=\"command\">Copy command</button>\n</section>\n");
    }

    void foot() {
      out.append("<footer>Generated by Interlock ")
          .append(html(run.interlockVersion()))
          .append(" for the run started ")
          .append(html(run.startedAt() == null ? "" : run.startedAt().toString()))
          .append(
              ". Secrets (credentials, API keys, card numbers) are redacted. This file is self-contained: it loads nothing from the network.</footer>\n")
          .append("<script>")
          .append(JS)
          .append("</script>\n</body>\n</html>\n");
    }
  }

  private static String nullToEmpty(String s) {
    return s == null ? "" : s;
  }

  private static String hash(String inline) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(inline.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  private static String resource(String name) {
    try (InputStream in = HtmlReportWriter.class.getResourceAsStream(name)) {
      if (in == null) {
        throw new IllegalStateException("missing resource " + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
