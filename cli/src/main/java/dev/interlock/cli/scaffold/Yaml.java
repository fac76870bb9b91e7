package dev.interlock.cli.scaffold;

import com.fasterxml.jackson.core.io.JsonStringEncoder;

/**
 * Scalars for the YAML templates: every value double-quoted, so no name is read as a number or a
 * date.
 */
final class Yaml {

  private Yaml() {}

  static String quote(String value) {
    return "\"" + new String(JsonStringEncoder.getInstance().quoteAsString(value)) + "\"";
  }
}
