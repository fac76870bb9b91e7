package dev.interlock.adapters;

/**
 * A credential value. Its {@link #toString()} never shows it; only {@link #reveal()} does, at the
 * one place that puts it on the wire.
 */
public final class Secret {

  private final String value;
  private final String reference;

  private Secret(String value, String reference) {
    if (value == null || value.isEmpty()) {
      throw new IllegalArgumentException("empty credential from " + reference);
    }
    this.value = value;
    this.reference = reference;
  }

  public static Secret of(String value, String reference) {
    return new Secret(value, reference);
  }

  public String reveal() {
    return value;
  }

  /** Where it came from ({@code env:PAYMENTS_API_KEY}): safe to print. */
  public String reference() {
    return reference;
  }

  @Override
  public String toString() {
    return "Secret[" + reference + "=***]";
  }
}
