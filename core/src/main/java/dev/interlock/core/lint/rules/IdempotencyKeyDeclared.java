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
import java.util.List;
import java.util.Set;

/**
 * A non-idempotent operation (POST, PATCH) that the contract lets clients retry ({@code x-retry} on
 * the API or the operation) must declare an idempotency key header, or a retried request after a
 * lost response creates a second charge.
 */
public final class IdempotencyKeyDeclared implements LintRule {

  private static final Set<String> NON_IDEMPOTENT = Set.of("post", "patch");

  @Override
  public String id() {
    return "lint.idempotency.key-missing";
  }

  @Override
  public Severity defaultSeverity() {
    return Severity.WARNING;
  }

  @Override
  public String description() {
    return "a retryable POST/PATCH declares an idempotency key header (x-idempotency or Idempotency-Key)";
  }

  @Override
  public List<Diagnostic> check(Contract contract, LintContext context) {
    List<Diagnostic> out = new ArrayList<>();
    if (!(contract instanceof OpenApiContract c)) {
      return out;
    }
    SourceDocument doc = c.source();
    boolean apiRetries = doc.root().has("x-retry");
    for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(doc)) {
      if (!NON_IDEMPOTENT.contains(op.method())) {
        continue;
      }
      // 'x-idempotent: true' marks a POST that is safe to repeat (an OAuth token request).
      if (op.node().path("x-idempotent").asBoolean(false)) {
        continue;
      }
      boolean retries = apiRetries || op.node().has("x-retry");
      if (!retries || op.node().path("x-retry").path("maxAttempts").asInt(2) <= 1) {
        continue;
      }
      String header =
          op.node()
              .path("x-idempotency")
              .path("header")
              .asText(doc.root().path("x-idempotency").path("header").asText("Idempotency-Key"));
      if (!declaresHeader(doc, op, header)) {
        out.add(
            Diagnostic.warning(
                    id(),
                    op.method().toUpperCase()
                        + " "
                        + op.path()
                        + " may be retried but declares no idempotency key")
                .at(doc.locate(op.pointer()))
                .expected(
                    "a header parameter '" + header + "' (and x-idempotency on the operation)")
                .hint("a retry after a lost response would repeat the side effect")
                .build());
      }
    }
    return out;
  }

  private static boolean declaresHeader(
      SourceDocument doc, OpenApiWalk.RawOperation op, String header) {
    for (JsonPointer p : OpenApiWalk.parameters(doc, op)) {
      JsonNode param = doc.at(p);
      if ("header".equals(param.path("in").asText())
          && header.equalsIgnoreCase(param.path("name").asText())) {
        return true;
      }
    }
    return false;
  }
}
