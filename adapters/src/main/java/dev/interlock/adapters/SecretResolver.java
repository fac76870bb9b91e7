package dev.interlock.adapters;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;

/**
 * Resolves the manifest's credential references: {@code env:NAME} from the environment, else from
 * the secrets file (a properties file, {@code NAME=value}); {@code file:PATH} from a file's content
 * (relative to the manifest's folder). A value written in clear is refused.
 */
public final class SecretResolver {

  private final Map<String, String> env;
  private final Properties secretsFile = new Properties();
  private final Path baseDir;

  private SecretResolver(Map<String, String> env, Path secrets, Path baseDir) {
    this.env = Map.copyOf(env);
    this.baseDir = baseDir;
    if (secrets != null) {
      try (Reader r = Files.newBufferedReader(secrets)) {
        secretsFile.load(r);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the secrets file " + secrets, e);
      }
    }
  }

  /** The process environment, and optionally a secrets file. */
  public static SecretResolver fromEnvironment(Path secretsFile, Path baseDir) {
    return new SecretResolver(System.getenv(), secretsFile, baseDir);
  }

  /** Only the secrets file: for sandbox runs, so real keys in the environment are never sent. */
  public static SecretResolver fromSecretsFile(Path secretsFile, Path baseDir) {
    return new SecretResolver(Map.of(), secretsFile, baseDir);
  }

  public static SecretResolver of(Map<String, String> env, Path secretsFile, Path baseDir) {
    return new SecretResolver(env, secretsFile, baseDir);
  }

  /**
   * @throws IllegalArgumentException when the reference is not {@code env:} or {@code file:}, or
   *     names nothing
   */
  public Secret resolve(String reference) {
    if (reference == null) {
      throw new IllegalArgumentException("no credential reference");
    }
    if (reference.startsWith("env:")) {
      String name = reference.substring(4);
      String v = env.get(name);
      if (v == null || v.isEmpty()) {
        v = secretsFile.getProperty(name);
      }
      if (v == null || v.isEmpty()) {
        throw new IllegalArgumentException(
            "credential " + reference + " is not set (environment or secrets file)");
      }
      return Secret.of(v.trim(), reference);
    }
    if (reference.startsWith("file:")) {
      Path p = Path.of(reference.substring(5));
      if (!p.isAbsolute() && baseDir != null) {
        p = baseDir.resolve(p);
      }
      try {
        return Secret.of(Files.readString(p).trim(), reference);
      } catch (IOException e) {
        throw new IllegalArgumentException("credential " + reference + " cannot be read", e);
      }
    }
    throw new IllegalArgumentException(
        "credentials must be references (env:NAME or file:PATH), never values in clear");
  }
}
