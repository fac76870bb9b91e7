package dev.interlock.core.redact;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** Which header, field, parameter and label names hold a secret value. */
final class SecretNames {

  /**
   * The words that make a name secret, as a regex alternation; also used inside the text rules so
   * that they only try names that can be secret. {@code pan} is here for the text rules' first cut
   * only: {@link #isSecret} wants it as a word of its own ({@code card_pan}, not {@code company}).
   */
  static final String WORDS =
      "authorization|cookie|api[-_]?key|secret|password|passwd|token|signature|session"
          + "|credential|hmac|private[-_]?key|cvc|cvv|card[-_]?number|pan";

  private static final Pattern SECRET =
      Pattern.compile(
          "(?i).*(?:authorization|cookie|api[-_]?key|secret|password|passwd|token|signature"
              + "|session|credential|hmac|private[-_]?key|cvc|cvv|card[-_]?number).*"
              + "|(?:.*[^A-Za-z])?pan(?:[^A-Za-z].*)?");

  private static final Pattern NOT_SECRET = Pattern.compile("(?i)idempotency[-_]?key|token_type");

  /**
   * Names whose value is a credential even in {@code name:value} with nothing around the colon
   * (other names need a space or a quote there, so an idempotency key such as {@code
   * order-sync:createToken:ord_1} stays readable).
   */
  private static final Pattern CREDENTIAL =
      Pattern.compile("(?i)authorization|api[-_]?key|client[-_]?secret|access[-_]?token");

  /** Names seen so far; the journal asks about the same few header names on every read. */
  private static final Map<String, Boolean> DECIDED = new ConcurrentHashMap<>();

  private static final int MAX_DECIDED = 4096;

  private SecretNames() {}

  static boolean isSecret(String name) {
    if (name == null || name.isEmpty()) {
      return false;
    }
    Boolean known = DECIDED.get(name);
    if (known != null) {
      return known;
    }
    boolean secret = SECRET.matcher(name).matches() && !NOT_SECRET.matcher(name).matches();
    if (DECIDED.size() < MAX_DECIDED) {
      DECIDED.put(name, secret);
    }
    return secret;
  }

  static boolean isCredential(String name) {
    return CREDENTIAL.matcher(name).find();
  }
}
