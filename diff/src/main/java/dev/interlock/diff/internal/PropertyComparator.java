package dev.interlock.diff.internal;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * An object's properties: removed, added, required or not, read-only or write-only, and what {@code
 * additionalProperties} allows. A read-only property is not part of a request and a write-only one
 * not part of a response, so their changes count only where they are sent.
 */
final class PropertyComparator {

  private PropertyComparator() {}

  static void compare(SchemaPair p) {
    removedAndChanged(p);
    added(p);
    additionalProperties(p);
    dependentRequired(p);
  }

  private static boolean flag(SchemaPair p, Node property, String keyword) {
    return property.flag(keyword)
        || RefResolver.isRef(property) && p.resolver().resolve(property).flag(keyword);
  }

  /** Whether the property takes no part in the data this direction sends. */
  private static boolean absentHere(SchemaPair p, Node property) {
    return p.direction == Direction.REQUEST && flag(p, property, "readOnly")
        || p.direction == Direction.RESPONSE && flag(p, property, "writeOnly");
  }

  private static boolean hasDefault(SchemaPair p, Node property) {
    return property.json().has("default")
        || RefResolver.isRef(property) && p.resolver().resolve(property).json().has("default");
  }

  private static void removedAndChanged(SchemaPair p) {
    Node newProps = p.n.at("properties");
    for (Map.Entry<String, Node> e : p.o.properties.entrySet()) {
      String name = e.getKey();
      Node op = e.getValue();
      Node np = p.n.properties.get(name);
      if (np == null) {
        if (!absentHere(p, op)) {
          boolean required = p.o.required.containsKey(name);
          p.addAt(
              name,
              required ? SchemaRule.PROPERTY_REQUIRED_REMOVED : SchemaRule.PROPERTY_REMOVED,
              (required ? "required property '" : "property '") + name + "' removed",
              op,
              newProps);
        }
        continue;
      }
      access(p, name, op, np);
      if (absentHere(p, op) && absentHere(p, np)) {
        continue; // never sent this way (read-only in a request, write-only in a response)
      }
      required(p, name, op, np);
      p.nested(name, op, np);
    }
  }

  private static void required(SchemaPair p, String name, Node op, Node np) {
    boolean was = p.o.required.containsKey(name);
    boolean now = p.n.required.containsKey(name);
    if (was == now || absentHere(p, np)) {
      return;
    }
    if (!was) {
      boolean withDefault = hasDefault(p, np);
      p.addAt(
          name,
          withDefault
              ? SchemaRule.PROPERTY_REQUIRED_WITH_DEFAULT
              : SchemaRule.PROPERTY_BECAME_REQUIRED,
          "property '" + name + "' became required" + (withDefault ? " (it has a default)" : ""),
          op,
          p.n.required.get(name));
    } else {
      p.addAt(
          name,
          SchemaRule.PROPERTY_BECAME_OPTIONAL,
          "property '" + name + "' became optional",
          p.o.required.get(name),
          np);
    }
  }

  private static void access(SchemaPair p, String name, Node op, Node np) {
    if (!flag(p, op, "readOnly") && flag(p, np, "readOnly")) {
      p.addAt(
          name,
          SchemaRule.PROPERTY_BECAME_READ_ONLY,
          "property '" + name + "' became read-only",
          op,
          np);
    }
    if (!flag(p, op, "writeOnly") && flag(p, np, "writeOnly")) {
      p.addAt(
          name,
          SchemaRule.PROPERTY_BECAME_WRITE_ONLY,
          "property '" + name + "' became write-only",
          op,
          np);
    }
  }

  private static void added(SchemaPair p) {
    Node oldProps = p.o.at("properties");
    for (Map.Entry<String, Node> e : p.n.properties.entrySet()) {
      String name = e.getKey();
      if (p.o.properties.containsKey(name)) {
        continue;
      }
      Node np = e.getValue();
      boolean required = p.n.required.containsKey(name) && !absentHere(p, np);
      // where the old schema promised readers no other property, a strict reader refuses this one
      boolean closed = extra(p.o.first("additionalProperties").orElse(null)) == Extra.NONE;
      SchemaRule rule;
      if (!required) {
        rule = closed ? SchemaRule.PROPERTY_ADDED_TO_CLOSED : SchemaRule.PROPERTY_ADDED;
      } else if (hasDefault(p, np)) {
        rule = SchemaRule.PROPERTY_REQUIRED_WITH_DEFAULT;
      } else {
        rule = SchemaRule.PROPERTY_REQUIRED_ADDED;
      }
      if (closed && rule != SchemaRule.PROPERTY_ADDED_TO_CLOSED) {
        p.addAt(
            name,
            SchemaRule.PROPERTY_ADDED_TO_CLOSED,
            "property '" + name + "' added where additionalProperties was false",
            oldProps,
            np);
      }
      p.addAt(
          name,
          rule,
          (required ? "required property '" : "optional property '") + name + "' added",
          oldProps,
          np);
    }
  }

  /** What additionalProperties allows: anything, nothing, or values of a schema. */
  private enum Extra {
    ANY,
    NONE,
    SCHEMA
  }

  private static Extra extra(Node ap) {
    if (ap == null || ap.json().isBoolean() && ap.json().asBoolean()) {
      return Extra.ANY;
    }
    if (ap.json().isBoolean()) {
      return Extra.NONE;
    }
    return ap.isObject() && ap.json().size() > 0 ? Extra.SCHEMA : Extra.ANY;
  }

  private static void additionalProperties(SchemaPair p) {
    Node oa = p.o.first("additionalProperties").orElse(null);
    Node na = p.n.first("additionalProperties").orElse(null);
    Extra was = extra(oa);
    Extra now = extra(na);
    Node oAt = oa != null ? oa : p.o.node;
    Node nAt = na != null ? na : p.n.node;
    if (was == now) {
      if (was == Extra.SCHEMA) {
        p.nested("*", oa, na);
      }
      return;
    }
    if (now == Extra.NONE) {
      p.add(SchemaRule.ADDITIONAL_PROPERTIES_CLOSED, "additionalProperties became false", oAt, nAt);
    } else if (was == Extra.NONE) {
      p.add(
          SchemaRule.ADDITIONAL_PROPERTIES_OPENED,
          "additionalProperties are now allowed",
          oAt,
          nAt);
    } else if (now == Extra.SCHEMA) {
      p.add(
          SchemaRule.ADDITIONAL_PROPERTIES_RESTRICTED,
          "additionalProperties are now restricted to a schema",
          oAt,
          nAt);
    } else {
      p.add(
          SchemaRule.ADDITIONAL_PROPERTIES_UNRESTRICTED,
          "additionalProperties are no longer restricted to a schema",
          oAt,
          nAt);
    }
  }

  private static void dependentRequired(SchemaPair p) {
    Node nd = p.n.first("dependentRequired").orElse(null);
    if (nd == null || !nd.isObject()) {
      return;
    }
    Node od = p.o.first("dependentRequired").orElse(null);
    for (var it = nd.json().fieldNames(); it.hasNext(); ) {
      String property = it.next();
      Set<String> before = new HashSet<>();
      if (od != null) {
        od.get(property).json().forEach(v -> before.add(v.asText()));
      }
      Node now = nd.get(property);
      for (int i = 0; i < now.json().size(); i++) {
        String name = now.json().get(i).asText();
        if (!before.contains(name)) {
          p.add(
              SchemaRule.DEPENDENT_REQUIRED_ADDED,
              "'" + name + "' is now required when '" + property + "' is present",
              od != null ? od : p.o.node,
              now.get(i));
        }
      }
    }
  }
}
