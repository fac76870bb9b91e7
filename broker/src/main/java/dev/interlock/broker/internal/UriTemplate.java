package dev.interlock.broker.internal;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Expands the broker's link templates ({@code /pacticipants/{pacticipant}/versions/{version}}): RFC
 * 6570 level 1, the only level the broker uses, each value percent-encoded ({@code Pricing Service}
 * → {@code Pricing%20Service}).
 */
public final class UriTemplate {

  private static final Pattern VARIABLE = Pattern.compile("\\{([A-Za-z0-9_]+)}");

  private UriTemplate() {}

  /**
   * The template with its variables replaced.
   *
   * @throws IllegalArgumentException when the template names a variable without a value
   */
  public static String expand(String template, Map<String, String> values) {
    Matcher m = VARIABLE.matcher(template);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String value = values.get(m.group(1));
      if (value == null) {
        throw new IllegalArgumentException(
            "link template " + template + " needs '" + m.group(1) + "', which was not given");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
    }
    m.appendTail(out);
    return out.toString();
  }

  /** One value as a path segment or query value: percent-encoded, spaces as {@code %20}. */
  public static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
