package dev.interlock.adapters;

import dev.interlock.core.secrets.SecretReference;
import dev.interlock.core.secrets.SecretSources;
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
 * (relative to the manifest's folder). A value written in clear is refused. The rule is core's
 * {@link SecretReference}; this class adds the secrets file and wraps values as {@link Secret}s.
 */
public final class SecretResolver {

  private final Map<String, String> env;
  private final Properties secretsFile = new Properties();
  private final SecretSources sources;

  private SecretResolver(Map<String, String> env, Path secrets, Path baseDir) {
    this.env = Map.copyOf(env);
    this.sources = new SecretSources(this::variable, "(environment or secrets file)", baseDir);
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

  /** The environment's value, else the secrets file's. */
  private String variable(String name) {
    String value = env.get(name);
    return value == null || value.isBlank() ? secretsFile.getProperty(name) : value;
  }

  public static SecretResolver of(Map<String, String> env, Path secretsFile, Path baseDir) {
    return new SecretResolver(env, secretsFile, baseDir);
  }

  /**
   * Resolves a reference by core's one rule ({@link SecretReference}); {@code env:NAME} falls back
   * to the secrets file.
   *
   * @throws IllegalArgumentException when the reference is not {@code env:} or {@code file:}, or
   *     names nothing
   */
  public Secret resolve(String reference) {
    return Secret.of(SecretReference.parse(reference, null).resolve(sources), reference);
  }
}
