package dev.interlock.core.redact;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.run.ChangeImpact;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.ContractInfo;
import dev.interlock.core.run.Evidence;
import dev.interlock.core.run.Facts;
import dev.interlock.core.run.OperationCoverage;
import dev.interlock.core.run.RunReport;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from everything Interlock keeps or shows: the sandbox journal, adapter log lines
 * and events, and every report.
 *
 * <p>There is one redactor, not one per writer, because a secret is only as safe as the weakest
 * place it can be written to. The journal, the adapter logs and the reports used to carry a
 * redactor each, with three rule lists; a secret that one of them caught and another missed (an
 * {@code X-Session-Token} header, a {@code sk_live_…} key in an adapter's error text) leaked
 * through the other. A rule added here protects every writer.
 *
 * <p>What goes, replaced by {@value #MASK}:
 *
 * <ul>
 *   <li>values under secret-looking names ({@link #isSecretName}): headers, JSON members, form
 *       fields and query parameters, {@code Name: value} lines, {@code name=value} and {@code name:
 *       value} pairs in text;
 *   <li>credentials after {@code Bearer}, {@code Basic} or {@code Digest} (prose such as "Basic
 *       authentication" stays);
 *   <li>API-key shapes anywhere ({@code sk_live_…}, {@code whsec_…}, {@code ghp_…}, {@code
 *       glpat-…}, Slack, AWS {@code AKIA…} and Google {@code AIza…} keys, JWTs), keeping the prefix
 *       that says what the key was: {@code sk_live_[REDACTED]};
 *   <li>card numbers (13–19 digits, optionally grouped, passing the Luhn check, not after "seed"),
 *       shown as {@code [REDACTED card ending 4242]};
 *   <li>values the caller knows are secret ({@link #withKnownSecrets}), wherever they appear.
 * </ul>
 *
 * <p>Redacting redacted text changes nothing. Instances are immutable and thread-safe.
 */
public final class Redactor {

  /** What a removed secret is replaced with. */
  public static final String MASK = "[REDACTED]";

  /** Known secrets shorter than this are ignored: they would mask parts of ordinary words. */
  public static final int MIN_KNOWN_SECRET_LENGTH = 4;

  private static final Redactor STANDARD = new Redactor(List.of());

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String WORDS = SecretNames.WORDS;

  /** {@code Authorization: Bearer abc} on its own line (HTTP messages, YAML): the rest goes. */
  private static final Pattern HEADER_LINE =
      Pattern.compile(
          "(?im)^([ \\t>*-]*(?=[A-Za-z])([\\w-]*?(?:"
              + WORDS
              + ")[\\w-]*)[ \\t]*:[ \\t]*)(?!\\[REDACTED)(\\S[^\\r\\n]*)$");

  /** {@code "client_secret": "abc"} or {@code 'cvc': 123} in JSON-ish text. */
  private static final Pattern JSON_MEMBER =
      Pattern.compile(
          "(?i)([\"']([\\w.-]*?(?:"
              + WORDS
              + ")[\\w.-]*)[\"']\\s*:\\s*)(\"(?:[^\"\\\\]|\\\\.)*\"|'[^']*'|-?\\d[\\d.eE+-]*)");

  /**
   * {@code client_secret=abc} (form bodies, query strings, command lines), {@code api_key: abc},
   * {@code Authorization=Bearer abc}: a name, {@code =} or {@code :}, then one value (with its
   * scheme, if any).
   */
  private static final Pattern PAIR =
      Pattern.compile(
          "(?i)(?<![\\w.-])([\\w.-]*?(?:"
              + WORDS
              + ")[\\w.-]*)([\"']?[ \\t]*([:=])[ \\t]*[\"']?)(?!\\[REDACTED)"
              + "((?:(?:bearer|basic|digest)[ \\t]+)?[^\\s\"',&;}]+)");

  /** {@code Bearer abc}, {@code Basic dXNlcjpwYXNz}, anywhere. */
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

  /** The part of a key that says what it is and is no secret. */
  private static final Pattern KEY_PREFIX =
      Pattern.compile("^(?:(?:sk|pk|rk)_(?:live|test)_|whsec_|gh[pousr]_|glpat-)");

  /** {@code name=value} in a form body or query string. */
  /** {@code scheme://user:password@host}: the password of a URL's userinfo (the user stays). */
  private static final Pattern URL_PASSWORD =
      Pattern.compile("(?i)\\b([a-z][a-z0-9+.-]*://[^/\\s:@]+:)([^/\\s@]+)@");

  private static final Pattern FORM_FIELD = Pattern.compile("(^|&)([^=&]+)=([^&]*)");

  /** Longest first, so a secret that contains another is masked whole. */
  private final List<String> knownSecrets;

  private Redactor(List<String> knownSecrets) {
    this.knownSecrets = knownSecrets;
  }

  /** The rules alone, with no known secrets. */
  public static Redactor standard() {
    return STANDARD;
  }

  /**
   * This redactor plus values to remove wherever they appear (API keys, client secrets, access
   * tokens the caller holds). Values shorter than {@value #MIN_KNOWN_SECRET_LENGTH} characters are
   * ignored. Returns this redactor when nothing is new.
   */
  public Redactor withKnownSecrets(Collection<String> secrets) {
    Set<String> all = new LinkedHashSet<>(knownSecrets);
    for (String s : secrets) {
      if (s != null && s.length() >= MIN_KNOWN_SECRET_LENGTH && !MASK.contains(s)) {
        all.add(s);
      }
    }
    if (all.size() == knownSecrets.size()) {
      return this;
    }
    List<String> sorted = new ArrayList<>(all);
    sorted.sort(Comparator.comparingInt(String::length).reversed());
    return new Redactor(List.copyOf(sorted));
  }

  /**
   * True when a header, field, parameter or label of this name holds a secret: names containing
   * authorization, cookie, api key, secret, password, token, signature, session, credential, hmac,
   * private key, cvc/cvv, card number, or the word pan; not {@code Idempotency-Key} or {@code
   * token_type}.
   */
  public static boolean isSecretName(String name) {
    return SecretNames.isSecret(name);
  }

  // ------------------------------------------------------------------ text

  /** The text with every secret replaced; {@code null} stays {@code null}. */
  public String redactText(String text) {
    if (text == null || text.isEmpty()) {
      return text;
    }
    String out = text;
    for (String secret : knownSecrets) {
      if (out.contains(secret)) {
        out = out.replace(secret, MASK);
      }
    }
    if (out.indexOf(':') >= 0 || out.indexOf('=') >= 0) {
      out = HEADER_LINE.matcher(out).replaceAll(Redactor::maskHeaderLine);
      out = JSON_MEMBER.matcher(out).replaceAll(Redactor::maskJsonMember);
      out = PAIR.matcher(out).replaceAll(Redactor::maskPair);
    }
    if (out.indexOf('@') >= 0) {
      out = URL_PASSWORD.matcher(out).replaceAll(m -> quote(m.group(1) + MASK + "@"));
    }
    out = SCHEME_TOKEN.matcher(out).replaceAll(Redactor::maskSchemeToken);
    out = KEY_SHAPES.matcher(out).replaceAll(m -> quote(keyPrefix(m.group()) + MASK));
    return CardNumbers.mask(out);
  }

  /** A header's value as it may be kept: all of it gone under a secret name, else its secrets. */
  public String redactHeader(String name, String value) {
    if (value == null) {
      return null;
    }
    return isSecretName(name) ? MASK : redactText(value);
  }

  /** A URL or {@code path?query}: secret query parameters by name, then the text rules. */
  public String redactUrl(String url) {
    if (url == null || url.isEmpty()) {
      return url;
    }
    int q = url.indexOf('?');
    return redactText(q < 0 ? url : url.substring(0, q + 1) + maskFormFields(url.substring(q + 1)));
  }

  /**
   * A request or response body as it may be kept: JSON redacted member by member ({@link
   * #redactJson}), form fields by name, anything else as text. {@code null} becomes empty.
   */
  public String redactBody(String body, String contentType) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String trimmed = body.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        JsonNode tree = JSON.readTree(body);
        redactTree(tree);
        return JSON.writeValueAsString(tree);
      } catch (JsonProcessingException e) {
        // not JSON after all: redacted as text below
      }
    }
    if (contentType != null && contentType.contains("x-www-form-urlencoded")) {
      return redactText(maskFormFields(body));
    }
    return redactText(body);
  }

  /**
   * A redacted copy of a JSON tree: scalar members under secret names become {@value #MASK}, every
   * string goes through {@link #redactText}, and numbers that are card numbers become {@code
   * [REDACTED card ending 4242]}. The argument is not changed.
   */
  public JsonNode redactJson(JsonNode node) {
    if (node == null) {
      return null;
    }
    JsonNode copy = node.deepCopy();
    redactTree(copy);
    return copy;
  }

  // ------------------------------------------------------------------ runs

  /** A copy of the run with every text redacted: messages, evidence, labels, the command. */
  public RunReport redactRun(RunReport run) {
    return new RunReport(
        redactText(run.interlockVersion()),
        run.seed(),
        redactText(run.command()),
        run.startedAt(),
        run.duration(),
        run.contracts().stream()
            .map(
                c ->
                    new ContractInfo(
                        redactText(c.path()),
                        c.kind(),
                        c.vendor(),
                        redactText(c.version()),
                        c.sha256()))
            .toList(),
        run.results().stream().map(this::redactResult).toList(),
        run.coverage().stream()
            .map(
                c ->
                    new OperationCoverage(
                        c.vendor(),
                        c.version(),
                        redactText(c.operation()),
                        c.exercisedBy().stream().map(this::redactText).toList()))
            .toList());
  }

  private CheckResult redactResult(CheckResult r) {
    Map<String, String> labels = new LinkedHashMap<>();
    r.labels().forEach((k, v) -> labels.put(k, redactLabel(k, v)));
    return new CheckResult(
        r.checkId(),
        redactText(r.subject()),
        r.vendor(),
        redactText(r.operation()),
        r.outcome(),
        r.severity(),
        redactText(r.message()),
        r.findings().stream().map(this::redactDiagnostic).toList(),
        r.evidence().stream()
            .map(e -> new Evidence(redactText(e.label()), e.mediaType(), redactText(e.content())))
            .toList(),
        r.duration(),
        redactFacts(r.facts()),
        labels);
  }

  private Facts redactFacts(Facts f) {
    return new Facts(
        f.version(),
        f.consumer(),
        f.changes().stream()
            .map(
                c ->
                    new ChangeImpact(
                        c.ruleId(),
                        c.level(),
                        redactText(c.operation()),
                        c.consumer(),
                        redactText(c.interaction())))
            .toList(),
        f.internalError());
  }

  private Diagnostic redactDiagnostic(Diagnostic d) {
    return new Diagnostic(
        d.severity(),
        d.code(),
        redactText(d.message()),
        d.location(),
        redactText(d.expected()),
        redactText(d.actual()),
        redactText(d.hint()));
  }

  /** A label whose key names a secret loses its whole value. */
  private String redactLabel(String key, String value) {
    if (value != null && !value.isEmpty() && isSecretName(key)) {
      return MASK;
    }
    return redactText(value);
  }

  // ------------------------------------------------------------------ JSON

  private void redactTree(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (value.isValueNode() && !value.isNull() && isSecretName(name)) {
          object.put(name, MASK);
        } else if (value.isContainerNode()) {
          redactTree(value);
        } else {
          JsonNode redacted = redactScalar(value, name.equalsIgnoreCase("seed"));
          if (redacted != value) {
            object.set(name, redacted);
          }
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (int i = 0; i < array.size(); i++) {
        JsonNode value = array.get(i);
        if (value.isContainerNode()) {
          redactTree(value);
        } else {
          JsonNode redacted = redactScalar(value, false);
          if (redacted != value) {
            array.set(i, redacted);
          }
        }
      }
    }
  }

  /** The scalar itself when it holds no secret. */
  private JsonNode redactScalar(JsonNode value, boolean seed) {
    if (value.isTextual()) {
      String text = value.textValue();
      String redacted = redactText(text);
      return redacted.equals(text) ? value : TextNode.valueOf(redacted);
    }
    if (value.isIntegralNumber() && !seed) {
      String digits = value.asText();
      if (CardNumbers.isCardNumber(digits)) {
        return TextNode.valueOf(CardNumbers.marker(digits));
      }
    }
    return value;
  }

  // ------------------------------------------------------------------ helpers

  /** Form fields and query parameters whose (decoded) name is secret lose their value. */
  private static String maskFormFields(String pairs) {
    Matcher m = FORM_FIELD.matcher(pairs);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = isSecretName(decode(m.group(2))) ? MASK : m.group(3);
      m.appendReplacement(out, quote(m.group(1) + m.group(2) + "=" + value));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static String decode(String name) {
    try {
      return URLDecoder.decode(name, StandardCharsets.UTF_8);
    } catch (IllegalArgumentException malformed) {
      return name;
    }
  }

  private static String maskHeaderLine(MatchResult m) {
    return isSecretName(m.group(2)) ? quote(m.group(1) + MASK) : quote(m.group());
  }

  private static String maskJsonMember(MatchResult m) {
    if (!isSecretName(m.group(2))) {
      return quote(m.group());
    }
    char quote = m.group(3).charAt(0) == '\'' ? '\'' : '"';
    return quote(m.group(1) + quote + MASK + quote);
  }

  private static String maskPair(MatchResult m) {
    String name = m.group(1);
    String separator = m.group(2);
    // name:value with nothing around the colon is how ids are built (order-sync:createToken:1);
    // only a credential name is trusted there.
    boolean bareColon = separator.equals(":");
    if (!isSecretName(name) || (bareColon && !SecretNames.isCredential(name))) {
      return quote(m.group());
    }
    return quote(name + separator + MASK);
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
    Matcher m = KEY_PREFIX.matcher(key);
    return m.find() ? m.group() : "";
  }

  private static String quote(String s) {
    return Matcher.quoteReplacement(s);
  }
}
