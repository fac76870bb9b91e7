package dev.interlock.reports.internal;

import static dev.interlock.reports.internal.TextFormat.html;
import static dev.interlock.reports.internal.TextFormat.outcomeTag;

import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import java.util.List;
import java.util.Optional;

/**
 * The HTML report's "Breaking changes" section: one row per change a version comparison found, with
 * its level and each consumer interaction it breaks, read from the results' typed facts.
 */
public final class HtmlBreakingChangesSection {

  private HtmlBreakingChangesSection() {}

  /** Appends the section to {@code out}. */
  public static void render(RunView view, StringBuilder out) {
    out.append(
        "<section id=\"breaking\" aria-labelledby=\"breaking-h\">\n<h2 id=\"breaking-h\">Breaking changes</h2>\n");
    List<CheckResult> changes = view.breakingChanges();
    if (changes.isEmpty()) {
      out.append("<p class=\"note\">No contract version comparison in this run.</p>\n</section>\n");
      return;
    }
    long broken = changes.stream().filter(CheckResult::failed).count();
    out.append("<p class=\"note\">")
        .append(broken)
        .append(" of ")
        .append(changes.size())
        .append(
            " version comparisons found a change that breaks a consumer or the contract.</p>\n");
    out.append("<table><thead><tr><th scope=\"col\">Outcome</th><th scope=\"col\">Vendor</th>")
        .append(
            "<th scope=\"col\">Change</th><th scope=\"col\">Level</th><th scope=\"col\">Consumer</th>")
        .append(
            "<th scope=\"col\">Interaction affected</th><th scope=\"col\">Operation</th></tr></thead><tbody>\n");
    for (RunView.ChangeRow row : view.changeRows()) {
      CheckResult r = row.result();
      Optional<ChangeImpact> change = row.change();
      out.append("<tr><td>")
          .append(outcomeTag(r.outcome()))
          .append("</td><td>")
          .append(html(r.vendor()))
          .append("</td><td class=\"wrap\">")
          .append(html(r.message()))
          .append("<br><span class=\"note\">")
          .append(html(r.subject()))
          .append(" · <code>")
          .append(html(change.map(ChangeImpact::ruleId).orElse(r.checkId())))
          .append("</code></span></td><td>")
          .append(html(change.map(ChangeImpact::level).orElse("")))
          .append("</td><td>")
          .append(html(change.map(ChangeImpact::consumer).filter(c -> !c.isEmpty()).orElse("—")))
          .append("</td><td class=\"wrap\">")
          .append(html(change.map(ChangeImpact::interaction).filter(i -> !i.isEmpty()).orElse("—")))
          .append("</td><td class=\"mono\">")
          .append(html(change.map(ChangeImpact::operation).orElse(r.operation())))
          .append("</td></tr>\n");
    }
    out.append("</tbody></table>\n</section>\n");
  }
}
