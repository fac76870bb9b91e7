package dev.interlock.mocks.internal;

import com.fasterxml.jackson.databind.JsonNode;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.schema.SchemaViolation;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * A request body's schema verdict with one tolerance: a {@code oneOf} that more than one branch
 * matches is no reason to refuse. Vendors write {@code oneOf} where they mean "one of these shapes"
 * and leave the branches open (no {@code required}, no {@code additionalProperties: false}), so
 * every object matches all of them and, read to the letter, no body is valid; the vendor's own
 * server accepts those bodies. The request is accepted and a {@link Warning} names the {@code
 * oneOf} and the branches that matched. A {@code oneOf} that no branch matches is still a
 * violation.
 *
 * <p>Each branch of a failed {@code oneOf} or {@code anyOf} is judged again on its own, with the
 * same tolerance, so an overlap nested inside another combinator's branch does not fail that
 * branch.
 */
final class OneOfTolerance {

  static final String OVERLAP = "validation.request.body.schema.oneOf.overlap";

  /** Nested combinators judged again at most this deep; deeper ones keep the strict verdict. */
  private static final int MAX_DEPTH = 8;

  /**
   * The verdict.
   *
   * @param errors the violations that remain
   * @param warnings one per {@code oneOf} more than one branch matched, located in the request body
   * @param tolerated the body pointers ({@code /body/target}) of the combinators let through
   */
  record Verdict(List<SchemaViolation> errors, List<Warning> warnings, Set<String> tolerated) {}

  private OneOfTolerance() {}

  static Verdict judge(ContractVersion version, JsonPointer schema, JsonNode body) {
    List<Warning> warnings = new ArrayList<>();
    Set<String> tolerated = new LinkedHashSet<>();
    List<SchemaViolation> errors = judge(version, schema, body, "/body", 0, warnings, tolerated);
    // a combinator inside another's branch is reported both on its own and beneath the other
    return new Verdict(errors, warnings.stream().distinct().toList(), Set.copyOf(tolerated));
  }

  private static List<SchemaViolation> judge(
      ContractVersion version,
      JsonPointer schema,
      JsonNode instance,
      String at,
      int depth,
      List<Warning> warnings,
      Set<String> tolerated) {
    List<SchemaViolation> found = version.validate(schema, instance);
    List<SchemaViolation> forgiven = new ArrayList<>();
    for (SchemaViolation v : found) {
      boolean combinator = v.keyword().equals("oneOf") || v.keyword().equals("anyOf");
      if (!combinator || v.schemaPointer() == null || depth >= MAX_DEPTH) {
        continue;
      }
      JsonNode branches = version.tree().at(v.schemaPointer());
      JsonNode part = instance.at(v.instancePointer().value());
      if (branches == null || !branches.isArray() || part.isMissingNode()) {
        continue;
      }
      String where = at + v.instancePointer().value();
      List<String> matched = new ArrayList<>();
      List<Warning> nested = new ArrayList<>();
      Set<String> nestedTolerated = new LinkedHashSet<>();
      for (int i = 0; i < branches.size(); i++) {
        JsonPointer branch = v.schemaPointer().append(i);
        List<Warning> inBranch = new ArrayList<>();
        Set<String> toleratedInBranch = new LinkedHashSet<>();
        if (judge(version, branch, part, where, depth + 1, inBranch, toleratedInBranch).isEmpty()) {
          // only a branch that matched speaks for the request
          matched.add("#" + branch.value());
          nested.addAll(inBranch);
          nestedTolerated.addAll(toleratedInBranch);
        }
      }
      if (matched.isEmpty()) {
        continue; // no branch matched: a real violation
      }
      forgiven.add(v);
      tolerated.add(where);
      tolerated.addAll(nestedTolerated);
      warnings.addAll(nested);
      if (v.keyword().equals("oneOf") && matched.size() > 1) {
        warnings.add(overlap(where, "#" + v.schemaPointer().value(), matched));
      }
    }
    if (forgiven.isEmpty()) {
      return found;
    }
    // what a forgiven combinator's branches reported is forgiven with it
    return found.stream()
        .filter(v -> !forgiven.contains(v) && forgiven.stream().noneMatch(v::liesBeneath))
        .toList();
  }

  private static Warning overlap(String where, String oneOf, List<String> matched) {
    return new Warning(
        where,
        "accepted although "
            + matched.size()
            + " branches of the oneOf at "
            + oneOf
            + " match ("
            + String.join(", ", matched)
            + ") where exactly one should: the contract's branches overlap (neither requires a"
            + " member nor forbids the other's), and the vendor accepts such bodies",
        OVERLAP,
        oneOf,
        matched);
  }
}
