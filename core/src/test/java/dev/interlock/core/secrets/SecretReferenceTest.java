package dev.interlock.core.secrets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SecretReferenceTest {

  @Test
  void readsEnvironmentVariablesAndFilesRelativeToTheBaseTrimmed(@TempDir Path dir)
      throws Exception {
    Files.writeString(dir.resolve("token"), "from-a-file\n");
    SecretSources sources = SecretSources.environment(Map.of("TOKEN", " from-env "), dir);

    assertThat(SecretReference.parse("env:TOKEN", "--broker-token").resolve(sources))
        .isEqualTo("from-env");
    assertThat(SecretReference.parse("file:token", "--broker-token").resolve(sources))
        .isEqualTo("from-a-file");
  }

  @Test
  void anAbsoluteFileIsReadWhereItIsNotUnderTheBase(@TempDir Path dir) throws Exception {
    Path file = Files.writeString(dir.resolve("abs"), "absolute");
    SecretSources sources = SecretSources.environment(Map.of(), Path.of("/nowhere"));

    assertThat(SecretReference.parse("file:" + file, null).resolve(sources)).isEqualTo("absolute");
  }

  @Test
  void aValueInClearIsRefusedWithoutBeingRepeated() {
    assertThatThrownBy(() -> SecretReference.parse("pact-token-in-clear", "--broker-token"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage(
            "--broker-token: credentials must be references (env:NAME or file:PATH), never values"
                + " in clear");
    assertThatThrownBy(() -> SecretReference.parse("sk_live_123", null))
        .hasMessage(
            "credentials must be references (env:NAME or file:PATH), never values in clear");
  }

  @Test
  void aMissingReferenceIsSaidSo() {
    assertThatThrownBy(() -> SecretReference.parse(null, null))
        .hasMessage("no credential reference");
    assertThatThrownBy(() -> SecretReference.parse(" ", "--broker-token"))
        .hasMessage("--broker-token: no credential reference");
  }

  @Test
  void anUnsetOrBlankVariableIsNamedWithWhereItWasLookedFor() {
    SecretSources env = SecretSources.environment(Map.of("BLANK", "  "), null);

    assertThatThrownBy(() -> SecretReference.parse("env:NOPE", "--broker-password").resolve(env))
        .hasMessage("--broker-password: env:NOPE is not set in the environment");
    assertThatThrownBy(() -> SecretReference.parse("env:BLANK", null).resolve(env))
        .hasMessage("credential env:BLANK is not set in the environment");
    SecretSources layered = new SecretSources(name -> null, "(environment or secrets file)", null);
    assertThatThrownBy(() -> SecretReference.parse("env:NOPE", null).resolve(layered))
        .hasMessage("credential env:NOPE is not set (environment or secrets file)");
  }

  @Test
  void anUnreadableOrEmptyFileIsNamed(@TempDir Path dir) throws Exception {
    Files.writeString(dir.resolve("empty"), "\n");
    SecretSources sources = SecretSources.environment(Map.of(), dir);

    assertThatThrownBy(
            () -> SecretReference.parse("file:missing", "--broker-token").resolve(sources))
        .hasMessage("--broker-token: file:missing cannot be read");
    assertThatThrownBy(() -> SecretReference.parse("file:empty", null).resolve(sources))
        .hasMessage("credential file:empty is empty");
  }

  @Test
  void printsAsTheReferenceNeverAsTheValue() {
    SecretReference ref = SecretReference.parse("env:TOKEN", "--broker-token");
    String value = ref.resolve(SecretSources.environment(Map.of("TOKEN", "s3cr3t"), null));

    assertThat(ref).hasToString("env:TOKEN");
    assertThat(ref.toString()).doesNotContain(value);
  }
}
