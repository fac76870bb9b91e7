package dev.interlock.core.lint;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.lint.rules.ExamplesMatchSchemas;
import dev.interlock.core.lint.rules.IdempotencyKeyDeclared;
import dev.interlock.core.lint.rules.OperationIds;
import dev.interlock.core.lint.rules.OverlappingOneOf;
import dev.interlock.core.lint.rules.RateLimitDocumented;
import dev.interlock.core.lint.rules.SecuritySchemes;
import dev.interlock.core.lint.rules.VersionDeclared;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Runs the lint rules over contracts and applies per-rule severity overrides (from the manifest's
 * {@code lint.severity}; {@code off} drops a rule's findings).
 */
public final class Linter {

  private final List<LintRule> rules;
  private final Map<String, Optional<Severity>> overrides;

  public Linter(List<LintRule> rules, Map<String, Optional<Severity>> overrides) {
    this.rules = List.copyOf(rules);
    this.overrides = Map.copyOf(overrides);
  }

  public static Linter withDefaultRules(Map<String, Optional<Severity>> overrides) {
    return new Linter(defaultRules(), overrides);
  }

  public static List<LintRule> defaultRules() {
    return List.of(
        new ExamplesMatchSchemas(),
        new OperationIds.Missing(),
        new OperationIds.Duplicate(),
        new SecuritySchemes.Undefined(),
        new SecuritySchemes.Unused(),
        new RateLimitDocumented.TooManyRequests(),
        new RateLimitDocumented.RetryAfter(),
        new IdempotencyKeyDeclared(),
        new VersionDeclared(),
        new OverlappingOneOf());
  }

  public List<LintRule> rules() {
    return rules;
  }

  public List<Diagnostic> lint(List<? extends Contract> contracts) {
    LintContext context = new LintContext();
    // A component used by several operations is checked once per use; report it once.
    Set<Diagnostic> out = new LinkedHashSet<>();
    for (Contract c : contracts) {
      for (LintRule rule : rules) {
        Optional<Severity> override = overrides.get(rule.id());
        if (override != null && override.isEmpty()) {
          continue; // 'off'
        }
        for (Diagnostic d : rule.check(c, context)) {
          out.add(override == null ? d : d.withSeverity(override.get()));
        }
      }
    }
    return new ArrayList<>(out);
  }
}
