package dev.interlock.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllureResultsWriterTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private List<JsonNode> results(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(p -> p.getFileName().toString().endsWith("-result.json"))
          .sorted()
          .map(
              p -> {
                try {
                  return JSON.readTree(p.toFile());
                } catch (IOException e) {
                  throw new java.io.UncheckedIOException(e);
                }
              })
          .toList();
    }
  }

  private static Map<String, String> labels(JsonNode result) {
    Map<String, String> out = new HashMap<>();
    result
        .path("labels")
        .forEach(l -> out.putIfAbsent(l.path("name").asText(), l.path("value").asText()));
    return out;
  }

  @Test
  void writesOneAllure2ResultPerCheckResult() throws Exception {
    new AllureResultsWriter(RunFixtures.OPTIONS).write(RunFixtures.typical(), dir);
    Path folder = dir.resolve("allure-results");

    List<JsonNode> results = results(folder);
    assertThat(results).hasSize(RunFixtures.typical().results().size());
    JsonNode pact =
        results.stream()
            .filter(r -> r.path("name").asText().equals("order-sync → payments: create a charge"))
            .findFirst()
            .orElseThrow();
    assertThat(pact.path("status").asText()).isEqualTo("failed");
    assertThat(pact.path("stage").asText()).isEqualTo("finished");
    assertThat(pact.path("uuid").asText()).matches("[0-9a-f-]{36}");
    assertThat(pact.path("historyId").asText()).hasSize(32);
    assertThat(pact.path("fullName").asText()).contains("pact.request-matches-spec");
    assertThat(pact.at("/statusDetails/message").asText())
        .isEqualTo("The pact's response body does not match the spec.");
    assertThat(pact.at("/statusDetails/trace").asText()).contains("2024-06.yaml:42:17");
    assertThat(pact.path("stop").asLong()).isGreaterThanOrEqualTo(pact.path("start").asLong());
    assertThat(labels(pact))
        .containsEntry("suite", "payments")
        .containsEntry("feature", "pact")
        .containsEntry("story", "pact.request-matches-spec")
        .containsEntry("severity", "critical");
    assertThat(pact.path("steps")).hasSize(1);
    assertThat(pact.at("/steps/0/status").asText()).isEqualTo("failed");

    JsonNode attachments = pact.path("attachments");
    assertThat(attachments).hasSize(2);
    for (JsonNode a : attachments) {
      assertThat(a.path("source").asText()).matches("[0-9a-f-]{36}-attachment\\.(json|txt)");
      assertThat(folder.resolve(a.path("source").asText())).exists();
      assertThat(a.path("type").asText()).isIn("application/json", "text/plain");
    }
    assertThat(folder.resolve("environment.properties")).content().contains("Seed=4815162342");
    assertThat(JSON.readTree(folder.resolve("categories.json").toFile()).isArray()).isTrue();
  }

  @Test
  void timelinesBecomeStepsAndSkipsStaySkipped() throws Exception {
    new AllureResultsWriter(RunFixtures.OPTIONS).write(RunFixtures.typical(), dir);
    List<JsonNode> results = results(dir.resolve("allure-results"));

    JsonNode flaky =
        results.stream()
            .filter(r -> r.path("name").asText().contains("flaky"))
            .findFirst()
            .orElseThrow();
    assertThat(flaky.at("/steps/0/name").asText()).isEqualTo("timeline: flaky");
    assertThat(flaky.at("/steps/0/steps/0/name").asText())
        .isEqualTo("+0 ms attempt createCharge → 503");
    assertThat(flaky.at("/steps/0/steps/1/name").asText())
        .isEqualTo("+40 ms wait 400 ms (backoff)");
    assertThat(results).anySatisfy(r -> assertThat(r.path("status").asText()).isEqualTo("skipped"));
  }

  @Test
  void historyIdsAreStableAcrossRunsAndOldResultsAreReplaced() throws Exception {
    AllureResultsWriter writer = new AllureResultsWriter(RunFixtures.OPTIONS);
    writer.write(RunFixtures.typical(), dir);
    List<String> first =
        results(dir.resolve("allure-results")).stream()
            .map(r -> r.path("historyId").asText())
            .sorted()
            .toList();
    writer.write(RunFixtures.typicalShifted(), dir);
    List<JsonNode> second = results(dir.resolve("allure-results"));

    assertThat(second).hasSize(first.size());
    assertThat(second.stream().map(r -> r.path("historyId").asText()).sorted().toList())
        .isEqualTo(first);
  }
}
