package dev.interlock.core.lint;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import java.util.List;

/**
 * One lint rule: a stable id, a default severity and a check over a loaded contract. Rules report
 * at their default severity; the {@link Linter} applies the manifest's overrides.
 */
public interface LintRule {

  String id();

  Severity defaultSeverity();

  /** One sentence for the README and {@code interlock lint --rules}. */
  String description();

  List<Diagnostic> check(Contract contract, LintContext context);
}
