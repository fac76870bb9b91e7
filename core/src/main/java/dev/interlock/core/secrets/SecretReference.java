package dev.interlock.core.secrets;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A credential reference: {@code env:NAME} (a variable's value) or {@code file:PATH} (a file's
 * content, trimmed; relative paths under the sources' base folder). A value written in clear is
 * refused, so a secret never sits in a manifest, a pom or a shell history.
 *
 * <p>Messages name what the credential is for and the reference, never a value; {@link #toString()}
 * is the reference as written, which is safe to log.
 */
public final class SecretReference {

  private static final String ENV = "env:";
  private static final String FILE = "file:";

  private final String text;
  private final String what;

  private SecretReference(String text, String what) {
    this.text = text;
    this.what = what;
  }

  /**
   * Reads a reference.
   *
   * @param what what the credential is for, as messages name it ({@code --broker-token}), or null
   *     where the caller says it (messages then start with "credential")
   * @throws IllegalArgumentException when the text is not {@code env:}/{@code file:}; the message
   *     does not repeat it, since it may be a value in clear
   */
  public static SecretReference parse(String text, String what) {
    String prefix = what == null ? "" : what + ": ";
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException(prefix + "no credential reference");
    }
    if (!text.startsWith(ENV) && !text.startsWith(FILE)) {
      throw new IllegalArgumentException(
          prefix + "credentials must be references (env:NAME or file:PATH), never values in clear");
    }
    return new SecretReference(text, what);
  }

  /**
   * The value the reference names, trimmed.
   *
   * @throws IllegalArgumentException when the variable is unset or blank, or the file unreadable or
   *     empty
   */
  public String resolve(SecretSources sources) {
    if (text.startsWith(ENV)) {
      String value = sources.variables().apply(text.substring(ENV.length()));
      if (value == null || value.isBlank()) {
        throw new IllegalArgumentException(subject() + " is not set " + sources.variablesAre());
      }
      return value.strip();
    }
    Path file = sources.file(text.substring(FILE.length()));
    String value;
    try {
      value = Files.readString(file).strip();
    } catch (IOException e) {
      throw new IllegalArgumentException(subject() + " cannot be read", e);
    }
    if (value.isEmpty()) {
      throw new IllegalArgumentException(subject() + " is empty");
    }
    return value;
  }

  private String subject() {
    return what == null ? "credential " + text : what + ": " + text;
  }

  /** The reference as written ({@code env:PACT_BROKER_TOKEN}): never a value, safe to print. */
  @Override
  public String toString() {
    return text;
  }
}
