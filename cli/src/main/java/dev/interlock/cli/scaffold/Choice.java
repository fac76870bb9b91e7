package dev.interlock.cli.scaffold;

/**
 * One thing inferred and why, so the command can print "vendor 'stripe' from info.title 'Stripe
 * API'".
 */
public record Choice(String what, String value, String reason) {

  /** The line printed for this choice. */
  public String describe() {
    return what + " '" + value + "' from " + reason;
  }
}
