package dev.interlock.cli.scaffold;

/** The request cannot be scaffolded as asked (an unknown vendor or event): exit code 2. */
public final class ScaffoldException extends RuntimeException {
  public ScaffoldException(String message) {
    super(message);
  }
}
