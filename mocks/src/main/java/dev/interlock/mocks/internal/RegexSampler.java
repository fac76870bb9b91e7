package dev.interlock.mocks.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.regex.Pattern;

/**
 * Produces a string that matches a regular expression, for the common shapes found in contracts:
 * literals, escapes ({@code \d \w \s}), character classes, groups, alternation and quantifiers.
 * Back-references and look-arounds are not supported; {@link #sample} returns null then.
 */
final class RegexSampler {

  private static final int UNBOUNDED_EXTRA = 3;
  private static final String PRINTABLE =
      "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_";

  private final String regex;
  private final SplittableRandom random;
  private int pos;

  private RegexSampler(String regex, SplittableRandom random) {
    this.regex = regex;
    this.random = random;
  }

  /** A string the pattern finds (JSON Schema patterns are unanchored), or null. */
  static String sample(String regex, SplittableRandom random) {
    Pattern compiled;
    try {
      compiled = Pattern.compile(regex);
    } catch (RuntimeException e) {
      return null;
    }
    for (int attempt = 0; attempt < 5; attempt++) {
      try {
        RegexSampler sampler = new RegexSampler(regex, random);
        StringBuilder out = new StringBuilder();
        sampler.alternation(out);
        String s = out.toString();
        if (compiled.matcher(s).find()) {
          return s;
        }
      } catch (RuntimeException e) {
        return null;
      }
    }
    return null;
  }

  private void alternation(StringBuilder out) {
    // Choose one branch: sample every branch into its own buffer and keep one.
    List<StringBuilder> branches = new ArrayList<>();
    StringBuilder current = new StringBuilder();
    branches.add(current);
    while (pos < regex.length()) {
      char c = regex.charAt(pos);
      if (c == ')') {
        break;
      }
      if (c == '|') {
        pos++;
        current = new StringBuilder();
        branches.add(current);
        continue;
      }
      sequenceItem(current);
    }
    out.append(branches.get(random.nextInt(branches.size())));
  }

  private void sequenceItem(StringBuilder out) {
    char c = regex.charAt(pos);
    if (c == '^' || c == '$') {
      pos++;
      return;
    }
    StringBuilder atom = new StringBuilder();
    Runnable emit;
    if (c == '(') {
      pos++;
      if (pos < regex.length() && regex.charAt(pos) == '?') {
        if (regex.startsWith("?:", pos)) {
          pos += 2;
        } else if (regex.startsWith("?<", pos)
            && !regex.startsWith("?<=", pos)
            && !regex.startsWith("?<!", pos)) {
          pos = regex.indexOf('>', pos) + 1;
        } else {
          throw new IllegalArgumentException("look-around");
        }
      }
      int groupStart = pos;
      alternation(new StringBuilder()); // advance to the closing paren
      int groupEnd = pos;
      expect(')');
      String group = regex.substring(groupStart, groupEnd);
      emit =
          () -> {
            RegexSampler inner = new RegexSampler(group, random);
            inner.alternation(atom);
          };
    } else if (c == '[') {
      String cls = charClass();
      emit = () -> atom.append(pickFromClass(cls));
    } else if (c == '.') {
      pos++;
      emit = () -> atom.append(PRINTABLE.charAt(random.nextInt(PRINTABLE.length())));
    } else if (c == '\\') {
      pos++;
      char e = regex.charAt(pos++);
      if (Character.isDigit(e) && e != '0') {
        throw new IllegalArgumentException("back-reference");
      }
      emit = () -> atom.append(escape(e));
    } else {
      pos++;
      emit = () -> atom.append(c);
    }
    int[] range = quantifier();
    int count = range[0] + (range[1] > range[0] ? random.nextInt(range[1] - range[0] + 1) : 0);
    for (int i = 0; i < count; i++) {
      emit.run();
    }
    out.append(atom);
  }

  private int[] quantifier() {
    if (pos >= regex.length()) {
      return new int[] {1, 1};
    }
    char q = regex.charAt(pos);
    int[] r;
    switch (q) {
      case '*' -> {
        pos++;
        r = new int[] {0, UNBOUNDED_EXTRA};
      }
      case '+' -> {
        pos++;
        r = new int[] {1, 1 + UNBOUNDED_EXTRA};
      }
      case '?' -> {
        pos++;
        r = new int[] {0, 1};
      }
      case '{' -> {
        int close = regex.indexOf('}', pos);
        String body = regex.substring(pos + 1, close);
        pos = close + 1;
        String[] parts = body.split(",", -1);
        int min = Integer.parseInt(parts[0].trim());
        int max =
            parts.length == 1
                ? min
                : parts[1].isBlank() ? min + UNBOUNDED_EXTRA : Integer.parseInt(parts[1].trim());
        r = new int[] {min, max};
      }
      default -> r = new int[] {1, 1};
    }
    if (pos < regex.length() && (regex.charAt(pos) == '?' || regex.charAt(pos) == '+')) {
      pos++; // lazy or possessive: same strings
    }
    return r;
  }

  private String charClass() {
    int start = pos;
    pos++;
    if (pos < regex.length() && regex.charAt(pos) == '^') {
      pos++;
    }
    if (pos < regex.length() && regex.charAt(pos) == ']') {
      pos++;
    }
    while (regex.charAt(pos) != ']') {
      if (regex.charAt(pos) == '\\') {
        pos++;
      }
      pos++;
    }
    pos++;
    return regex.substring(start, pos);
  }

  private char pickFromClass(String cls) {
    Pattern p = Pattern.compile(cls);
    boolean negated = cls.startsWith("[^");
    String candidates = negated ? PRINTABLE : classCandidates(cls);
    List<Character> ok = new ArrayList<>();
    for (char ch : candidates.toCharArray()) {
      if (p.matcher(String.valueOf(ch)).matches()) {
        ok.add(ch);
      }
    }
    if (ok.isEmpty()) {
      for (char ch = 32; ch < 127; ch++) {
        if (p.matcher(String.valueOf(ch)).matches()) {
          ok.add(ch);
        }
      }
    }
    if (ok.isEmpty()) {
      throw new IllegalArgumentException("empty class");
    }
    return ok.get(random.nextInt(ok.size()));
  }

  private static String classCandidates(String cls) {
    StringBuilder all = new StringBuilder();
    for (char ch = 32; ch < 127; ch++) {
      all.append(ch);
    }
    return all.toString();
  }

  private char escape(char e) {
    return switch (e) {
      case 'd' -> (char) ('0' + random.nextInt(10));
      case 'w' -> PRINTABLE.charAt(random.nextInt(PRINTABLE.length() - 1));
      case 's' -> ' ';
      case 'D', 'W' -> 'x';
      case 'S' -> 'x';
      case 'n' -> '\n';
      case 't' -> '\t';
      default -> e;
    };
  }

  private void expect(char c) {
    if (pos >= regex.length() || regex.charAt(pos) != c) {
      throw new IllegalArgumentException("expected " + c);
    }
    pos++;
  }
}
