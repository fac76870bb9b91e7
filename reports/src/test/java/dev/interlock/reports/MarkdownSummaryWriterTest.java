package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.run.RunReport;
import org.junit.jupiter.api.Test;

class MarkdownSummaryWriterTest {

  private final MarkdownSummaryWriter writer = new MarkdownSummaryWriter(RunFixtures.OPTIONS);

  @Test
  void verdictCountsFailuresFirstThenReproduceAndFamilies() {
    String md = writer.render(RunFixtures.typical());

    assertThat(md).startsWith("## Interlock verify: FAILED\n");
    assertThat(md).contains("**4 of 10 checks failed** (3 errors, 1 warning)");
    assertThat(md)
        .contains("| Failed | 4 |")
        .contains("| Passed | 5 |")
        .contains("| Skipped | 1 |");
    assertThat(md.indexOf("### Failures")).isLessThan(md.indexOf("### Reproduce"));
    assertThat(md.indexOf("### Reproduce")).isLessThan(md.indexOf("### By check family"));
    // errors before the warning
    assertThat(md.indexOf("`pact.request-matches-spec`")).isLessThan(md.indexOf("`contract.lint`"));
    assertThat(md)
        .contains(
            "[`contracts/openapi/payments/2024-06.yaml:42:17`](https://github.com/acme/shop/blob/abc123/contracts/openapi/payments/2024-06.yaml#L42)");
    assertThat(md).contains("```sh\n" + RunFixtures.COMMAND + "\n```");
    assertThat(md).contains("| `adapter` | 1 | 1 | 0 |");
    assertThat(md).doesNotContainPattern("[\\x{1F300}-\\x{1FAFF}\\x{2600}-\\x{27BF}]");
  }

  @Test
  void aPassingRunSaysSo() {
    RunReport run =
        RunFixtures.run(java.util.List.of(RunFixtures.passed("pact.a", "v", "GET /", "s")));
    assertThat(writer.render(run))
        .startsWith("## Interlock verify: PASSED\n")
        .contains("**All 1 checks passed");
  }

  @Test
  void tenThousandFindingsOfOneResultStayUnderTheLimit() {
    String md = writer.render(RunFixtures.manyFindings(10_000));

    assertThat(md.length()).isLessThanOrEqualTo(60_000);
    assertThat(md).contains("finding number 1 about").contains("… and 9995 more findings");
  }

  @Test
  void tenThousandFailingResultsStayUnderTheLimitAndListTheFirst() {
    String md = writer.render(RunFixtures.manyFailures(10_000));

    assertThat(md.length()).isLessThanOrEqualTo(60_000);
    assertThat(md)
        .contains("1. **ERROR** `pact.request-matches-spec`")
        .contains("failure number 1 \\| with a pipe");
    assertThat(md).containsPattern("… and \\d+ more failures, see the HTML report");
    assertThat(md).contains("### Reproduce").contains("### By check family");
    // markup from the run is neutralised
    assertThat(md).doesNotContain("<b>").contains("&lt;b&gt;markup");
  }

  @Test
  void theLimitIsConfigurable() {
    MarkdownSummaryWriter small =
        new MarkdownSummaryWriter(RunFixtures.OPTIONS.withMarkdownLimit(5_000));
    String md = small.render(RunFixtures.manyFailures(1_000));
    assertThat(md.length()).isLessThanOrEqualTo(5_000);
    assertThat(md).contains("failure number 1 ");
  }
}
