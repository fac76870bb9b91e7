package dev.interlock.reports.internal;

import dev.interlock.core.run.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Locale;

/** How text is written into each report format: escaping, shortening, durations, digests. */
public final class TextFormat {

  private TextFormat() {}

  /** HTML text and attribute content. */
  public static String html(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '"' -> out.append("&quot;");
        case '\'' -> out.append("&#39;");
        default -> {
          if (c < 0x20 && c != '\n' && c != '\t' && c != '\r') {
            out.append('\uFFFD');
          } else {
            out.append(c);
          }
        }
      }
    }
    return out.toString();
  }

  /** An outcome as an HTML tag whose word, not only its colour, says it. */
  public static String outcomeTag(Outcome o) {
    String word = o.name().toLowerCase(Locale.ROOT);
    return "<span class=\"tag " + word + "\">" + word + "</span>";
  }

  /**
   * Inline Markdown text: no HTML, links, emphasis or tables can be smuggled in; newlines become
   * spaces.
   */
  public static String md(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '&' -> out.append("&amp;");
        case '\n', '\r', '\t' -> out.append(' ');
        case '\\', '`', '*', '_', '[', ']', '|', '#', '~', '!', '{', '}' ->
            out.append('\\').append(c);
        default -> out.append(c < 0x20 ? ' ' : c);
      }
    }
    return out.toString();
  }

  /** A Markdown code span whose content cannot close it early. */
  public static String mdCode(String s) {
    String t = oneLine(s).replace('`', '\'');
    return "`" + (t.isEmpty() ? " " : t) + "`";
  }

  /** Characters XML 1.0 cannot carry are replaced with U+FFFD. */
  public static String xml(String s) {
    if (s == null) {
      return "";
    }
    StringBuilder out = null;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      boolean ok =
          c == 0x9
              || c == 0xA
              || c == 0xD
              || (c >= 0x20 && c <= 0xD7FF)
              || (c >= 0xE000 && c <= 0xFFFD)
              || Character.isSurrogate(c);
      if (!ok && out == null) {
        out = new StringBuilder(s.substring(0, i));
      }
      if (out != null) {
        out.append(ok ? c : '\uFFFD');
      }
    }
    return out == null ? s : out.toString();
  }

  public static String oneLine(String s) {
    return s == null ? "" : s.replaceAll("\\s+", " ").trim();
  }

  /** At most {@code max} characters, ending with an ellipsis when cut. */
  public static String shorten(String s, int max) {
    if (s == null) {
      return "";
    }
    if (s.length() <= max) {
      return s;
    }
    int end = max - 1;
    if (end > 0 && Character.isHighSurrogate(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, Math.max(0, end)) + "…";
  }

  /** {@code 1.2 s}, {@code 340 ms}, {@code 2 min 5 s}. */
  public static String duration(Duration d) {
    if (d == null) {
      return "";
    }
    long ms = d.toMillis();
    if (ms < 1000) {
      return ms + " ms";
    }
    if (ms < 60_000) {
      return String.format(Locale.ROOT, "%.1f s", ms / 1000.0);
    }
    return (ms / 60_000) + " min " + (ms % 60_000) / 1000 + " s";
  }

  public static String sha256(String s) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always available", e);
    }
  }

  /** {@code pact.request-matches-spec} → {@code Pact: request matches spec}. */
  public static String humanize(String id) {
    if (id == null || id.isEmpty()) {
      return "";
    }
    int dot = id.indexOf('.');
    String head = dot < 0 ? id : id.substring(0, dot);
    String rest = dot < 0 ? "" : id.substring(dot + 1);
    String title = Character.toUpperCase(head.charAt(0)) + head.substring(1).replace('-', ' ');
    return rest.isEmpty() ? title : title + ": " + rest.replace('.', ' ').replace('-', ' ');
  }
}
