package dev.interlock.diff.internal;

import dev.interlock.diff.Change;
import dev.interlock.diff.Rule;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

/**
 * The deprecation policy of operations: deprecating needs a future {@code x-sunset} date, a sunset
 * is never brought forward or dropped, {@code x-stability-level} only goes up (draft, alpha, beta,
 * stable), and an operation is removed only once deprecated and past its sunset. Dates are judged
 * against the day the diff runs, given by its clock.
 */
final class DeprecationPolicy {

  private static final List<String> STABILITY = List.of("draft", "alpha", "beta", "stable");
  private static final List<String> UNSTABLE = List.of("draft", "alpha");

  private final LocalDate today;
  private final ChangeSink sink;

  DeprecationPolicy(LocalDate today, ChangeSink sink) {
    this.today = today;
    this.sink = sink;
  }

  /** A sunset as written: absent, not a date, or a date. */
  private record Sunset(Node node, LocalDate date) {
    boolean present() {
      return node.exists();
    }

    boolean valid() {
      return date != null;
    }
  }

  /** Reports how an operation that is gone from the new document was removed. */
  void removed(Op o, Node newAnchor, Perspective p) {
    String sig = o.signature();
    Sunset sunset = sunset(o);
    Rule rule;
    String message;
    if (!o.operation().flag("deprecated")) {
      rule = Rules.OPERATION_REMOVED;
      message = sig + " removed without deprecation";
    } else if (!sunset.valid()) {
      rule = Rules.OPERATION_REMOVED_DEPRECATED;
      message = sig + " removed (it was deprecated without a valid x-sunset date)";
    } else if (today.isBefore(sunset.date())) {
      rule = Rules.OPERATION_REMOVED_BEFORE_SUNSET;
      message = sig + " removed before its sunset date " + sunset.date();
    } else {
      rule = Rules.OPERATION_REMOVED_AFTER_SUNSET;
      message = sig + " removed after its sunset date " + sunset.date();
    }
    try (ChangeSink.Scope unstable = unstableScope(o)) {
      sink.add(p.rule(rule), message, o.operation(), newAnchor, sig, null);
    }
  }

  /**
   * An operation at draft or alpha stability in the old version may change or go without breaking
   * anyone: its changes are reported, none above non-breaking.
   */
  ChangeSink.Scope unstableScope(Op old) {
    Node level = stabilityNode(old);
    String value = level.exists() ? level.json().asText().trim().toLowerCase(Locale.ROOT) : "";
    return UNSTABLE.contains(value)
        ? sink.capLevel(
            Change.Level.NON_BREAKING, "x-stability-level " + value + ": may change freely")
        : sink.capLevel(null, null);
  }

  /** Deprecation, sunset and stability changes of an operation present in both documents. */
  void compare(Op o, Op n, Perspective p) {
    String sig = o.signature();
    boolean wasDeprecated = o.operation().flag("deprecated");
    boolean isDeprecated = n.operation().flag("deprecated");
    Sunset before = sunset(o);
    Sunset after = sunset(n);
    if (!wasDeprecated && isDeprecated) {
      deprecated(o, n, after, p, sig);
    } else if (wasDeprecated && !isDeprecated) {
      sink.add(
          p.rule(Rules.OPERATION_REACTIVATED),
          sig + " is no longer deprecated",
          Nodes.at(o.operation(), "deprecated"),
          n.operation(),
          sig,
          null);
    } else if (wasDeprecated) {
      sunsetChanged(o, n, before, after, p, sig);
    }
    stability(o, n, p, sig);
  }

  private void deprecated(Op o, Op n, Sunset after, Perspective p, String sig) {
    Node at = n.operation().get("deprecated");
    if (!after.present()) {
      sink.add(
          p.rule(Rules.OPERATION_DEPRECATED_WITHOUT_SUNSET),
          sig + " deprecated without an x-sunset date",
          o.operation(),
          at,
          sig,
          null);
    } else if (!after.valid()) {
      invalid(o.operation(), after, p, sig);
    } else if (after.date().isBefore(today)) {
      sink.add(
          p.rule(Rules.OPERATION_SUNSET_PAST),
          sig + " deprecated with a sunset date already past (" + after.date() + ")",
          o.operation(),
          after.node(),
          sig,
          null);
    } else {
      sink.add(
          p.rule(Rules.OPERATION_DEPRECATED),
          sig + " deprecated, sunset " + after.date(),
          o.operation(),
          at,
          sig,
          null);
    }
  }

  private void sunsetChanged(Op o, Op n, Sunset before, Sunset after, Perspective p, String sig) {
    if (before.present() && !after.present()) {
      sink.add(
          p.rule(Rules.OPERATION_SUNSET_REMOVED),
          sig + ": the x-sunset date was removed",
          before.node(),
          n.operation(),
          sig,
          null);
    } else if (after.present() && !after.valid()) {
      if (!before.present() || !before.node().json().equals(after.node().json())) {
        invalid(before.present() ? before.node() : o.operation(), after, p, sig);
      }
    } else if (before.valid() && after.valid() && after.date().isBefore(before.date())) {
      sink.add(
          p.rule(Rules.OPERATION_SUNSET_EARLIER),
          sig + ": sunset brought forward from " + before.date() + " to " + after.date(),
          before.node(),
          after.node(),
          sig,
          null);
    }
  }

  private void invalid(Node oldAnchor, Sunset after, Perspective p, String sig) {
    sink.add(
        p.rule(Rules.OPERATION_SUNSET_INVALID),
        sig + ": x-sunset '" + after.node().json().asText() + "' is not a date",
        oldAnchor,
        after.node(),
        sig,
        null);
  }

  private void stability(Op o, Op n, Perspective p, String sig) {
    Node beforeNode = stabilityNode(o);
    Node afterNode = stabilityNode(n);
    if (!afterNode.exists()) {
      return;
    }
    String after = afterNode.json().asText().trim().toLowerCase(Locale.ROOT);
    if (!STABILITY.contains(after)) {
      if (!beforeNode.exists() || !beforeNode.json().equals(afterNode.json())) {
        sink.add(
            p.rule(Rules.OPERATION_STABILITY_INVALID),
            sig + ": x-stability-level '" + afterNode.json().asText() + "' is not a known level",
            beforeNode.exists() ? beforeNode : o.operation(),
            afterNode,
            sig,
            null);
      }
      return;
    }
    if (!beforeNode.exists()) {
      return; // an operation without a level may take any level
    }
    String before = beforeNode.json().asText().trim().toLowerCase(Locale.ROOT);
    if (STABILITY.contains(before) && STABILITY.indexOf(after) < STABILITY.indexOf(before)) {
      sink.add(
          p.rule(Rules.OPERATION_STABILITY_DECREASED),
          sig + ": x-stability-level went down from " + before + " to " + after,
          beforeNode,
          afterNode,
          sig,
          null);
    }
  }

  private static Node stabilityNode(Op op) {
    Node own = op.operation().get("x-stability-level");
    return own.exists() ? own : op.pathItem().get("x-stability-level");
  }

  private static Sunset sunset(Op op) {
    Node own = op.operation().get("x-sunset");
    Node node = own.exists() ? own : op.pathItem().get("x-sunset");
    return new Sunset(node, node.exists() ? date(node.json().asText().trim()) : null);
  }

  /** An ISO date, an ISO date-time or an HTTP date (as in the Sunset header, RFC 8594). */
  static LocalDate date(String text) {
    try {
      return LocalDate.parse(text);
    } catch (DateTimeParseException notIsoDate) {
      // try the next form
    }
    try {
      return OffsetDateTime.parse(text).toLocalDate();
    } catch (DateTimeParseException notIsoDateTime) {
      // try the next form
    }
    try {
      return ZonedDateTime.parse(text, DateTimeFormatter.RFC_1123_DATE_TIME).toLocalDate();
    } catch (DateTimeParseException notHttpDate) {
      return null;
    }
  }
}
