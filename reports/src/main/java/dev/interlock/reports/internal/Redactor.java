package dev.interlock.reports.internal;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.SourceLocation;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.RunReport;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from every text of a run before any writer renders it: credential header values
 * (Authorization, Cookie, X-Api-Key, …), bearer and basic tokens, OAuth client secrets and tokens
 * in JSON or form bodies, things shaped like API keys ({@code sk_live_…}, {@code ghp_…}, AWS access
 * keys, JWTs) and card numbers (13–19 digits that pass the Luhn check).
 *
 * <p>Idempotent: redacting redacted text changes nothing. Every report writer runs the whole {@link
 * RunReport} through {@link #redact(RunReport)} first, so no writer can forget a field. (Lives in
 * reports for now; it may move to core so journals and logs share it.)
 */
public final class Redactor {

  /** What a removed secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  private static final String HEADER_NAMES =
      "authorization|proxy-authorization|cookie|set-cookie|x-api-key|api-key|apikey|x-auth-token"
          + "|x-access-token|x-client-secret|x-webhook-secret|x-signature|x-hub-signature(?:-256)?"
          + "|stripe-signature|x-shopify-hmac-sha256|x-amz-security-token|private-token";

  private static final String SECRET_KEYS =
      HEADER_NAMES
          + "|client_secret|clientsecret|client-secret|password|passwd|secret|access_token"
          + "|accesstoken|refresh_token|refreshtoken|id_token|api_key|api_secret|token"
          + "|webhook_secret|signing_secret|private_key|card_number|cardnumber|cvc|cvv";

  /** {@code Authorization: Bearer abc} on its own line (HTTP messages, journals). */
  private static final Pattern HEADER_LINE =
      Pattern.compile("(?im)^([ \\t>*-]*(?:" + HEADER_NAMES + ")[ \\t]*:[ \\t]*)(\\S[^\\r\\n]*)$");

  /** {@code "client_secret": "abc"} in JSON, or {@code 'Authorization': 'x'}. */
  private static final Pattern JSON_MEMBER =
      Pattern.compile(
          "(?i)([\"'](?:" + SECRET_KEYS + ")[\"']\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*')");

  /** {@code client_secret=abc&…} in form bodies, query strings and command lines. */
  private static final Pattern FORM_PAIR =
      Pattern.compile("(?i)(?<![\\w-])((?:" + SECRET_KEYS + ")=)([^&\\s\"',;]+)");

  /** {@code Authorization=Bearer abc} style: a header name, '=' then scheme and token. */
  private static final Pattern SCHEME_TOKEN =
      Pattern.compile("(?i)\\b(bearer|basic|digest)(\\s+)([A-Za-z0-9._~+/=-]{6,})");

  /** API-key shapes. */
  private static final Pattern KEY_SHAPES =
      Pattern.compile(
          "\\b(?:(?:sk|pk|rk)_(?:live|test)_[A-Za-z0-9]{6,}"
              + "|whsec_[A-Za-z0-9]{6,}"
              + "|gh[pousr]_[A-Za-z0-9]{20,}"
              + "|github_pat_[A-Za-z0-9_]{20,}"
              + "|glpat-[A-Za-z0-9_-]{16,}"
              + "|xox[abprs]-[A-Za-z0-9-]{10,}"
              + "|AKIA[0-9A-Z]{16}"
              + "|AIza[0-9A-Za-z_-]{30,}"
              + "|eyJ[A-Za-z0-9_-]{5,}\\.eyJ[A-Za-z0-9_-]{5,}\\.[A-Za-z0-9_-]{5,})");

  /**
   * A run of 13–19 digits, optionally grouped by single spaces or dashes, not part of a longer
   * number and not a seed (a seed must stay readable to reproduce the run).
   */
  private static final Pattern DIGIT_RUN =
      Pattern.compile("(?<![\\d.])(?<!(?i:seed)[ =:\"]{1,3})(?:\\d[ -]?){12,18}\\d(?![\\d])");

  private Redactor() {}

  /** The text with every secret replaced; {@code null} stays {@code null}. */
  public static String redact(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = HEADER_LINE.matcher(text).replaceAll(m -> quote(m.group(1)) + MASK);
    out = JSON_MEMBER.matcher(out).replaceAll(Redactor::maskJsonMember);
    out = FORM_PAIR.matcher(out).replaceAll(m -> quote(m.group(1)) + MASK);
    out = SCHEME_TOKEN.matcher(out).replaceAll(Redactor::maskSchemeToken);
    out = KEY_SHAPES.matcher(out).replaceAll(m -> quote(keyPrefix(m.group()) + MASK));
    out = maskCardNumbers(out);
    return out;
  }

  /** True when {@link #redact(String)} would change the text. */
  public static boolean containsSecret(String text) {
    return text != null && !text.equals(redact(text));
  }

  /** A copy of the run with every text redacted: messages, evidence, labels, the command. */
  public static RunReport redact(RunReport run) {
    return new RunReport(
        redact(run.interlockVersion()),
        run.seed(),
        redact(run.command()),
        run.startedAt(),
        run.duration(),
        run.contracts().stream()
            .map(
                c ->
                    new ContractInfo(
                        redact(c.path()), c.kind(), c.vendor(), redact(c.version()), c.sha256()))
            .toList(),
        run.results().stream().map(Redactor::redact).toList(),
        run.coverage().stream()
            .map(
                c ->
                    new OperationCoverage(
                        c.vendor(),
                        c.version(),
                        redact(c.operation()),
                        c.exercisedBy().stream().map(Redactor::redact).toList()))
            .toList());
  }

  private static CheckResult redact(CheckResult r) {
    Map<String, String> labels = new LinkedHashMap<>();
    r.labels().forEach((k, v) -> labels.put(k, redactValue(k, v)));
    return new CheckResult(
        r.checkId(),
        redact(r.subject()),
        r.vendor(),
        redact(r.operation()),
        r.outcome(),
        r.severity(),
        redact(r.message()),
        r.findings().stream().map(Redactor::redact).toList(),
        r.evidence().stream()
            .map(e -> new Evidence(redact(e.label()), e.mediaType(), redact(e.content())))
            .toList(),
        r.duration(),
        labels);
  }

  private static Diagnostic redact(Diagnostic d) {
    SourceLocation l = d.location();
    return new Diagnostic(
        d.severity(),
        d.code(),
        redact(d.message()),
        l,
        redact(d.expected()),
        redact(d.actual()),
        redact(d.hint()));
  }

  /** A label whose key names a secret loses its whole value. */
  private static String redactValue(String key, String value) {
    if (value != null && !value.isEmpty() && key.toLowerCase().matches(SECRET_KEYS)) {
      return MASK;
    }
    return redact(value);
  }

  private static String maskJsonMember(MatchResult m) {
    String value = m.group(2);
    char quote = value.charAt(0);
    return quote(m.group(1) + quote + MASK + quote);
  }

  private static String maskSchemeToken(MatchResult m) {
    String token = m.group(3);
    // Prose such as "Basic authentication" keeps its word; tokens have digits, symbols or inner
    // capitals.
    boolean looksLikeSecret =
        token.chars().anyMatch(c -> Character.isDigit(c) || "._~+/=-".indexOf(c) >= 0)
            || token.chars().skip(1).anyMatch(Character::isUpperCase);
    if (!looksLikeSecret) {
      return quote(m.group());
    }
    return quote(m.group(1) + m.group(2) + MASK);
  }

  /** Keeps the non-secret prefix of a key ({@code sk_live_}) so a reader knows what it was. */
  private static String keyPrefix(String key) {
    Matcher m =
        Pattern.compile("^(?:(?:sk|pk|rk)_(?:live|test)_|whsec_|gh[pousr]_|glpat-)").matcher(key);
    return m.find() ? m.group() : "";
  }

  private static String maskCardNumbers(String text) {
    Matcher m = DIGIT_RUN.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String digits = m.group().replaceAll("[ -]", "");
      String replacement = m.group();
      if (digits.length() >= 13 && digits.length() <= 19 && luhn(digits)) {
        replacement = "[REDACTED card ending " + digits.substring(digits.length() - 4) + "]";
      }
      m.appendReplacement(out, quote(replacement));
    }
    m.appendTail(out);
    return out.toString();
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

  private static String quote(String s) {
    return Matcher.quoteReplacement(s);
  }
}
