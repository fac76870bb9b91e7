package dev.interlock.diff.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;

/**
 * Numeric bounds: {@code minimum}/{@code maximum} (with 3.0's boolean and 3.1's numeric {@code
 * exclusive…}), lengths, item and property counts, {@code multipleOf} and {@code uniqueItems}.
 * Where allOf members each set a bound the tightest one holds, and a bound that allows everything
 * ({@code minLength: 0}, {@code uniqueItems: false}) counts as no bound.
 */
final class BoundComparator {

  private BoundComparator() {}

  /** One bound: its value, whether the value itself is excluded, where it is written. */
  private record Bound(BigDecimal value, boolean exclusive, Node at) {
    String describe() {
      return value.toPlainString() + (exclusive ? " (exclusive)" : "");
    }
  }

  static void compare(SchemaPair p) {
    range(p, "maximum", true, SchemaRule.MAX_DECREASED, SchemaRule.MAX_INCREASED);
    range(p, "minimum", false, SchemaRule.MIN_INCREASED, SchemaRule.MIN_DECREASED);
    count(p, "maxLength", true, SchemaRule.MAX_LENGTH_DECREASED, SchemaRule.MAX_LENGTH_INCREASED);
    count(p, "minLength", false, SchemaRule.MIN_LENGTH_INCREASED, SchemaRule.MIN_LENGTH_DECREASED);
    count(p, "maxItems", true, SchemaRule.MAX_ITEMS_DECREASED, SchemaRule.MAX_ITEMS_INCREASED);
    count(p, "minItems", false, SchemaRule.MIN_ITEMS_INCREASED, SchemaRule.MIN_ITEMS_DECREASED);
    count(
        p,
        "maxProperties",
        true,
        SchemaRule.MAX_PROPERTIES_DECREASED,
        SchemaRule.MAX_PROPERTIES_INCREASED);
    count(
        p,
        "minProperties",
        false,
        SchemaRule.MIN_PROPERTIES_INCREASED,
        SchemaRule.MIN_PROPERTIES_DECREASED);
    uniqueItems(p);
    multipleOf(p);
  }

  private static BigDecimal number(JsonNode v) {
    return v != null && v.isNumber() ? v.decimalValue() : null;
  }

  /**
   * The tightest of a view's {@code minimum}/{@code maximum} bounds: a plain one (exclusive when
   * 3.0's boolean {@code exclusiveMinimum} is true beside it) and 3.1's numeric {@code
   * exclusiveMinimum}.
   */
  private static Bound range(SchemaView s, String keyword, boolean upper) {
    String exclusive = upper ? "exclusiveMaximum" : "exclusiveMinimum";
    Bound best = null;
    for (Node part : s.parts) {
      BigDecimal plain = number(part.json().get(keyword));
      if (plain != null) {
        best = tighter(best, new Bound(plain, part.flag(exclusive), part.get(keyword)), upper);
      }
      BigDecimal excl = number(part.json().get(exclusive));
      if (excl != null) {
        best = tighter(best, new Bound(excl, true, part.get(exclusive)), upper);
      }
    }
    return best;
  }

  /** The tightest of a count keyword over a view's parts; a lower count of 0 is no bound. */
  private static Bound count(SchemaView s, String keyword, boolean upper) {
    Bound best = null;
    for (Node part : s.parts) {
      BigDecimal v = number(part.json().get(keyword));
      if (v != null && (upper || v.signum() > 0)) {
        best = tighter(best, new Bound(v, false, part.get(keyword)), upper);
      }
    }
    return best;
  }

  private static Bound tighter(Bound a, Bound b, boolean upper) {
    return a == null || isTighter(b, a, upper) ? b : a;
  }

  /** Whether {@code b} allows strictly fewer values than {@code a}. */
  private static boolean isTighter(Bound b, Bound a, boolean upper) {
    int c = b.value().compareTo(a.value());
    if (c == 0) {
      return b.exclusive() && !a.exclusive();
    }
    return upper ? c < 0 : c > 0;
  }

  private static void range(
      SchemaPair p, String keyword, boolean upper, SchemaRule tighter, SchemaRule looser) {
    report(
        p, keyword, range(p.o, keyword, upper), range(p.n, keyword, upper), upper, tighter, looser);
  }

  private static void count(
      SchemaPair p, String keyword, boolean upper, SchemaRule tighter, SchemaRule looser) {
    report(
        p, keyword, count(p.o, keyword, upper), count(p.n, keyword, upper), upper, tighter, looser);
  }

  private static void report(
      SchemaPair p,
      String keyword,
      Bound ob,
      Bound nb,
      boolean upper,
      SchemaRule tighter,
      SchemaRule looser) {
    if (ob == null && nb == null
        || ob != null && nb != null && !isTighter(nb, ob, upper) && !isTighter(ob, nb, upper)) {
      return;
    }
    String msg =
        keyword
            + " changed from "
            + (ob == null ? "none" : ob.describe())
            + " to "
            + (nb == null ? "none" : nb.describe());
    boolean tightened = ob == null || nb != null && isTighter(nb, ob, upper);
    Node oAt = ob == null ? p.o.node : ob.at();
    Node nAt = nb == null ? p.n.node : nb.at();
    p.add(tightened ? tighter : looser, msg, oAt, nAt);
  }

  private static void uniqueItems(SchemaPair p) {
    boolean was = p.o.flag("uniqueItems");
    boolean now = p.n.flag("uniqueItems");
    if (!was && now) {
      p.add(
          SchemaRule.UNIQUE_ITEMS_ADDED,
          "items must now be unique",
          p.o.node,
          p.n.at("uniqueItems"));
    } else if (was && !now) {
      p.add(
          SchemaRule.UNIQUE_ITEMS_REMOVED, "items may now repeat", p.o.at("uniqueItems"), p.n.node);
    }
  }

  /**
   * Values allowed before are multiples of the old {@code multipleOf}, now of the new one: when the
   * new divides the old, every old value still passes (wider); when the old divides the new, every
   * new value passed before (narrower); otherwise the sets differ both ways.
   */
  private static void multipleOf(SchemaPair p) {
    BigDecimal om = number(p.o.first("multipleOf").map(Node::json).orElse(null));
    BigDecimal nm = number(p.n.first("multipleOf").map(Node::json).orElse(null));
    if (om == null && nm == null || om != null && nm != null && om.compareTo(nm) == 0) {
      return;
    }
    SchemaRule rule;
    if (om == null || nm != null && divides(om, nm)) {
      rule = SchemaRule.MULTIPLE_OF_NARROWED;
    } else if (nm == null || divides(nm, om)) {
      rule = SchemaRule.MULTIPLE_OF_WIDENED;
    } else {
      rule = SchemaRule.MULTIPLE_OF_CHANGED;
    }
    p.add(
        rule,
        "multipleOf changed from "
            + (om == null ? "none" : om.toPlainString())
            + " to "
            + (nm == null ? "none" : nm.toPlainString()),
        p.o.at("multipleOf"),
        p.n.at("multipleOf"));
  }

  /** Whether {@code a} divides {@code b} exactly. */
  private static boolean divides(BigDecimal a, BigDecimal b) {
    return a.signum() != 0 && b.remainder(a).signum() == 0;
  }
}
