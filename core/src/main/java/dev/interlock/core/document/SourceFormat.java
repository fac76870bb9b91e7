package dev.interlock.core.document;

import java.nio.file.Path;
import java.util.Locale;

/** The syntax a contract file is written in. */
public enum SourceFormat {
  JSON,
  YAML;

  /** By file extension, else by the first meaningful character of the content. */
  public static SourceFormat detect(Path file, CharSequence content) {
    String name = file == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
    if (name.endsWith(".json")) {
      return JSON;
    }
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return YAML;
    }
    for (int i = 0; i < content.length(); i++) {
      char c = content.charAt(i);
      if (!Character.isWhitespace(c) && c != '\uFEFF') {
        return c == '{' || c == '[' ? JSON : YAML;
      }
    }
    return YAML;
  }
}
