package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.PactContract;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConsumerImpactTest {

  private static final String OLD =
      """
      openapi: 3.0.3
      info: {title: Payments, version: '1'}
      paths:
        /v1/charges/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema:
                      type: object
                      required: [amount, source, note]
                      properties:
                        amount: {type: integer}
                        source: {type: string}
                        note: {type: string}
        /v1/refunds:
          post:
            responses:
              '201': {description: created}
      """;

  private static final String NEW =
      OLD.replace("[amount, source, note]", "[amount]")
          .replace("            source: {type: string}\n", "")
          .replace("            note: {type: string}\n", "")
          .replace(
              "  /v1/refunds:\n    post:\n      responses:\n        '201': {description: created}\n",
              "");

  private static final String PACT =
      """
      {
        "consumer": {"name": "order-sync"},
        "provider": {"name": "payments"},
        "interactions": [
          {
            "description": "a request for charge ch_1",
            "request": {"method": "GET", "path": "/v1/charges/ch_1"},
            "response": {"status": 200, "headers": {"Content-Type": "application/json"},
                         "body": {"amount": 5980, "source": "tok_visa"}}
          }
        ],
        "metadata": {"pactSpecification": {"version": "3.0.0"}}
      }
      """;

  @Test
  void namesTheInteractionsABreakingChangeBreaksAndShipsTheRest(@TempDir Path dir) {
    assertThat(NEW).doesNotContain("source:").doesNotContain("/v1/refunds");
    DiffReport report = Specs.diffOpenApi(dir, OLD, NEW);
    Path pactFile = Specs.write(dir, "order-sync-payments.json", PACT);
    PactContract pact = (PactContract) Specs.loader(dir).load(pactFile).contract().orElseThrow();

    ConsumerImpact impact = ConsumerImpact.of(report.changes(), List.of(pact), null);

    assertThat(impact.blocking())
        .extracting(e -> e.change().ruleId() + " " + e.change().fieldPath().orElse(""))
        .containsExactly("openapi.response.property.required-removed $.source");
    ConsumerImpact.Entry source = impact.blocking().get(0);
    assertThat(source.breaks())
        .extracting(ConsumerImpact.Interaction::consumer, ConsumerImpact.Interaction::description)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("order-sync", "a request for charge ch_1"));
    assertThat(impact.safeToShip())
        .extracting(e -> e.change().ruleId() + " " + e.change().fieldPath().orElse(""))
        .containsExactlyInAnyOrder(
            "openapi.response.property.required-removed $.note", "openapi.operation.removed ");
    assertThat(impact.brokenConsumers()).containsExactly("order-sync");

    String text = new DiffRenderer(dir).text(report, impact);
    assertThat(text)
        .contains("    breaks: order-sync \"a request for charge ch_1\" (order-sync-payments.json:")
        .contains("    safe to ship (no known consumer)\n");
  }
}
