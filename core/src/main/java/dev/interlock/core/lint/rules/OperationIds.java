package dev.interlock.core.lint.rules;

import dev.interlock.core.Diagnostic;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.lint.LintContext;
import dev.interlock.core.lint.LintRule;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Operation ids name generated client methods and checks: every operation has a unique one. */
public final class OperationIds {

  private OperationIds() {}

  public static final class Missing implements LintRule {
    @Override
    public String id() {
      return "lint.operation.id-missing";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.WARNING;
    }

    @Override
    public String description() {
      return "every operation has an operationId (it names the generated client method)";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c)) {
        return out;
      }
      for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(c.source())) {
        if (op.node().path("operationId").asText("").isBlank()) {
          out.add(
              Diagnostic.warning(
                      id(), op.method().toUpperCase() + " " + op.path() + " has no operationId")
                  .at(c.source().locate(op.pointer()))
                  .hint("add 'operationId: <verbNoun>' so clients and reports can name it")
                  .build());
        }
      }
      return out;
    }
  }

  public static final class Duplicate implements LintRule {
    @Override
    public String id() {
      return "lint.operation.id-duplicate";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.ERROR;
    }

    @Override
    public String description() {
      return "operationIds are unique within a contract";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c)) {
        return out;
      }
      Map<String, OpenApiWalk.RawOperation> seen = new HashMap<>();
      for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(c.source())) {
        String id = op.node().path("operationId").asText("");
        if (id.isBlank()) {
          continue;
        }
        OpenApiWalk.RawOperation first = seen.putIfAbsent(id, op);
        if (first != null) {
          var firstAt = c.source().locate(first.pointer().append("operationId"));
          out.add(
              Diagnostic.error(id(), "operationId '" + id + "' is used twice")
                  .at(c.source().locate(op.pointer().append("operationId")))
                  .hint(
                      "first used by "
                          + first.method().toUpperCase()
                          + " "
                          + first.path()
                          + " at line "
                          + firstAt.line())
                  .build());
        }
      }
      return out;
    }
  }
}
