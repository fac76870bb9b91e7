package dev.interlock.core.lint.rules;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.document.SourceDocument;
import dev.interlock.core.lint.LintContext;
import dev.interlock.core.lint.LintRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Security requirements name defined schemes, and every defined scheme is required somewhere. */
public final class SecuritySchemes {

  private SecuritySchemes() {}

  /** Every security requirement (root and per operation) with its pointer. */
  private static Map<JsonPointer, String> requirements(SourceDocument doc) {
    Map<JsonPointer, String> out = new LinkedHashMap<>();
    collect(doc, JsonPointer.of("security"), out);
    for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(doc)) {
      collect(doc, op.pointer().append("security"), out);
    }
    return out;
  }

  private static void collect(
      SourceDocument doc, JsonPointer security, Map<JsonPointer, String> out) {
    JsonNode list = doc.at(security);
    for (int i = 0; i < list.size(); i++) {
      for (Iterator<String> it = list.get(i).fieldNames(); it.hasNext(); ) {
        String name = it.next();
        out.put(security.append(i).append(name), name);
      }
    }
  }

  private static Set<String> defined(SourceDocument doc) {
    Set<String> names = new HashSet<>();
    doc.root().path("components").path("securitySchemes").fieldNames().forEachRemaining(names::add);
    return names;
  }

  public static final class Undefined implements LintRule {
    @Override
    public String id() {
      return "lint.security.scheme-undefined";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.ERROR;
    }

    @Override
    public String description() {
      return "every security requirement names a scheme under components.securitySchemes";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c)) {
        return out;
      }
      Set<String> defined = defined(c.source());
      requirements(c.source())
          .forEach(
              (at, name) -> {
                if (!defined.contains(name)) {
                  out.add(
                      Diagnostic.error(
                              id(), "security requirement names undefined scheme '" + name + "'")
                          .at(c.source().locate(at))
                          .expected("one of " + (defined.isEmpty() ? "(none defined)" : defined))
                          .build());
                }
              });
      return out;
    }
  }

  public static final class Unused implements LintRule {
    @Override
    public String id() {
      return "lint.security.scheme-unused";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.WARNING;
    }

    @Override
    public String description() {
      return "every defined security scheme is required by the API or an operation";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c)) {
        return out;
      }
      Set<String> used = new HashSet<>(requirements(c.source()).values());
      for (String name : defined(c.source())) {
        if (!used.contains(name)) {
          out.add(
              Diagnostic.warning(id(), "security scheme '" + name + "' is never required")
                  .at(c.source().locate(JsonPointer.of("components", "securitySchemes", name)))
                  .hint("require it under 'security', or remove it")
                  .build());
        }
      }
      return out;
    }
  }
}
