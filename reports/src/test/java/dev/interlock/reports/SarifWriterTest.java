package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private static final String DOCS = "https://docs.example.com/interlock/README.md";

  private JsonNode sarif(dev.interlock.core.run.RunReport run) throws Exception {
    return sarif(run, RunFixtures.OPTIONS);
  }

  private JsonNode sarif(dev.interlock.core.run.RunReport run, ReportOptions options)
      throws Exception {
    new SarifWriter(options).write(run, dir);
    return JSON.readTree(dir.resolve("interlock.sarif").toFile());
  }

  private static JsonSchemaValidator officialSchema() throws Exception {
    try (InputStream in =
        SarifWriterTest.class.getResourceAsStream("/sarif/sarif-schema-2.1.0.json")) {
      return JsonSchemaValidator.forSchema(JSON.readTree(in), SchemaDialect.DRAFT_2020_12);
    }
  }

  @Test
  void validatesAgainstTheSarif210Schema() throws Exception {
    JsonSchemaValidator schema = officialSchema();
    assertThat(schema.validate(JsonPointer.ROOT, sarif(RunFixtures.typical()))).isEmpty();
    assertThat(schema.validate(JsonPointer.ROOT, sarif(RunFixtures.manyFailures(50)))).isEmpty();
    assertThat(schema.validate(JsonPointer.ROOT, sarif(RunFixtures.run(List.of())))).isEmpty();
    assertThat(
            schema.validate(
                JsonPointer.ROOT,
                sarif(RunFixtures.typical(), RunFixtures.OPTIONS.withDocsUrl(DOCS))))
        .isEmpty();
  }

  @Test
  void theSchemaCatchesABrokenLog() throws Exception {
    JsonNode log = sarif(RunFixtures.typical());
    ((com.fasterxml.jackson.databind.node.ObjectNode) log.at("/runs/0/results/0"))
        .put("level", "fatal");
    assertThat(officialSchema().validate(JsonPointer.ROOT, log)).isNotEmpty();
  }

  @Test
  void findingsPointAtTheContractLineRelativeToTheRepository() throws Exception {
    JsonNode log = sarif(RunFixtures.typical());
    JsonNode first = log.at("/runs/0/results/0");

    assertThat(log.at("/runs/0/tool/driver/name").asText()).isEqualTo("Interlock");
    assertThat(log.at("/runs/0/tool/driver/version").asText()).isEqualTo("0.1.0-SNAPSHOT");
    assertThat(first.path("ruleId").asText()).isEqualTo("verify.pact.response.body.type");
    assertThat(first.path("level").asText()).isEqualTo("error");
    JsonNode physical = first.at("/locations/0/physicalLocation");
    assertThat(physical.at("/artifactLocation/uri").asText())
        .isEqualTo("contracts/openapi/payments/2024-06.yaml");
    assertThat(physical.at("/region/startLine").asInt()).isEqualTo(42);
    assertThat(physical.at("/region/startColumn").asInt()).isEqualTo(17);
    assertThat(first.at("/message/text").asText())
        .contains("'amount' is a string")
        .contains("Expected: integer");
  }

  @Test
  void everyResultHasADocumentedRuleAndALocation() throws Exception {
    JsonNode log = sarif(RunFixtures.typical());
    List<String> ruleIds = new ArrayList<>();
    for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
      ruleIds.add(rule.path("id").asText());
      assertThat(rule.at("/shortDescription/text").asText()).isNotBlank();
      assertThat(rule.at("/help/text").asText()).isNotBlank();
    }
    assertThat(ruleIds).doesNotHaveDuplicates();
    for (JsonNode result : log.at("/runs/0/results")) {
      assertThat(ruleIds.get(result.path("ruleIndex").asInt()))
          .isEqualTo(result.path("ruleId").asText());
      assertThat(result.at("/locations/0/physicalLocation/artifactLocation/uri").asText())
          .startsWith("contracts/");
    }
    // the failure without findings (adapter.exactly-once) points at the fulfilment contract
    assertThat(ruleIds).contains("adapter.exactly-once", "contract.openapi.operation-id.missing");
  }

  @Test
  void withoutADocsUrlNothingLinksAndTheHelpSaysWhereTheIdIsDocumented() throws Exception {
    JsonNode log = sarif(RunFixtures.typical());

    assertThat(RunFixtures.OPTIONS.docsUrl()).isNull();
    assertThat(log.at("/runs/0/tool/driver").has("informationUri")).isFalse();
    assertThat(log.toString()).doesNotContain("helpUri", "informationUri");
    JsonNode rules = log.at("/runs/0/tool/driver/rules");
    assertThat(rules).isNotEmpty();
    for (JsonNode rule : rules) {
      assertThat(rule.at("/help/text").asText())
          .contains(rule.path("id").asText())
          .contains("Interlock's README");
    }
    assertThat(helpOf(log, "adapter.exactly-once"))
        .isEqualTo(
            "Interlock check adapter.exactly-once; see the checks table in Interlock's README.");
  }

  @Test
  void withADocsUrlEveryRuleLinksToItsAnchor() throws Exception {
    JsonNode log = sarif(RunFixtures.typical(), RunFixtures.OPTIONS.withDocsUrl(DOCS));

    assertThat(log.at("/runs/0/tool/driver/informationUri").asText()).isEqualTo(DOCS);
    for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
      String expected = DOCS + "#" + SarifWriter.anchor(rule.path("id").asText());
      assertThat(rule.path("helpUri").asText()).isEqualTo(expected);
      assertThat(rule.at("/help/text").asText()).isEqualTo("See " + expected);
    }
    assertThat(log.toString()).contains(DOCS + "#adapterexactly-once");
  }

  @Test
  void aDocsUrlMustBeAnAbsoluteHttpUrlWithoutAFragment() {
    for (String bad :
        List.of(
            "README.md", "/docs/checks", "ftp://example.com/x", "https://", "x y", DOCS + "#a")) {
      assertThatThrownBy(() -> ReportOptions.defaults().withDocsUrl(bad))
          .as(bad)
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining(bad);
    }
    assertThat(ReportOptions.defaults().withDocsUrl("http://intranet.local/x").docsUrl())
        .isEqualTo("http://intranet.local/x");
  }

  private static String helpOf(JsonNode log, String ruleId) {
    for (JsonNode rule : log.at("/runs/0/tool/driver/rules")) {
      if (rule.path("id").asText().equals(ruleId)) {
        return rule.at("/help/text").asText();
      }
    }
    throw new AssertionError("no rule " + ruleId);
  }

  @Test
  void fingerprintsAreStableWhenLinesSeedsAndMessagesChange() throws Exception {
    List<String> first = new ArrayList<>();
    sarif(RunFixtures.typical())
        .at("/runs/0/results")
        .forEach(r -> first.add(r.at("/partialFingerprints/interlock~1v1").asText()));
    List<String> second = new ArrayList<>();
    sarif(RunFixtures.typicalShifted())
        .at("/runs/0/results")
        .forEach(r -> second.add(r.at("/partialFingerprints/interlock~1v1").asText()));

    assertThat(first).doesNotContain("").doesNotHaveDuplicates().isEqualTo(second);
  }
}
