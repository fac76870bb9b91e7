package dev.interlock.cli.scaffold;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A plain text resource under {@code dev/interlock/cli/scaffold/templates/} with {@code ${name}}
 * placeholders. {@code $${...}} stays a literal {@code ${...}} (a Maven property in a pom). A
 * placeholder without a value is a programmer mistake, so it throws rather than leave a hole.
 */
public final class Template {

  private static final String ROOT = "/dev/interlock/cli/scaffold/templates/";
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$?\\$\\{([A-Za-z][A-Za-z0-9_.-]*)}");

  private final String name;
  private final String text;

  private Template(String name, String text) {
    this.name = name;
    this.text = text;
  }

  public static Template load(String name) {
    try (InputStream in = Template.class.getResourceAsStream(ROOT + name)) {
      if (in == null) {
        throw new IllegalStateException("no template " + ROOT + name + " on the class path");
      }
      return new Template(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String render(Map<String, String> values) {
    Matcher m = PLACEHOLDER.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String replacement;
      if (m.group().startsWith("$$")) {
        replacement = m.group().substring(1);
      } else if (values.containsKey(m.group(1))) {
        replacement = values.get(m.group(1));
      } else {
        throw new IllegalStateException(
            "template " + name + ": no value for ${" + m.group(1) + "}");
      }
      m.appendReplacement(out, Matcher.quoteReplacement(replacement));
    }
    m.appendTail(out);
    return out.toString();
  }
}
