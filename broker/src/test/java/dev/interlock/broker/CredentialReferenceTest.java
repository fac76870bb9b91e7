package dev.interlock.broker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialReferenceTest {

  @Test
  void readsEnvironmentVariablesAndFilesRelativeToTheBase(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("token"), "from-a-file\n");
    CredentialReference refs = CredentialReference.of(Map.of("PACT_BROKER_TOKEN", "from-env"), dir);

    assertThat(refs.resolve("env:PACT_BROKER_TOKEN", "--broker-token")).isEqualTo("from-env");
    assertThat(refs.resolve("file:token", "--broker-token")).isEqualTo("from-a-file");
  }

  @Test
  void aValueInClearIsRefusedWithoutBeingRepeated() {
    CredentialReference refs = CredentialReference.of(Map.of(), null);

    assertThatThrownBy(() -> refs.resolve("pact-token-in-clear", "--broker-token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--broker-token: credentials must be references (env:NAME or file:PATH), never values in clear");
  }

  @Test
  void anUnsetVariableIsNamed() {
    assertThatThrownBy(
            () -> CredentialReference.of(Map.of(), null).resolve("env:NOPE", "--broker-password"))
        .hasMessage("--broker-password: env:NOPE is not set in the environment");
  }

  @Test
  void basicAuthNeverShowsThePasswordAndRedactsItsEncodedForm() {
    BrokerAuth auth = BrokerAuth.basic("ci", "hunter2hunter2");
    String header = auth.authorization().orElseThrow();
    BrokerConnection connection =
        BrokerConnection.of(java.net.URI.create("https://broker.example.com")).withAuth(auth);

    assertThat(auth.toString()).doesNotContain("hunter2");
    assertThat(
            connection.redactor().redactText("sent " + header.substring(6) + " and hunter2hunter2"))
        .doesNotContain("hunter2hunter2")
        .doesNotContain(header.substring(6));
  }
}
