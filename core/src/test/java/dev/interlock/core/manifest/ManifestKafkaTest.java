package dev.interlock.core.manifest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.document.DocumentReader;
import dev.interlock.core.document.SourceDocument;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code events.<system>.kafka}: where a system's topics live, secrets only as references. */
class ManifestKafkaTest {

  @Test
  void aKafkaBlockIsReadIntoTheEventSystem(@TempDir Path dir) throws Exception {
    Path file =
        manifest(
            dir,
            """
                kafka:
                  bootstrap: broker-1:9093
                  sasl: {mechanism: SCRAM-SHA-512, username: interlock, password: env:KAFKA_PW}
                  tls: {truststore: /etc/kafka/trust.p12, truststorePassword: file:trust-pw}
            """);
    List<Diagnostic> out = new ArrayList<>();

    Manifest manifest = new ManifestReader().read(read(file), out).orElseThrow();

    assertThat(out).isEmpty();
    Manifest.EventSystem internal = manifest.events().get("internal");
    assertThat(internal.transport()).isEqualTo("kafka");
    assertThat(internal.kafka().path("bootstrap").asText()).isEqualTo("broker-1:9093");
    assertThat(internal.kafka().path("sasl").path("password").asText()).isEqualTo("env:KAFKA_PW");
  }

  @Test
  void aSaslPasswordInClearIsRefusedWhereItIsWritten(@TempDir Path dir) throws Exception {
    Path file =
        manifest(
            dir,
            """
                kafka:
                  bootstrap: broker-1:9093
                  sasl: {mechanism: PLAIN, username: interlock, password: hunter2}
            """);
    List<Diagnostic> out = new ArrayList<>();

    assertThat(new ManifestReader().read(read(file), out)).isEmpty();

    assertThat(out)
        .extracting(d -> d.location().pointer().toString())
        .contains("#/events/internal/kafka/sasl/password");
  }

  private static Path manifest(Path dir, String kafkaBlock) throws Exception {
    Files.createDirectories(dir.resolve("asyncapi"));
    Files.writeString(dir.resolve("asyncapi/internal.yaml"), "asyncapi: 2.6.0\n");
    Path file = dir.resolve("interlock.yaml");
    Files.writeString(
        file,
        """
        interlock: 1
        events:
          internal:
            contract: asyncapi/internal.yaml
            transport: kafka
        """
            + kafkaBlock);
    return file;
  }

  private static SourceDocument read(Path file) {
    return new DocumentReader().read(file).document().orElseThrow();
  }
}
