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
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * A {@code oneOf} two of whose branches can be told to overlap without any payload: two open
 * objects (no {@code required}, no {@code additionalProperties: false}, nothing else that could
 * refuse an object: the empty object {@code {}} matches both) or two identical branches. Read to
 * the letter, such a {@code oneOf} refuses every value its overlapping branches accept; the sandbox
 * accepts those requests with a warning, and clients generated from the contract may not cope.
 */
public final class OverlappingOneOf implements LintRule {

  public static final String ID = "lint.schema.oneof-overlap";

  /** Keywords that cannot refuse an object: a branch made of nothing else accepts every object. */
  private static final Set<String> OPEN_OBJECT_KEYWORDS =
      Set.of(
          "type",
          "properties",
          "title",
          "description",
          "example",
          "examples",
          "default",
          "nullable",
          "deprecated",
          "readOnly",
          "writeOnly",
          "externalDocs",
          "xml",
          "format");

  /** Members whose values are data, not schemas: a {@code oneOf} in an example is no schema. */
  private static final Set<String> DATA_MEMBERS =
      Set.of("example", "examples", "default", "enum", "const");

  @Override
  public String id() {
    return ID;
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "no two branches of a oneOf accept the same values (two open objects, or identical"
        + " branches)";
  }

  @Override
  public List<Diagnostic> check(Contract contract, LintContext context) {
    List<Diagnostic> out = new ArrayList<>();
    if (contract instanceof OpenApiContract c && !c.convertedFromSwagger2()) {
      walk(c.source(), c.source().root(), JsonPointer.ROOT, out);
    }
    return out;
  }

  private void walk(SourceDocument doc, JsonNode node, JsonPointer at, List<Diagnostic> out) {
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        walk(doc, node.get(i), at.append(i), out);
      }
      return;
    }
    if (!node.isObject()) {
      return;
    }
    JsonNode oneOf = node.get("oneOf");
    if (oneOf != null && oneOf.isArray()) {
      overlap(doc, oneOf, at.append("oneOf")).ifPresent(out::add);
    }
    // under 'properties' every name is a member's, even 'example'
    boolean schemas = !at.isRoot() && at.lastToken().equals("properties");
    for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
      String name = it.next();
      if (schemas || !DATA_MEMBERS.contains(name) && !name.startsWith("x-")) {
        walk(doc, node.get(name), at.append(name), out);
      }
    }
  }

  /** The first pair of branches found to overlap, reported at the {@code oneOf}. */
  private Optional<Diagnostic> overlap(SourceDocument doc, JsonNode oneOf, JsonPointer at) {
    List<JsonNode> branches = new ArrayList<>();
    for (int i = 0; i < oneOf.size(); i++) {
      branches.add(doc.at(doc.deref(at.append(i))));
    }
    for (int i = 0; i < branches.size(); i++) {
      for (int j = i + 1; j < branches.size(); j++) {
        String why = why(branches.get(i), branches.get(j));
        if (why != null) {
          return Optional.of(
              Diagnostic.warning(
                      ID,
                      "branches "
                          + i
                          + " and "
                          + j
                          + " of this oneOf "
                          + why
                          + ": no value they accept matches exactly one branch")
                  .at(doc.locate(at))
                  .hint(
                      "tell the branches apart: 'required' members each branch alone has, or"
                          + " 'additionalProperties: false'; or say anyOf if any may match")
                  .build());
        }
      }
    }
    return Optional.empty();
  }

  private static String why(JsonNode a, JsonNode b) {
    if (a.isMissingNode() || b.isMissingNode() || a.has("$ref") || b.has("$ref")) {
      return null; // a reference into another file: nothing can be told statically
    }
    if (a.equals(b)) {
      return "are identical";
    }
    if (openObject(a) && openObject(b)) {
      return "both accept every object (neither requires a member nor forbids others: {} matches"
          + " both)";
    }
    return null;
  }

  private static boolean openObject(JsonNode schema) {
    if (!schema.isObject()) {
      return false;
    }
    JsonNode type = schema.get("type");
    boolean object =
        type == null
            ? schema.has("properties")
            : type.isTextual() && type.asText().equals("object");
    if (!object) {
      return false;
    }
    for (Iterator<String> it = schema.fieldNames(); it.hasNext(); ) {
      String keyword = it.next();
      if (!OPEN_OBJECT_KEYWORDS.contains(keyword) && !keyword.startsWith("x-")) {
        return false;
      }
    }
    return true;
  }
}
