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

/**
 * An API that declares {@code x-rate-limit} must tell clients how it refuses: a 429 response on
 * every operation, carrying {@code Retry-After}, so generated adapters know how long to wait.
 */
public final class RateLimitDocumented {

  private RateLimitDocumented() {}

  private static boolean declaresRateLimit(OpenApiContract c) {
    return c.source().root().has("x-rate-limit");
  }

  public static final class TooManyRequests implements LintRule {
    @Override
    public String id() {
      return "lint.rate-limit.429-missing";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.WARNING;
    }

    @Override
    public String description() {
      return "an API that declares x-rate-limit documents a 429 response on every operation";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c) || !declaresRateLimit(c)) {
        return out;
      }
      for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(c.source())) {
        if (op.node().path("responses").path("429").isMissingNode()) {
          out.add(
              Diagnostic.warning(
                      id(), op.method().toUpperCase() + " " + op.path() + " does not document 429")
                  .at(c.source().locate(op.pointer().append("responses")))
                  .expected("a '429' response with a Retry-After header")
                  .hint("the API declares x-rate-limit at " + location(c))
                  .build());
        }
      }
      return out;
    }
  }

  public static final class RetryAfter implements LintRule {
    @Override
    public String id() {
      return "lint.rate-limit.retry-after-missing";
    }

    @Override
    public Severity defaultSeverity() {
      return Severity.WARNING;
    }

    @Override
    public String description() {
      return "every 429 response declares a Retry-After header";
    }

    @Override
    public List<Diagnostic> check(Contract contract, LintContext context) {
      List<Diagnostic> out = new ArrayList<>();
      if (!(contract instanceof OpenApiContract c)) {
        return out;
      }
      SourceDocument doc = c.source();
      for (OpenApiWalk.RawOperation op : OpenApiWalk.operations(doc)) {
        JsonPointer at = op.pointer().append("responses").append("429");
        if (doc.at(at).isMissingNode()) {
          continue;
        }
        JsonPointer response = doc.deref(at);
        JsonNode headers = doc.at(response.append("headers"));
        if (!hasHeader(headers, "Retry-After")) {
          out.add(
              Diagnostic.warning(
                      id(),
                      "429 response of "
                          + op.method().toUpperCase()
                          + " "
                          + op.path()
                          + " has no Retry-After header")
                  .at(doc.locate(response))
                  .expected("headers: { Retry-After: ... }")
                  .hint("without it clients guess how long to back off, and guess too short")
                  .build());
        }
      }
      return out;
    }
  }

  private static String location(OpenApiContract c) {
    var at = c.source().locate(JsonPointer.of("x-rate-limit"));
    return "line " + at.line();
  }

  static boolean hasHeader(JsonNode headers, String name) {
    for (Iterator<String> it = headers.fieldNames(); it.hasNext(); ) {
      if (it.next().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }
}
