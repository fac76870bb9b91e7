package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.SourceLocation;
import dev.interlock.diff.internal.Rules;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every schema rule in the four places of a webhook (OpenAPI 3.1), from the minimal pairs of {@link
 * SchemaRulesTest} moved under {@code webhooks}: the levels are those of the other side, the
 * payload judged as a response the consumer reads, the reply as a request the consumer writes.
 */
class WebhookSchemaRulesTest {

  private static final Map<SchemaRulesTest.Place, Rules.SchemaPrefix> WEBHOOK_PLACES =
      Map.of(
          SchemaRulesTest.Place.REQUEST_BODY, Rules.WEBHOOK_REQUEST_BODY,
          SchemaRulesTest.Place.REQUEST_PARAMETER, Rules.WEBHOOK_REQUEST_PARAMETER,
          SchemaRulesTest.Place.RESPONSE_BODY, Rules.WEBHOOK_RESPONSE_BODY,
          SchemaRulesTest.Place.RESPONSE_HEADER, Rules.WEBHOOK_RESPONSE_HEADER);

  record Example(
      String ruleId,
      SchemaRulesTest.Place place,
      Rules.SchemaPrefix prefix,
      SchemaRulesTest.SchemaCase schemaCase) {
    @Override
    public String toString() {
      return ruleId;
    }

    String document(String schema) {
      return place.document(schema, true).replace("paths:\n  /x:", "webhooks:\n  x:");
    }
  }

  static Stream<Example> examples() {
    List<Example> out = new ArrayList<>();
    WEBHOOK_PLACES.forEach(
        (place, prefix) -> {
          for (SchemaRulesTest.SchemaCase c : SchemaRulesTest.CASES) {
            out.add(new Example(prefix.prefix() + c.rule().suffix(), place, prefix, c));
          }
        });
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void reportsTheRuleWithTheLevelOfTheOtherSide(Example example, @TempDir Path dir) {
    SchemaRulesTest.SchemaCase c = example.schemaCase();
    String oldText = example.document(c.oldSchema());
    String newText = example.document(c.newSchema());
    DiffReport report =
        OpenApiDiff.compare(
            Specs.openApi(Specs.write(dir, "old.yaml", oldText)),
            Specs.openApi(Specs.write(dir, "new.yaml", newText)));

    List<Change> found = report.withRule(example.ruleId());
    assertThat(found).as(report.changes().toString()).hasSize(1);
    Change change = found.get(0);
    assertThat(change.level()).isEqualTo(c.rule().level(example.prefix().direction()));
    assertThat(change.level()).isEqualTo(RuleCatalog.find(example.ruleId()).orElseThrow().level());
    assertThat(change.newLocation().map(SourceLocation::line))
        .contains(Specs.lineOf(newText, newText.contains("#new") ? "#new" : "#S"));
  }
}
