package dev.interlock.adapters.internal;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Removes secrets from text before it reaches an event or a log line: every credential value the
 * runtime knows (API keys, client secrets, access tokens), and anything that looks like an
 * Authorization value or a card number.
 */
public final class Redactor {

  private static final Pattern AUTH =
      Pattern.compile(
          "(?i)(authorization|x-api-key|api[-_]?key|client_secret|access_token)([\"']?\\s*[:=]\\s*[\"']?)([^\\s\"',&}]+)");
  private static final Pattern BEARER =
      Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]{6,}");
  private static final Pattern CARD = Pattern.compile("\\b\\d{13,19}\\b");

  private final Set<String> secrets = ConcurrentHashMap.newKeySet();

  public void add(String secret) {
    if (secret != null && secret.length() >= 4) {
      secrets.add(secret);
    }
  }

  public String redact(String text) {
    if (text == null) {
      return null;
    }
    String out = text;
    for (String s : secrets) {
      if (out.contains(s)) {
        out = out.replace(s, "***");
      }
    }
    out = BEARER.matcher(out).replaceAll("$1 ***");
    out = AUTH.matcher(out).replaceAll("$1$2***");
    out = CARD.matcher(out).replaceAll("***");
    return out;
  }
}
