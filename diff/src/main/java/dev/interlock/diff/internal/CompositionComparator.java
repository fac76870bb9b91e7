package dev.interlock.diff.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiPredicate;

/**
 * {@code oneOf}/{@code anyOf} alternatives, {@code not} and the {@code discriminator}, compared by
 * meaning: alternatives are matched by {@code $ref} name, then by shape, so reordering them or
 * refactoring one into a {@code $ref} is no change; a schema that becomes a composition one of
 * whose alternatives is the old schema has gained the other alternatives (and the reverse lost
 * them). ({@code allOf} needs nothing here: {@link SchemaView} merges its members.)
 */
final class CompositionComparator {

  private static final List<String> KEYWORDS = List.of("oneOf", "anyOf");

  private CompositionComparator() {}

  /**
   * Compares the compositions; true when one side is a composition that holds the other side as one
   * alternative, which then says all there is to say about the pair.
   */
  static boolean compare(SchemaPair p) {
    boolean wrapped = false;
    for (String keyword : KEYWORDS) {
      Optional<Node> oa = p.o.first(keyword).filter(a -> a.json().isArray());
      Optional<Node> na = p.n.first(keyword).filter(a -> a.json().isArray());
      if (oa.isPresent() && na.isPresent()) {
        alternatives(p, keyword, oa.get(), na.get());
      } else if (oa.isPresent() || na.isPresent()) {
        wrapped |= oneSided(p, keyword, oa.orElse(null), na.orElse(null));
      }
    }
    if (!wrapped) {
      not(p);
      discriminator(p);
    }
    return wrapped;
  }

  private static SchemaRule added(String keyword) {
    return keyword.equals("oneOf")
        ? SchemaRule.ONE_OF_ALTERNATIVE_ADDED
        : SchemaRule.ANY_OF_ALTERNATIVE_ADDED;
  }

  private static SchemaRule removed(String keyword) {
    return keyword.equals("oneOf")
        ? SchemaRule.ONE_OF_ALTERNATIVE_REMOVED
        : SchemaRule.ANY_OF_ALTERNATIVE_REMOVED;
  }

  private static List<Node> members(Node array) {
    List<Node> out = new ArrayList<>();
    for (int i = 0; i < array.json().size(); i++) {
      out.add(array.get(i));
    }
    return out;
  }

  /** A schema became a composition, or stopped being one. */
  private static boolean oneSided(SchemaPair p, String keyword, Node oa, Node na) {
    boolean became = na != null;
    Node plain = became ? p.o.node : p.n.node;
    List<Node> alts = members(became ? na : oa);
    Node match = null;
    for (Node alt : alts) {
      if (became ? p.same(plain, alt) : p.same(alt, plain)) {
        match = alt;
        break;
      }
    }
    if (match == null) {
      p.add(
          SchemaRule.COMPOSITION_CHANGED,
          became ? "schema became a " + keyword + " composition" : keyword + " composition removed",
          became ? p.o.node : oa,
          became ? na : p.n.node);
      return false;
    }
    for (Node alt : alts) {
      if (alt == match) {
        continue;
      }
      if (became) {
        p.add(added(keyword), keyword + " alternative " + describe(alt) + " added", plain, alt);
      } else {
        p.add(removed(keyword), keyword + " alternative " + describe(alt) + " removed", alt, plain);
      }
    }
    return true;
  }

  private static void alternatives(SchemaPair p, String keyword, Node oa, Node na) {
    List<Node> olds = members(oa);
    List<Node> news = members(na);
    List<Node[]> pairs = new ArrayList<>();
    matchBy(
        olds,
        news,
        pairs,
        (a, b) -> {
          var an = RefResolver.refName(a);
          return an.isPresent() && an.equals(RefResolver.refName(b));
        });
    matchBy(
        olds,
        news,
        pairs,
        (a, b) -> p.resolver().resolve(a).json().equals(p.resolver().resolve(b).json()));
    matchBy(olds, news, pairs, p::same);
    if (olds.size() == news.size()) {
      // what is left, in order: the same alternatives, changed (their changes say how)
      for (int i = 0; i < olds.size(); i++) {
        pairs.add(new Node[] {olds.get(i), news.get(i)});
      }
      olds.clear();
      news.clear();
    }
    for (Node alt : olds) {
      p.add(removed(keyword), keyword + " alternative " + describe(alt) + " removed", alt, na);
    }
    for (Node alt : news) {
      p.add(added(keyword), keyword + " alternative " + describe(alt) + " added", oa, alt);
    }
    for (Node[] pair : pairs) {
      p.nested(null, pair[0], pair[1]);
    }
  }

  private static String describe(Node alt) {
    return RefResolver.refName(alt)
        .map(name -> "'" + name + "'")
        .orElseGet(() -> "#" + alt.pointer().lastToken());
  }

  private static void matchBy(
      List<Node> olds, List<Node> news, List<Node[]> pairs, BiPredicate<Node, Node> same) {
    for (var it = olds.iterator(); it.hasNext(); ) {
      Node a = it.next();
      for (var jt = news.iterator(); jt.hasNext(); ) {
        Node b = jt.next();
        if (same.test(a, b)) {
          pairs.add(new Node[] {a, b});
          it.remove();
          jt.remove();
          break;
        }
      }
    }
  }

  private static void not(SchemaPair p) {
    Node on = p.o.first("not").orElse(null);
    Node nn = p.n.first("not").orElse(null);
    if (on == null && nn == null) {
      return;
    }
    if (on == null) {
      p.add(SchemaRule.NOT_ADDED, "'not' added: values it matches are refused", p.o.node, nn);
    } else if (nn == null) {
      p.add(SchemaRule.NOT_REMOVED, "'not' removed: values it matched are allowed", on, p.n.node);
    } else if (!p.same(on, nn)) {
      p.add(SchemaRule.NOT_CHANGED, "the schema under 'not' changed", on, nn);
    }
  }

  /** The discriminator's property: 3.x writes an object, Swagger 2.0 a bare name. */
  private static String propertyName(Node d) {
    return d.json().isTextual() ? d.json().asText() : d.text("propertyName");
  }

  private static void discriminator(SchemaPair p) {
    Node od = p.o.first("discriminator").orElse(null);
    Node nd = p.n.first("discriminator").orElse(null);
    if (od == null && nd == null) {
      return;
    }
    if (od == null || nd == null) {
      p.add(
          SchemaRule.DISCRIMINATOR_ADDED_OR_REMOVED,
          od == null ? "a discriminator was added" : "the discriminator was removed",
          od == null ? p.o.node : od,
          nd == null ? p.n.node : nd);
      return;
    }
    String op = propertyName(od);
    String np = propertyName(nd);
    if (op != null && np != null && !op.equals(np)) {
      p.add(
          SchemaRule.DISCRIMINATOR_CHANGED,
          "discriminator changed from '" + op + "' to '" + np + "'",
          od.get("propertyName").exists() ? od.get("propertyName") : od,
          nd.get("propertyName").exists() ? nd.get("propertyName") : nd);
      return;
    }
    mapping(p, od.get("mapping"), nd.get("mapping"));
  }

  private static void mapping(SchemaPair p, Node om, Node nm) {
    if (!om.isObject() && !nm.isObject()) {
      return;
    }
    Node oAt = om.exists() ? om : p.o.node;
    Node nAt = nm.exists() ? nm : p.n.node;
    if (om.isObject()) {
      for (var it = om.json().fieldNames(); it.hasNext(); ) {
        String value = it.next();
        Node target = nm.get(value);
        if (!target.exists()) {
          p.add(
              SchemaRule.DISCRIMINATOR_MAPPING_REMOVED,
              "discriminator value '" + value + "' no longer mapped",
              om.get(value),
              nAt);
        } else if (!om.get(value).json().equals(target.json())) {
          p.add(
              SchemaRule.DISCRIMINATOR_MAPPING_CHANGED,
              "discriminator value '"
                  + value
                  + "' now maps to "
                  + target.json().asText()
                  + " instead of "
                  + om.get(value).json().asText(),
              om.get(value),
              target);
        }
      }
    }
    if (nm.isObject()) {
      for (var it = nm.json().fieldNames(); it.hasNext(); ) {
        String value = it.next();
        if (!om.get(value).exists()) {
          p.add(
              SchemaRule.DISCRIMINATOR_MAPPING_ADDED,
              "discriminator value '" + value + "' mapped",
              oAt,
              nm.get(value));
        }
      }
    }
  }
}
