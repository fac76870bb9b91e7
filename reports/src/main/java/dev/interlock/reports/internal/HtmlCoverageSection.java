package dev.interlock.reports.internal;

import static dev.interlock.reports.internal.TextFormat.html;

import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.RunReport;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The HTML report's "Operation coverage" section: per contract version, which pacts, tests and
 * scenarios exercised each operation, and the operations nothing exercised.
 */
public final class HtmlCoverageSection {

  private HtmlCoverageSection() {}

  /** Appends the section to {@code out}. */
  public static void render(RunReport run, StringBuilder out) {
    out.append(
        "<section id=\"coverage\" aria-labelledby=\"coverage-h\">\n<h2 id=\"coverage-h\">Operation coverage</h2>\n");
    if (run.coverage().isEmpty()) {
      out.append("<p class=\"note\">The run recorded no operation coverage.</p>\n</section>\n");
      return;
    }
    Map<String, List<OperationCoverage>> byContract = new TreeMap<>();
    for (OperationCoverage c : run.coverage()) {
      byContract.computeIfAbsent(c.vendor() + " " + c.version(), k -> new ArrayList<>()).add(c);
    }
    long uncovered = run.coverage().stream().filter(c -> !c.covered()).count();
    out.append(
            "<p class=\"note\">Which pacts, tests and scenarios exercised each contract operation. ")
        .append(uncovered)
        .append(uncovered == 1 ? " operation was" : " operations were")
        .append(" exercised by nothing (marked “not exercised”).</p>\n");
    for (Map.Entry<String, List<OperationCoverage>> e : byContract.entrySet()) {
      List<OperationCoverage> ops = e.getValue();
      long covered = ops.stream().filter(OperationCoverage::covered).count();
      out.append("<h3>")
          .append(html(ops.get(0).vendor()))
          .append(" <span class=\"note\">version ")
          .append(html(ops.get(0).version()))
          .append(" · ")
          .append(covered)
          .append(" of ")
          .append(ops.size())
          .append(" operations exercised</span></h3>\n");
      out.append(
          "<table><thead><tr><th scope=\"col\">Operation</th><th scope=\"col\">Exercised by</th></tr></thead><tbody>\n");
      for (OperationCoverage c : ops) {
        out.append(c.covered() ? "<tr>" : "<tr class=\"uncovered\">")
            .append("<td class=\"mono\">")
            .append(html(c.operation()))
            .append("</td><td>");
        if (c.covered()) {
          for (String by : c.exercisedBy()) {
            out.append("<span class=\"chip\">").append(html(by)).append("</span>");
          }
        } else {
          out.append("<span class=\"tag warning\">not exercised</span>");
        }
        out.append("</td></tr>\n");
      }
      out.append("</tbody></table>\n");
    }
    out.append("</section>\n");
  }
}
