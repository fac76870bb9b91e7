package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Severity;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HtmlReportWriterTest {

  private final HtmlReportWriter writer = new HtmlReportWriter(RunFixtures.OPTIONS);

  @Test
  void showsVerdictMatrixCoverageBreakingChangesTimelinesAndHowToReproduce() {
    String html = writer.render(RunFixtures.typical());

    assertThat(html).contains("<span class=\"verdict failed\" id=\"verdict\">FAILED</span>");
    assertThat(html).contains("<code id=\"seed\">4815162342</code>");
    assertThat(html).contains("<pre id=\"command\">" + RunFixtures.COMMAND + "</pre>");
    // matrix: vendors as row headers, families as column headers, text not only colour
    assertThat(html)
        .contains("<th scope=\"row\">payments</th>")
        .contains("<th scope=\"col\">adapter</th>");
    assertThat(html).contains("<td class=\"cell-fail\">1 failed</td>");
    // coverage, with the operation nothing exercised
    assertThat(html)
        .contains("POST /v1/refunds</td><td><span class=\"tag warning\">not exercised</span>");
    // breaking change with consumer impact
    assertThat(html)
        .contains("Required request property &#39;carrier&#39; was added.")
        .contains("create a shipment for a paid order");
    // timelines as inline SVG
    assertThat(html)
        .contains("<svg class=\"timeline\"")
        .contains("Timeline of scenario flaky")
        .contains("retry-after")
        .contains("Timeline of scenario outage")
        .contains(">timeout</text>");
    // evidence expandable
    assertThat(html).contains("<details><summary>Evidence: expected vs actual");
    // contract digests for the auditor
    assertThat(html).contains("contracts/openapi/fulfilment/v2.yaml").contains("d".repeat(64));
  }

  @Test
  void isSelfContained() {
    String html = writer.render(RunFixtures.typical());

    assertThat(html)
        .doesNotContainPattern("(?i)<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//");
    assertThat(html).doesNotContainPattern("(?i)@import|url\\((?!#)");
    assertThat(html).contains("Content-Security-Policy\" content=\"default-src 'none'");
    assertThat(html).contains("<link rel=\"icon\" href=\"data:,\">");
  }

  @Test
  void escapesEverythingFromTheRun() {
    CheckResult hostile =
        RunFixtures.result(
            "pact.<img src=x onerror=alert(1)>",
            "<b>vendor</b>",
            "GET /x?a=1&b=2",
            Outcome.FAILED,
            Severity.ERROR,
            "</title><script>alert('subject')</script>",
            "message with \"quotes\" and <i>tags</i>",
            List.of(),
            List.of(
                dev.interlock.core.run.Evidence.text("body", "</pre><script>alert(2)</script>")),
            Map.of("scenario", "<svg onload=alert(3)>"));
    String html = writer.render(RunFixtures.run(List.of(hostile)));

    assertThat(html)
        .doesNotContain("<script>alert")
        .doesNotContain("<img src=x")
        .doesNotContain("<svg onload")
        .doesNotContain("<b>vendor</b>")
        .doesNotContain("</pre><script>");
    assertThat(html)
        .contains("&lt;/title&gt;&lt;script&gt;alert(&#39;subject&#39;)&lt;/script&gt;");
    assertThat(html).contains("GET /x?a=1&amp;b=2");
    assertThat(html.split("<script>", -1)).hasSize(2);
  }

  @Test
  void anEmptyRunStillRenders() {
    String html = writer.render(RunFixtures.run(List.of()));
    assertThat(html).contains(">PASSED</span>").contains("No check failed.").contains("</html>");
  }
}
