package dev.interlock.core.lint.rules;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.JsonPointer;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.lint.LintContext;
import dev.interlock.core.lint.LintRule;
import java.util.List;

/** The contract declares its own version ({@code info.version}): diffs and reports cite it. */
public final class VersionDeclared implements LintRule {

  @Override
  public String id() {
    return "lint.info.version-missing";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.ERROR;
  }

  @Override
  public String description() {
    return "the contract declares its version in info.version";
  }

  @Override
  public List<Diagnostic> check(Contract contract, LintContext context) {
    if (!(contract instanceof OpenApiContract) && !(contract instanceof AsyncApiContract)) {
      return List.of();
    }
    if (!contract.source().root().path("info").path("version").asText("").isBlank()) {
      return List.of();
    }
    return List.of(
        Diagnostic.error(id(), "the contract does not declare its version")
            .at(contract.source().locate(JsonPointer.of("info")))
            .expected("info.version, e.g. '2024-06-01' or '1.2.0'")
            .build());
  }
}
