package dev.interlock.core.secrets;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the targets of {@link SecretReference}s are looked up: named variables for {@code
 * env:NAME}, a base folder for relative {@code file:PATH}s.
 *
 * @param variables a variable's value by name, or null when it has none
 * @param variablesAre where the variables come from, as a message ends "env:NAME is not set …"
 *     ({@code in the environment})
 * @param baseDir the folder relative files are read from (the manifest's), or null for the working
 *     directory
 */
public record SecretSources(Function<String, String> variables, String variablesAre, Path baseDir) {

  public SecretSources {
    Objects.requireNonNull(variables, "variables");
    Objects.requireNonNull(variablesAre, "variablesAre");
  }

  /** Variables from an environment ({@code System.getenv()}, or a test's map). */
  public static SecretSources environment(Map<String, String> env, Path baseDir) {
    Map<String, String> copy = Map.copyOf(env);
    return new SecretSources(copy::get, "in the environment", baseDir);
  }

  /** A file reference's path: as written when absolute, else under the base folder. */
  Path file(String path) {
    Path file = Path.of(path);
    return file.isAbsolute() || baseDir == null ? file : baseDir.resolve(file);
  }
}
