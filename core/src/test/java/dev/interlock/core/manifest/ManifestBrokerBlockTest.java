package dev.interlock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.document.DocumentReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ManifestBrokerBlockTest {

  @Test
  void theBrokerBlockGivesUrlCredentialReferencesAndDefaults(@TempDir Path dir) throws Exception {
    Manifest manifest =
        read(
                dir,
                """
                interlock: 1
                broker:
                  url: https://acme.pactflow.io
                  token: env:PACT_BROKER_TOKEN
                  provider: payments
                  providerVersion: env:GITHUB_SHA
                  branch: main
                """,
                new ArrayList<>())
            .orElseThrow();

    Manifest.Broker broker = manifest.broker().orElseThrow();
    assertThat(broker.url()).isEqualTo("https://acme.pactflow.io");
    assertThat(broker.token()).contains("env:PACT_BROKER_TOKEN");
    assertThat(broker.username()).isEmpty();
    assertThat(broker.provider()).contains("payments");
    assertThat(broker.providerVersion()).contains("env:GITHUB_SHA");
    assertThat(broker.branch()).contains("main");
  }

  @Test
  void aManifestWithoutBrokerHasNone(@TempDir Path dir) throws Exception {
    assertThat(read(dir, "interlock: 1\n", new ArrayList<>()).orElseThrow().broker()).isEmpty();
  }

  @Test
  void aTokenInClearIsRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
    List<Diagnostic> out = new ArrayList<>();

    Optional<Manifest> manifest =
        read(
            dir,
            """
            interlock: 1
            broker:
              url: https://broker.example.com
              password: hunter2hunter2
            """,
            out);

    assertThat(manifest).isEmpty();
    assertThat(out)
        .extracting(d -> d.location().line() + ":" + d.location().pointer())
        .contains("4:#/broker/password");
  }

  private static Optional<Manifest> read(Path dir, String yaml, List<Diagnostic> out)
      throws Exception {
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(file, yaml);
    return new ManifestReader().read(new DocumentReader().read(file).document().orElseThrow(), out);
  }
}
