package dev.interlock.compat.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.compat.internal.RuleSet.Group;
import dev.interlock.compat.internal.RuleSet.Rule;
import java.text.ParsePosition;
import java.text.SimpleDateFormat;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Pact V3/V4 matchers applied to one value, as Pact JVM applies them. */
public final class ValueMatchers {

  private static final Map<String, Pattern> PATTERNS = new ConcurrentHashMap<>();

  private ValueMatchers() {}

  /** Null when the group accepts {@code actual}; otherwise why not. */
  public static String check(Group group, JsonNode expected, JsonNode actual) {
    List<String> failures = new ArrayList<>();
    for (Rule r : group.rules()) {
      String f = check(r, expected, actual);
      if (f == null && group.or()) {
        return null;
      }
      if (f != null) {
        failures.add(f);
      }
    }
    return failures.isEmpty() ? null : String.join("; ", failures);
  }

  /** Null when the rule accepts {@code actual}; otherwise why not. */
  public static String check(Rule rule, JsonNode expected, JsonNode actual) {
    switch (rule.match()) {
      case "type", "min", "max", "minType", "maxType" -> {
        if (!sameType(expected, actual)) {
          return "expected a value of type " + typeName(expected) + " but got " + describe(actual);
        }
        if (actual != null && actual.isArray()) {
          return sizeCheck(rule, actual.size());
        }
        return null;
      }
      case "regex" -> {
        String regex = rule.text("regex");
        if (regex == null) {
          return null;
        }
        if (actual == null || actual.isContainerNode() || actual.isMissingNode()) {
          return "expected a value matching /" + regex + "/ but got " + describe(actual);
        }
        String text = actual.isNull() ? "null" : actual.asText();
        return regexMatches(regex, text)
            ? null
            : "expected a value matching /" + regex + "/ but got " + describe(actual);
      }
      case "integer" -> {
        boolean ok = actual != null && actual.isIntegralNumber();
        if (!ok && actual != null && actual.isTextual()) {
          ok = actual.asText().matches("-?\\d+");
        }
        return ok ? null : "expected an integer but got " + describe(actual);
      }
      case "decimal" -> {
        boolean ok = actual != null && actual.isFloatingPointNumber();
        if (!ok && actual != null && actual.isTextual()) {
          ok = actual.asText().matches("-?\\d+\\.\\d+");
        }
        return ok ? null : "expected a decimal number but got " + describe(actual);
      }
      case "number" -> {
        boolean ok = actual != null && actual.isNumber();
        if (!ok && actual != null && actual.isTextual()) {
          ok = actual.asText().matches("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
        }
        return ok ? null : "expected a number but got " + describe(actual);
      }
      case "boolean" -> {
        boolean ok =
            actual != null
                && (actual.isBoolean()
                    || (actual.isTextual() && actual.asText().matches("true|false")));
        return ok ? null : "expected a boolean but got " + describe(actual);
      }
      case "null" -> {
        return actual == null || actual.isNull()
            ? null
            : "expected null but got " + describe(actual);
      }
      case "include" -> {
        String value = rule.text("value");
        return actual != null && value != null && actual.asText().contains(value)
            ? null
            : "expected a value including '" + value + "' but got " + describe(actual);
      }
      case "equality" -> {
        return equal(expected, actual)
            ? null
            : "expected " + describe(expected) + " but got " + describe(actual);
      }
      case "date", "time", "timestamp", "datetime" -> {
        String format = rule.text("format");
        if (format == null) {
          format = rule.text(rule.match());
        }
        String text = actual == null ? null : actual.asText(null);
        return text != null && temporal(rule.match(), format, text)
            ? null
            : "expected a "
                + rule.match()
                + (format == null ? "" : " in format '" + format + "'")
                + " but got "
                + describe(actual);
      }
      case "notEmpty" -> {
        boolean empty =
            actual == null
                || actual.isNull()
                || (actual.isContainerNode() && actual.isEmpty())
                || (actual.isTextual() && actual.asText().isEmpty());
        return empty ? "expected a non-empty value but got " + describe(actual) : null;
      }
      case "semver" -> {
        return actual != null && actual.asText("").matches("\\d+\\.\\d+\\.\\d+([-+].*)?")
            ? null
            : "expected a semantic version but got " + describe(actual);
      }
      default -> {
        // values, contentType, arrayContains, statusCode, eachKey, eachValue: accept here,
        // the structural comparison handles the parts they relax.
        return null;
      }
    }
  }

  private static String sizeCheck(Rule rule, int size) {
    Integer min = rule.integer("min");
    Integer max = rule.integer("max");
    if (min != null && size < min) {
      return "expected an array with at least " + min + " element(s) but got " + size;
    }
    if (max != null && size > max) {
      return "expected an array with at most " + max + " element(s) but got " + size;
    }
    return null;
  }

  public static boolean regexMatches(String regex, String text) {
    Pattern p = pattern(regex);
    return p != null && p.matcher(text).matches();
  }

  /**
   * Whether a regex accepts the text as any Pact implementation would: Pact JVM matches the whole
   * value, pact-reference and pact-js find the regex in it.
   */
  public static boolean regexAccepts(String regex, String text) {
    Pattern p = pattern(regex);
    return p != null && (p.matcher(text).matches() || p.matcher(text).find());
  }

  public static Pattern pattern(String regex) {
    try {
      return PATTERNS.computeIfAbsent(regex, Pattern::compile);
    } catch (PatternSyntaxException e) {
      return null;
    }
  }

  static boolean temporal(String kind, String format, String text) {
    if (format != null && !format.isBlank()) {
      try {
        SimpleDateFormat f = new SimpleDateFormat(format);
        f.setLenient(false);
        ParsePosition pos = new ParsePosition(0);
        return f.parse(text, pos) != null && pos.getIndex() == text.length();
      } catch (IllegalArgumentException e) {
        return false;
      }
    }
    try {
      switch (kind) {
        case "date" -> LocalDate.parse(text);
        case "time" -> LocalTime.parse(text);
        default -> OffsetDateTime.parse(text);
      }
      return true;
    } catch (DateTimeParseException e) {
      if (!kind.equals("date") && !kind.equals("time")) {
        try {
          java.time.LocalDateTime.parse(text);
          return true;
        } catch (DateTimeParseException e2) {
          return false;
        }
      }
      return false;
    }
  }

  public static boolean sameType(JsonNode a, JsonNode b) {
    return typeName(a).equals(typeName(b));
  }

  public static String typeName(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "missing";
    }
    if (n.isNumber()) {
      return "number";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isBoolean()) {
      return "boolean";
    }
    if (n.isNull()) {
      return "null";
    }
    if (n.isArray()) {
      return "array";
    }
    return "object";
  }

  public static boolean equal(JsonNode a, JsonNode b) {
    if (a == null || b == null) {
      return a == b;
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    return a.equals(b);
  }

  public static String describe(JsonNode n) {
    if (n == null || n.isMissingNode()) {
      return "nothing";
    }
    String s = n.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
