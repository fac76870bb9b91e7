package dev.interlock.adapters;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The resolver's own layer over core's reference rule: the secrets file and the Secret. */
class SecretResolverTest {

  @Test
  void theEnvironmentComesFirstThenTheSecretsFile(@TempDir Path dir) throws Exception {
    Path secrets = Files.writeString(dir.resolve("secrets.properties"), "A=from-file\nB=file-b\n");
    SecretResolver resolver = SecretResolver.of(Map.of("A", "from-env"), secrets, dir);

    assertThat(resolver.resolve("env:A").reveal()).isEqualTo("from-env");
    assertThat(resolver.resolve("env:B").reveal()).isEqualTo("file-b");
  }

  @Test
  void aSandboxRunNeverReadsTheEnvironment(@TempDir Path dir) throws Exception {
    Path secrets = Files.writeString(dir.resolve("secrets.properties"), "SBX=sbx_key\n");
    SecretResolver resolver = SecretResolver.fromSecretsFile(secrets, dir);

    assertThat(resolver.resolve("env:SBX").reveal()).isEqualTo("sbx_key");
    assertThatThrownBy(() -> resolver.resolve("env:PATH"))
        .hasMessage("credential env:PATH is not set (environment or secrets file)");
  }

  @Test
  void filesAreReadRelativeToTheManifestsFolder(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("key.txt"), "k3y\n");

    assertThat(SecretResolver.of(Map.of(), null, dir).resolve("file:key.txt").reveal())
        .isEqualTo("k3y");
  }

  @Test
  void theSecretPrintsItsReferenceNeverItsValue() {
    Secret secret = SecretResolver.of(Map.of("K", "value-1234"), null, null).resolve("env:K");

    assertThat(secret.reference()).isEqualTo("env:K");
    assertThat(secret.toString()).contains("env:K").doesNotContain("value-1234");
  }
}
