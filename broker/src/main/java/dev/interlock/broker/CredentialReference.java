package dev.interlock.broker;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Resolves a credential reference, {@code env:NAME} (an environment variable) or {@code file:PATH}
 * (a file's content, trimmed; relative paths against a base folder), the same two forms the
 * manifest's vendor credentials use (adapters' {@code SecretResolver}). It lives here because the
 * broker module depends on core only, and adapters is on the other side of the arrows; a value in
 * clear is refused, so a token never sits in a manifest, a pom or a shell history.
 */
public final class CredentialReference {

  private final Map<String, String> env;
  private final Path baseDir;

  private CredentialReference(Map<String, String> env, Path baseDir) {
    this.env = Map.copyOf(env);
    this.baseDir = baseDir;
  }

  public static CredentialReference of(Map<String, String> env, Path baseDir) {
    return new CredentialReference(env, baseDir);
  }

  public static CredentialReference fromEnvironment(Path baseDir) {
    return new CredentialReference(System.getenv(), baseDir);
  }

  /**
   * The value the reference names.
   *
   * @param what what the credential is for, as messages name it ({@code --broker-token})
   * @throws IllegalArgumentException when the reference is not {@code env:}/{@code file:}, or names
   *     nothing; the message shows the reference, never a value
   */
  public String resolve(String reference, String what) {
    if (reference == null || reference.isBlank()) {
      throw new IllegalArgumentException(what + ": no credential reference");
    }
    if (reference.startsWith("env:")) {
      String value = env.get(reference.substring(4));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(
            what + ": " + reference + " is not set in the environment");
      }
      return value.trim();
    }
    if (reference.startsWith("file:")) {
      Path file = Path.of(reference.substring(5));
      if (!file.isAbsolute() && baseDir != null) {
        file = baseDir.resolve(file);
      }
      try {
        String value = Files.readString(file).trim();
        if (value.isEmpty()) {
          throw new IllegalArgumentException(what + ": " + reference + " is empty");
        }
        return value;
      } catch (IOException e) {
        throw new IllegalArgumentException(what + ": " + reference + " cannot be read");
      }
    }
    throw new IllegalArgumentException(
        what + ": credentials must be references (env:NAME or file:PATH), never values in clear");
  }
}
