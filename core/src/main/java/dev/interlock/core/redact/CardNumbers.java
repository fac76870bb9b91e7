package dev.interlock.core.redact;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Card numbers: 13–19 digits, optionally grouped by single spaces or dashes, passing Luhn. */
final class CardNumbers {

  /**
   * A run of 13–19 digits, optionally grouped, not part of a longer number or a decimal and not a
   * seed (a seed must stay readable to reproduce the run).
   */
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![\\d.])(?<!(?i:seed)[ =:\"]{1,3})(?:\\d[ -]?){12,18}\\d(?!\\d)");

  private CardNumbers() {}

  /** The text with every card number replaced by {@code [REDACTED card ending 4242]}. */
  static String mask(String text) {
    if (!hasThirteenDigits(text)) {
      return text;
    }
    Matcher m = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement = m.group();
      if (isCardNumber(replacement)) {
        replacement = marker(digits(replacement));
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** True when the whole text, separators aside, is a card number. */
  static boolean isCardNumber(String text) {
    String digits = digits(text);
    return digits.length() >= 13
        && digits.length() <= 19
        && digits.chars().allMatch(c -> c >= '0' && c <= '9')
        && luhn(digits);
  }

  static String marker(String digits) {
    return "[REDACTED card ending " + digits.substring(digits.length() - 4) + "]";
  }

  static String digits(String text) {
    return text.replaceAll("[ -]", "");
  }

  static boolean luhn(String digits) {
    int sum = 0;
    boolean twice = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (twice) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      twice = !twice;
    }
    return sum % 10 == 0;
  }

  private static boolean hasThirteenDigits(String text) {
    int count = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c >= '0' && c <= '9' && ++count >= 13) {
        return true;
      }
    }
    return false;
  }
}
