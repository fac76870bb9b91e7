package dev.interlock.verifiers.checks;

import dev.interlock.compat.CompatReport;
import dev.interlock.compat.MessageCompatibility;
import dev.interlock.compat.PactSpecCompatibility;
import dev.interlock.compat.Side;
import dev.interlock.core.contract.AsyncApiContract;
import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.contract.PactInteraction;
import dev.interlock.core.run.CheckResult;
import dev.interlock.verifiers.Check;
import dev.interlock.verifiers.CheckCase;
import dev.interlock.verifiers.Results;
import dev.interlock.verifiers.VerificationContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The pact ↔ contract checks: {@code pact.request-matches-spec}, {@code pact.response-matches-spec}
 * and {@code message.matches-asyncapi}. One case per interaction and side; the comparison of a pact
 * runs once, when its first case executes.
 */
public final class CompatChecks implements Check {

  private final Side side;

  private CompatChecks(Side side) {
    this.side = side;
  }

  public static List<Check> all() {
    return List.of(
        new CompatChecks(Side.REQUEST),
        new CompatChecks(Side.RESPONSE),
        new CompatChecks(Side.MESSAGE));
  }

  @Override
  public String id() {
    return side.checkId();
  }

  @Override
  public String description() {
    return switch (side) {
      case REQUEST ->
          "every HTTP interaction's request is allowed by the provider's OpenAPI contract (path, method, query, headers, security, body; Pact matchers honoured)";
      case RESPONSE ->
          "every expected response is one the contract can produce for that status (body, headers, content type; no field the provider never promised)";
      case MESSAGE ->
          "every message pact is a valid message of the matching AsyncAPI channel (payload, headers, content type)";
    };
  }

  @Override
  public List<CheckCase> plan(VerificationContext context) {
    List<CheckCase> cases = new ArrayList<>();
    for (PactContract pact : context.contracts().pacts()) {
      List<? extends PactInteraction> interactions =
          side == Side.MESSAGE ? pact.messageInteractions() : pact.httpInteractions();
      for (PactInteraction interaction : interactions) {
        String name = Pairing.caseName(pact, interaction);
        cases.add(new CheckCase(id(), name, () -> result(context, pact, interaction, name)));
      }
    }
    return cases;
  }

  private CheckResult result(
      VerificationContext context, PactContract pact, PactInteraction interaction, String name) {
    Optional<CompatReport> report = report(context, pact);
    if (report.isEmpty()) {
      return Results.of(id(), name)
          .vendor(pact.provider())
          .skipped(
              "no "
                  + (side == Side.MESSAGE ? "AsyncAPI" : "OpenAPI")
                  + " contract found for provider '"
                  + pact.provider()
                  + "'");
    }
    List<CheckResult> all = report.get().toCheckResults();
    for (int i = 0; i < report.get().entries().size(); i++) {
      CompatReport.Entry e = report.get().entries().get(i);
      if (e.side() == side && e.interaction().pointer().equals(interaction.pointer())) {
        return withFacts(all.get(i), context, pact, report.get());
      }
    }
    return Results.of(id(), name)
        .vendor(pact.provider())
        .skipped("the comparison produced no result for this interaction");
  }

  private Optional<CompatReport> report(VerificationContext context, PactContract pact) {
    String key = "compat:" + (side == Side.MESSAGE ? "message:" : "http:") + pact.file();
    return context.shared(
        key,
        () -> {
          if (side == Side.MESSAGE) {
            return Pairing.asyncApiFor(context, pact).map(a -> MessageCompatibility.check(pact, a));
          }
          return Pairing.specFor(context, pact)
              .map(spec -> PactSpecCompatibility.check(pact, spec));
        });
  }

  /**
   * Coverage and reports group results by the contract version they were checked against, and name
   * the consumer whose pact it is.
   */
  private static CheckResult withFacts(
      CheckResult r, VerificationContext context, PactContract pact, CompatReport report) {
    String version =
        context.contracts().openApi().stream()
            .filter(c -> Pairing.same(c.file(), report.spec()))
            .map(OpenApiContract::apiVersion)
            .findFirst()
            .or(
                () ->
                    context.contracts().asyncApi().stream()
                        .filter(a -> Pairing.same(a.file(), report.spec()))
                        .map(AsyncApiContract::apiVersion)
                        .findFirst())
            .orElse("");
    return r.withFacts(r.facts().withVersion(version).withConsumer(pact.consumer()));
  }
}
