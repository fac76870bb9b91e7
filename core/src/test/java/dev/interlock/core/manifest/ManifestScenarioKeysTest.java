package dev.interlock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.document.DocumentReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The manifest's scenario settings: described by the schema, undescribed ones warned about. */
class ManifestScenarioKeysTest {

  @Test
  void aKeyNoScenarioKnowsIsWarnedAboutWithLineAndPointerButTheManifestStillLoads(@TempDir Path dir)
      throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(
        file,
        """
        interlock: 1
        scenarios:
          flaky: { errorRat: 0.5, statuses: [502] }
          slow:
            latency: { p50: 200ms, p95: 1s }
          flakey: {}
        """);
    List<Diagnostic> out = new ArrayList<>();

    Manifest manifest = new ManifestReader().read(read(file), out).orElseThrow();

    assertThat(manifest.scenarios()).containsKeys("flaky", "slow", "flakey");
    assertThat(out).allSatisfy(d -> assertThat(d.severity()).isEqualTo(Severity.WARNING));
    assertThat(out)
        .allSatisfy(d -> assertThat(d.code()).isEqualTo("contract.manifest.unknown-key"));
    assertThat(out)
        .extracting(d -> d.location().line() + ":" + d.location().pointer())
        .containsExactly(
            "3:#/scenarios/flaky/errorRat",
            "5:#/scenarios/slow/latency/p95",
            "6:#/scenarios/flakey");
    assertThat(out.get(0).message())
        .isEqualTo("manifest: 'errorRat' is not a setting of scenario 'flaky'; it is ignored");
    assertThat(out.get(0).expected())
        .contains("one of errorRate, statuses, connectionResetRate, resetRate");
    assertThat(out.get(1).message())
        .contains("'p95' is not a setting of 'latency' of scenario 'slow'");
    assertThat(out.get(2).message()).contains("there is no scenario 'flakey'");
  }

  @Test
  void theDocumentedSpellingsAndTheirAliasesRaiseNoWarning(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(
        file,
        """
        interlock: 1
        scenarios:
          normal: {}
          flaky: { errorRate: 0.2, statuses: [500, 502, 503], connectionResetRate: 0.05, resetRate: 0.05 }
          slow: { latency: { p50: 200ms, p99: 2s }, median: 1s, max: 3s }
          rate-limited: { rateLimitFactor: 0.2, limit: 2, window: 1s }
          outage: { status: 503, duration: 30s, retryAfter: 5s }
          scripted: { steps: { createOrder: [503, reset, 201] } }
        """);
    List<Diagnostic> out = new ArrayList<>();

    assertThat(new ManifestReader().read(read(file), out)).isPresent();

    assertThat(out).isEmpty();
  }

  @Test
  void aFlakyStatusOutside5xxIsASchemaError(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(file, "interlock: 1\nscenarios:\n  flaky: { statuses: [200] }\n");
    List<Diagnostic> out = new ArrayList<>();

    assertThat(new ManifestReader().read(read(file), out)).isEmpty();

    assertThat(out)
        .extracting(d -> d.severity() + " " + d.location().line() + ":" + d.location().pointer())
        .containsExactly("ERROR 3:#/scenarios/flaky/statuses/0");
  }

  private static dev.interlock.core.document.SourceDocument read(Path file) {
    return new DocumentReader().read(file).document().orElseThrow();
  }
}
