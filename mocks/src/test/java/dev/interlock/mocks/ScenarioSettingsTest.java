package dev.interlock.mocks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.manifest.ManifestReader;
import java.io.InputStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

/** Scenario settings in the manifest's spelling and the admin API's aliases. */
class ScenarioSettingsTest {

  static final ObjectMapper JSON = new ObjectMapper();

  static JsonNode json(String text) throws Exception {
    return JSON.readTree(text);
  }

  @Test
  void theManifestsSpellingIsRead() throws Exception {
    assertThat(
            Scenario.fromJson(
                json(
                    "{\"name\":\"flaky\",\"errorRate\":0.3,\"statuses\":[502,503],"
                        + "\"connectionResetRate\":0.1}")))
        .isEqualTo(new Scenario.Flaky(0.3, 0.1, List.of(502, 503)));
    assertThat(
            Scenario.fromJson(
                json("{\"name\":\"slow\",\"latency\":{\"p50\":\"200ms\",\"p99\":\"2s\"}}")))
        .isEqualTo(new Scenario.Slow(Duration.ofMillis(200), Duration.ofSeconds(2)));
    assertThat(Scenario.fromJson(json("{\"name\":\"rate-limited\",\"rateLimitFactor\":0.2}")))
        .isEqualTo(new Scenario.RateLimited(2, Duration.ofSeconds(1), OptionalDouble.of(0.2)));
    assertThat(
            Scenario.fromJson(
                json(
                    "{\"name\":\"outage\",\"status\":500,\"duration\":\"10s\",\"retryAfter\":\"5s\"}")))
        .isEqualTo(
            new Scenario.Outage(Duration.ofSeconds(10), 500, Optional.of(Duration.ofSeconds(5))));
  }

  @Test
  void theAdminApisSpellingsAreAliases() throws Exception {
    assertThat(Scenario.fromJson(json("{\"name\":\"flaky\",\"resetRate\":0.1}")))
        .isEqualTo(Scenario.fromJson(json("{\"name\":\"flaky\",\"connectionResetRate\":0.1}")));
    assertThat(Scenario.fromJson(json("{\"name\":\"slow\",\"median\":\"200ms\",\"max\":\"2s\"}")))
        .isEqualTo(
            Scenario.fromJson(
                json("{\"name\":\"slow\",\"latency\":{\"p50\":\"200ms\",\"p99\":\"2s\"}}")));
  }

  @Test
  void missingSettingsKeepTodaysDefaults() throws Exception {
    assertThat(Scenario.fromJson(json("{\"name\":\"flaky\"}"))).isEqualTo(Scenario.named("flaky"));
    assertThat(((Scenario.Flaky) Scenario.named("flaky")).statuses())
        .containsExactly(500, 502, 503);
    assertThat(Scenario.fromJson(json("{\"name\":\"outage\"}")))
        .isEqualTo(new Scenario.Outage(Duration.ofSeconds(30), 503, Optional.empty()));
  }

  @Test
  void unusableValuesAreRefusedSayingWhich() {
    assertThatThrownBy(() -> Scenario.fromJson(json("{\"name\":\"flaky\",\"statuses\":[200]}")))
        .hasMessageContaining("5xx");
    assertThatThrownBy(
            () -> Scenario.fromJson(json("{\"name\":\"outage\",\"retryAfter\":\"soon\"}")))
        .hasMessageContaining("'retryAfter' is not a duration");
    assertThatThrownBy(
            () -> Scenario.fromJsonStrict(json("{\"name\":\"slow\",\"latency\":\"200ms\"}")))
        .hasMessageContaining("'latency' is not an object of p50 and p99");
  }

  @Test
  void theStrictReadingNamesAKeyTheScenarioDoesNotKnow() throws Exception {
    assertThatThrownBy(() -> Scenario.fromJsonStrict(json("{\"name\":\"flaky\",\"errorRat\":0.5}")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "scenario 'flaky' has no setting 'errorRat' (known: errorRate, statuses,"
                + " connectionResetRate, resetRate)");
    assertThatThrownBy(
            () -> Scenario.fromJsonStrict(json("{\"name\":\"slow\",\"latency\":{\"p95\":\"1s\"}}")))
        .hasMessageContaining("no setting 'latency.p95'");
    assertThat(Scenario.fromJson(json("{\"name\":\"flaky\",\"errorRat\":0.5}")))
        .isEqualTo(Scenario.named("flaky"));
  }

  @Test
  void theManifestSchemaDescribesExactlyTheKeysEachScenarioReads() throws Exception {
    JsonNode schema;
    try (InputStream in =
        ManifestReader.class.getResourceAsStream(ManifestReader.SCHEMA_RESOURCE)) {
      schema = JSON.readTree(in);
    }
    JsonNode scenarios = schema.path("properties").path("scenarios").path("properties");
    List<String> names = new ArrayList<>();
    scenarios.fieldNames().forEachRemaining(names::add);
    assertThat(names)
        .containsExactly("normal", "flaky", "slow", "rate-limited", "outage", "scripted");
    for (String name : names) {
      assertThat(flatten(scenarios.get(name), ""))
          .as("schema keys of scenario '%s'", name)
          .containsExactlyElementsOf(ScenarioSettings.knownKeys(name));
    }
  }

  private static List<String> flatten(JsonNode schema, String prefix) {
    List<String> out = new ArrayList<>();
    schema
        .path("properties")
        .fields()
        .forEachRemaining(
            e -> {
              if (e.getValue().has("properties")) {
                out.addAll(flatten(e.getValue(), prefix + e.getKey() + "."));
              } else {
                out.add(prefix + e.getKey());
              }
            });
    return out;
  }
}
