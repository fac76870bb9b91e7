package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets before anything is kept: credential headers, secret-looking fields in JSON and
 * form bodies, and card numbers (13–19 digits passing the Luhn check) anywhere in a body.
 */
public final class Redactor {

  public static final String REDACTED = "[REDACTED]";

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final Pattern SECRET_NAME =
      Pattern.compile(
          "(?i).*(authorization|cookie|api[-_]?key|secret|password|passwd|token|signature|session"
              + "|credential|cvc|cvv|card[-_]?number|pan).*");
  private static final Pattern NOT_SECRET = Pattern.compile("(?i)idempotency[-_]?key|token_type");
  private static final Pattern CARD = Pattern.compile("(?<!\\d)(?:\\d[ -]?){12,18}\\d(?!\\d)");
  private static final Pattern FORM_FIELD = Pattern.compile("(^|&)([^=&]+)=([^&]*)");

  private Redactor() {}

  private static final java.util.Map<String, Boolean> DECIDED =
      new java.util.concurrent.ConcurrentHashMap<>();

  public static boolean isSecretName(String name) {
    Boolean known = DECIDED.get(name);
    if (known != null) {
      return known;
    }
    boolean secret = SECRET_NAME.matcher(name).matches() && !NOT_SECRET.matcher(name).matches();
    if (DECIDED.size() < 4096) {
      DECIDED.put(name, secret);
    }
    return secret;
  }

  public static Map<String, String> headers(Map<String, List<String>> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, isSecretName(k) ? REDACTED : cards(String.join(", ", v))));
    return out;
  }

  public static Map<String, String> flatHeaders(Map<String, String> headers) {
    Map<String, String> out = new LinkedHashMap<>();
    headers.forEach((k, v) -> out.put(k, isSecretName(k) ? REDACTED : cards(v)));
    return out;
  }

  public static String body(String body, String contentType) {
    if (body == null || body.isEmpty()) {
      return "";
    }
    String trimmed = body.trim();
    if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
      try {
        JsonNode tree = JSON.readTree(body);
        redact(tree);
        return cards(JSON.writeValueAsString(tree));
      } catch (Exception e) {
        // not JSON after all: fall through
      }
    }
    if (contentType != null && contentType.contains("x-www-form-urlencoded")) {
      Matcher m = FORM_FIELD.matcher(body);
      StringBuilder out = new StringBuilder();
      while (m.find()) {
        String name =
            java.net.URLDecoder.decode(m.group(2), java.nio.charset.StandardCharsets.UTF_8);
        String value = isSecretName(name) ? REDACTED : m.group(3);
        m.appendReplacement(out, Matcher.quoteReplacement(m.group(1) + m.group(2) + "=" + value));
      }
      m.appendTail(out);
      return cards(out.toString());
    }
    return cards(body);
  }

  private static void redact(JsonNode node) {
    if (node instanceof ObjectNode object) {
      List<String> names = new ArrayList<>();
      object.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        JsonNode value = object.get(name);
        if (isSecretName(name) && (value.isValueNode() && !value.isNull())) {
          object.put(name, REDACTED);
        } else if (name.equalsIgnoreCase("number")
            && value.isTextual()
            && luhnDigits(value.asText())) {
          object.put(name, REDACTED);
        } else {
          redact(value);
        }
      }
    } else if (node instanceof ArrayNode array) {
      for (Iterator<JsonNode> it = array.elements(); it.hasNext(); ) {
        redact(it.next());
      }
    }
  }

  /** Replaces card-number-like digit runs that pass the Luhn check. */
  public static String cards(String text) {
    if (text == null) {
      return null;
    }
    Matcher m = CARD.matcher(text);
    StringBuilder out = new StringBuilder();
    boolean any = false;
    while (m.find()) {
      if (luhnDigits(m.group())) {
        m.appendReplacement(out, REDACTED);
        any = true;
      } else {
        m.appendReplacement(out, Matcher.quoteReplacement(m.group()));
      }
    }
    if (!any) {
      return text;
    }
    m.appendTail(out);
    return out.toString();
  }

  static boolean luhnDigits(String text) {
    String digits = text.replaceAll("[ -]", "");
    if (digits.length() < 13
        || digits.length() > 19
        || !digits.chars().allMatch(Character::isDigit)) {
      return false;
    }
    int sum = 0;
    boolean dbl = false;
    for (int i = digits.length() - 1; i >= 0; i--) {
      int d = digits.charAt(i) - '0';
      if (dbl) {
        d *= 2;
        if (d > 9) {
          d -= 9;
        }
      }
      sum += d;
      dbl = !dbl;
    }
    return sum % 10 == 0;
  }

  static String lower(String s) {
    return s.toLowerCase(Locale.ROOT);
  }
}
