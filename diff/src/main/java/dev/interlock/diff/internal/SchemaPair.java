package dev.interlock.diff.internal;

import java.util.List;

/**
 * One comparison of two schema views in one direction: it runs each comparator in turn and is where
 * they report. A type change that leaves nothing in common stops the comparison, since every
 * further difference would only repeat it; so does a schema wrapped into a composition as one of
 * its alternatives.
 */
final class SchemaPair {

  final SchemaView o;
  final SchemaView n;
  final Direction direction;
  private final SchemaComparator comparator;
  private final SchemaComparator.Findings out;

  SchemaPair(
      SchemaComparator comparator,
      SchemaView o,
      SchemaView n,
      Direction direction,
      SchemaComparator.Findings out) {
    this.comparator = comparator;
    this.o = o;
    this.n = n;
    this.direction = direction;
    this.out = out;
  }

  void compare() {
    if (CompositionComparator.compare(this)) {
      return; // one side is the other wrapped as an alternative: the alternatives say it all
    }
    if (!TypeComparator.compare(this)) {
      return;
    }
    ValueComparator.compare(this);
    BoundComparator.compare(this);
    PropertyComparator.compare(this);
    Node oi = o.first("items").orElse(null);
    Node ni = n.first("items").orElse(null);
    if (oi != null && ni != null) {
      nested("[*]", oi, ni);
    }
  }

  /** A finding about the schema pair itself. */
  void add(SchemaRule rule, String message, Node oldNode, Node newNode) {
    out.add(new SchemaComparator.Finding(rule, message, oldNode, newNode, List.of()));
  }

  /** A finding about one property of the schema pair. */
  void addAt(String property, SchemaRule rule, String message, Node oldNode, Node newNode) {
    out.add(new SchemaComparator.Finding(rule, message, oldNode, newNode, List.of(property)));
  }

  /** Compares two sub-schemas and reports what differs under {@code token}. */
  void nested(String token, Node oldChild, Node newChild) {
    for (SchemaComparator.Finding f : comparator.compare(oldChild, newChild, direction)) {
      out.add(token == null ? f : f.under(token));
    }
  }

  boolean same(Node a, Node b) {
    return comparator.same(a, b, direction);
  }

  RefResolver resolver() {
    return o.resolver();
  }
}
