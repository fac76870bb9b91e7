package dev.interlock.core;

import java.util.Objects;

/**
 * One problem found in a contract or a run. Problems are data: loaders and checks collect them
 * instead of throwing. The {@code code} is stable and documented (e.g. {@code
 * contract.ref.unresolved}); {@code expected}, {@code actual} and {@code hint} may be null.
 */
public record Diagnostic(
    Severity severity,
    String code,
    String message,
    SourceLocation location,
    String expected,
    String actual,
    String hint) {

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(code, "code");
    Objects.requireNonNull(message, "message");
    Objects.requireNonNull(location, "location");
  }

  public static Builder error(String code, String message) {
    return new Builder(Severity.ERROR, code, message);
  }

  public static Builder warning(String code, String message) {
    return new Builder(Severity.WARNING, code, message);
  }

  public static Builder info(String code, String message) {
    return new Builder(Severity.INFO, code, message);
  }

  public Diagnostic withSeverity(Severity newSeverity) {
    return new Diagnostic(newSeverity, code, message, location, expected, actual, hint);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** Builds a diagnostic; {@link #at} is required. */
  public static final class Builder {
    private Severity severity;
    private final String code;
    private final String message;
    private SourceLocation location;
    private String expected;
    private String actual;
    private String hint;

    private Builder(Severity severity, String code, String message) {
      this.severity = severity;
      this.code = code;
      this.message = message;
    }

    public Builder at(SourceLocation location) {
      this.location = location;
      return this;
    }

    public Builder expected(String expected) {
      this.expected = expected;
      return this;
    }

    public Builder actual(String actual) {
      this.actual = actual;
      return this;
    }

    public Builder hint(String hint) {
      this.hint = hint;
      return this;
    }

    public Builder severity(Severity severity) {
      this.severity = severity;
      return this;
    }

    public Diagnostic build() {
      return new Diagnostic(severity, code, message, location, expected, actual, hint);
    }
  }
}
