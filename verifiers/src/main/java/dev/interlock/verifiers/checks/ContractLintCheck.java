package dev.interlock.verifiers.checks;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.lint.Linter;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** {@code contract.lint}: every contract loads cleanly and passes the lint rules. */
public final class ContractLintCheck implements Check {

  public static final String ID = "contract.lint";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "every contract loads safely and passes the lint rules (examples valid, operationIds, security, rate limits, idempotency, versions)";
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    Map<Path, List<Diagnostic>> byFile = new LinkedHashMap<>();
    Map<Path, Contract> contracts = new LinkedHashMap<>();
    for (Contract c : context.contracts().contracts()) {
      Path file = c.file().toAbsolutePath().normalize();
      contracts.put(file, c);
      byFile.computeIfAbsent(file, f -> new ArrayList<>());
    }
    for (Diagnostic d : context.contracts().diagnostics()) {
      byFile
          .computeIfAbsent(d.location().file().toAbsolutePath().normalize(), f -> new ArrayList<>())
          .add(d);
    }
    Map<String, Optional<Severity>> overrides =
        context.manifest().map(m -> m.lintSeverity()).orElse(Map.of());
    List<CheckCase> cases = new ArrayList<>();
    for (Map.Entry<Path, List<Diagnostic>> e : byFile.entrySet()) {
      String name = context.relative(e.getKey());
      Contract contract = contracts.get(e.getKey());
      cases.add(
          new CheckCase(
              ID,
              name,
              () -> {
                List<Diagnostic> findings = new ArrayList<>(e.getValue());
                if (contract != null) {
                  findings.addAll(Linter.withDefaultRules(overrides).lint(List.of(contract)));
                }
                long errors = findings.stream().filter(Diagnostic::isError).count();
                long warnings =
                    findings.stream().filter(d -> d.severity() == Severity.WARNING).count();
                Results r =
                    Results.of(ID, name)
                        .vendor(contract == null ? "" : context.vendorOf(contract))
                        .findings(findings)
                        .label("contract", name);
                if (errors > 0) {
                  return r.failed(errors + " lint error(s), " + warnings + " warning(s)");
                }
                if (warnings > 0) {
                  return r.severity(Severity.WARNING).failed(warnings + " lint warning(s)");
                }
                return r.passed(
                    contract == null ? "no findings" : "loads cleanly; every lint rule passes");
              }));
    }
    return cases;
  }
}
