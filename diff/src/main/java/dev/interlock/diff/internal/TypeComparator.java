package dev.interlock.diff.internal;

import java.util.Set;

/**
 * Types and nullability. OpenAPI 3.0's {@code nullable: true}, Swagger's {@code x-nullable}, a 3.1
 * type list with {@code "null"} and a wrapping {@code anyOf: [S, {type: 'null'}]} all read as the
 * same nullable type (see {@link SchemaView}), so moving between them is no change.
 */
final class TypeComparator {

  private TypeComparator() {}

  /** False when the types have nothing in common (that is reported, the rest would be noise). */
  static boolean compare(SchemaPair p) {
    boolean compatible = types(p);
    if (compatible) {
      nullability(p);
    }
    return compatible;
  }

  private static boolean types(SchemaPair p) {
    Set<String> ot = p.o.types;
    Set<String> nt = p.n.types;
    if (ot.equals(nt)) {
      return true;
    }
    Node oAt = p.o.typeNode != null ? p.o.typeNode : p.o.node;
    Node nAt = p.n.typeNode != null ? p.n.typeNode : p.n.node;
    String was = ot.isEmpty() ? "any type" : String.join("|", ot);
    String now = nt.isEmpty() ? "any type" : String.join("|", nt);
    String msg = "type changed from " + was + " to " + now;
    if (nt.isEmpty() || !ot.isEmpty() && covers(nt, ot)) {
      p.add(SchemaRule.TYPE_WIDENED, msg, oAt, nAt);
      return true;
    }
    if (ot.isEmpty() || covers(ot, nt)) {
      p.add(SchemaRule.TYPE_NARROWED, msg, oAt, nAt);
      return true;
    }
    p.add(SchemaRule.TYPE_CHANGED, msg, oAt, nAt);
    return false;
  }

  /** Whether every value of the {@code inner} types is one of the {@code outer} types. */
  private static boolean covers(Set<String> outer, Set<String> inner) {
    for (String t : inner) {
      if (!outer.contains(t) && !(t.equals("integer") && outer.contains("number"))) {
        return false;
      }
    }
    return true;
  }

  private static void nullability(SchemaPair p) {
    if (!p.o.nullable && p.n.nullable) {
      p.add(SchemaRule.BECAME_NULLABLE, "value became nullable", p.o.node, p.n.nullableNode());
    } else if (p.o.nullable && !p.n.nullable) {
      p.add(
          SchemaRule.BECAME_NON_NULLABLE,
          "value is no longer nullable",
          p.o.nullableNode(),
          p.n.node);
    }
  }
}
