package dev.interlock.core;

import java.util.ArrayList;
import java.util.List;

/**
 * An RFC 6901 JSON pointer such as {@code /paths/~1charges/post}. The empty pointer is the document
 * root and renders as {@code #}.
 */
public record JsonPointer(String value) {

  public static final JsonPointer ROOT = new JsonPointer("");

  public JsonPointer {
    if (!value.isEmpty() && value.charAt(0) != '/') {
      throw new IllegalArgumentException("a JSON pointer starts with '/': " + value);
    }
  }

  /** Parses {@code /a/b}, {@code #/a/b} or {@code #}. */
  public static JsonPointer parse(String text) {
    String v = text.startsWith("#") ? text.substring(1) : text;
    return new JsonPointer(v);
  }

  public static JsonPointer of(String... tokens) {
    JsonPointer p = ROOT;
    for (String t : tokens) {
      p = p.append(t);
    }
    return p;
  }

  public JsonPointer append(String token) {
    return new JsonPointer(value + "/" + escape(token));
  }

  public JsonPointer append(int index) {
    return new JsonPointer(value + "/" + index);
  }

  public JsonPointer parent() {
    int slash = value.lastIndexOf('/');
    return slash <= 0 ? ROOT : new JsonPointer(value.substring(0, slash));
  }

  public boolean isRoot() {
    return value.isEmpty();
  }

  /** The unescaped reference tokens, root first. */
  public List<String> tokens() {
    List<String> tokens = new ArrayList<>();
    if (value.isEmpty()) {
      return tokens;
    }
    for (String raw : value.substring(1).split("/", -1)) {
      tokens.add(unescape(raw));
    }
    return tokens;
  }

  public String lastToken() {
    List<String> t = tokens();
    return t.isEmpty() ? "" : t.get(t.size() - 1);
  }

  public static String escape(String token) {
    return token.replace("~", "~0").replace("/", "~1");
  }

  public static String unescape(String token) {
    return token.replace("~1", "/").replace("~0", "~");
  }

  /** The fragment form used in {@code $ref}s and renderings: {@code #/a/b}. */
  @Override
  public String toString() {
    return "#" + value;
  }
}
