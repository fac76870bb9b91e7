package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.run.RunReport;
import dev.interlock.core.schema.JsonSchemaValidator;
import dev.interlock.core.schema.SchemaDialect;
import dev.interlock.core.schema.SchemaViolation;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JsonReportTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  static List<SchemaViolation> validate(String schemaResource, JsonNode instance) throws Exception {
    try (InputStream in = JsonReportTest.class.getResourceAsStream(schemaResource)) {
      JsonNode schema = JSON.readTree(in);
      return JsonSchemaValidator.forSchema(schema, SchemaDialect.DRAFT_2020_12)
          .validate(JsonPointer.ROOT, instance);
    }
  }

  @Test
  void writtenReportValidatesAgainstThePublishedSchema() throws Exception {
    new JsonReportWriter(RunFixtures.OPTIONS).write(RunFixtures.typical(), dir);

    JsonNode written = JSON.readTree(dir.resolve("interlock-report.json").toFile());
    assertThat(validate(RunReportJson.SCHEMA_RESOURCE, written)).isEmpty();
    assertThat(written.path("seed").asText()).isEqualTo("4815162342");
    assertThat(written.path("summary").path("verdict").asText()).isEqualTo("FAILED");
    assertThat(written.at("/results/0/findings/0/location/file").asText())
        .isEqualTo("contracts/openapi/payments/2024-06.yaml");
  }

  @Test
  void aLargeRunValidatesToo() throws Exception {
    JsonNode written =
        JSON.readTree(RunReportJson.toJson(RunFixtures.manyFailures(300), RunFixtures.OPTIONS));
    assertThat(validate(RunReportJson.SCHEMA_RESOURCE, written)).isEmpty();
  }

  @Test
  void theSchemaRejectsAReportWithoutResults() throws Exception {
    JsonNode written =
        JSON.readTree(RunReportJson.toJson(RunFixtures.typical(), RunFixtures.OPTIONS));
    ((com.fasterxml.jackson.databind.node.ObjectNode) written).remove("results");
    ((com.fasterxml.jackson.databind.node.ObjectNode) written).put("seed", 12);
    assertThat(validate(RunReportJson.SCHEMA_RESOURCE, written)).hasSizeGreaterThanOrEqualTo(2);
  }

  @Test
  void timelineEvidenceValidatesAgainstTheTimelineSchema() throws Exception {
    assertThat(
            validate(
                "/dev/interlock/reports/timeline.schema.json", JSON.readTree(RunFixtures.TIMELINE)))
        .isEmpty();
    assertThat(
            validate(
                "/dev/interlock/reports/timeline.schema.json",
                JSON.readTree(RunFixtures.OUTAGE_TIMELINE)))
        .isEmpty();
    assertThat(
            validate(
                "/dev/interlock/reports/timeline.schema.json",
                JSON.readTree("{\"scenario\":\"x\",\"events\":[{\"t\":0,\"kind\":\"wait\"}]}")))
        .isNotEmpty();
  }

  @Test
  void readingTheJsonBackGivesTheSameRun() {
    RunReport run = RunFixtures.typical();
    String json =
        RunReportJson.toJson(run, ReportOptions.defaults().withSourceRoot(RunFixtures.ROOT));

    RunReport back = RunReportJson.fromJson(json);

    assertThat(back.seed()).isEqualTo(run.seed());
    assertThat(back.command()).isEqualTo(run.command());
    assertThat(back.startedAt()).isEqualTo(run.startedAt());
    assertThat(back.duration()).isEqualTo(run.duration());
    assertThat(back.contracts()).isEqualTo(run.contracts());
    assertThat(back.coverage()).isEqualTo(run.coverage());
    assertThat(back.results()).hasSameSizeAs(run.results());
    for (int i = 0; i < run.results().size(); i++) {
      var a = run.results().get(i);
      var b = back.results().get(i);
      assertThat(b.evidence()).isEqualTo(a.evidence());
      assertThat(b.labels()).isEqualTo(a.labels());
      assertThat(b).usingRecursiveComparison().ignoringFields("findings").isEqualTo(a);
      for (int f = 0; f < a.findings().size(); f++) {
        var da = a.findings().get(f);
        var db = b.findings().get(f);
        assertThat(db.location().file())
            .isEqualTo(RunFixtures.ROOT.relativize(da.location().file()));
        assertThat(db).usingRecursiveComparison().ignoringFields("location.file").isEqualTo(da);
      }
    }
    // and re-rendering from the read run writes the same JSON
    assertThat(
            RunReportJson.toJson(back, ReportOptions.defaults().withSourceRoot(RunFixtures.ROOT)))
        .isEqualTo(json);
  }

  @Test
  void everyFormatRendersFromASavedJson() throws Exception {
    new JsonReportWriter(RunFixtures.OPTIONS).write(RunFixtures.typical(), dir);
    RunReport back = RunReportJson.read(dir.resolve(JsonReportWriter.FILE));
    Path again = dir.resolve("again");
    List<Path> written = Reports.writeAll(back, again, RunFixtures.OPTIONS);
    assertThat(written).allSatisfy(p -> assertThat(p).exists());
    assertThat(Files.readString(again.resolve(MarkdownSummaryWriter.FILE)))
        .contains("contracts/openapi/payments/2024-06.yaml:42:17");
  }

  @Test
  void aFileThatIsNotARunReportIsRefusedWithItsName() throws Exception {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"hello\": 1}");
    assertThatThrownBy(() -> RunReportJson.read(bad))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("bad.json")
        .hasMessageContaining("not an Interlock run report");
    Files.writeString(bad, "{\"results\": [");
    assertThatThrownBy(() -> RunReportJson.read(bad))
        .hasMessageContaining("not valid JSON (line 1");
  }
}
