package dev.interlock.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.contract.OpenApiContract;
import dev.interlock.core.contract.PactContract;
import dev.interlock.core.run.CheckResult;
import dev.interlock.core.run.Outcome;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** One interaction of the fixture pact per mismatch; each names its code and both locations. */
class MismatchCodesTest {

  private static CompatReport report;

  @BeforeAll
  static void check() {
    PactContract pact = Contracts.load(Contracts.fixtures(), "pact/v3/fixture-charges.json");
    OpenApiContract spec = Contracts.load(Contracts.fixtures(), "openapi/3.0/charges.yaml");
    report = PactSpecCompatibility.check(pact, spec);
  }

  private static List<Mismatch> of(int interaction) {
    return report.mismatches().stream()
        .filter(m -> m.interaction().index() == interaction)
        .toList();
  }

  private static List<String> codes(int interaction) {
    return of(interaction).stream().map(Mismatch::code).toList();
  }

  @Test
  void aPactExpectingAFieldTheSpecLacksFailsWithUnknownField() {
    Mismatch m = of(0).get(0);
    assertThat(m.code()).isEqualTo(MismatchCodes.RESPONSE_BODY_UNKNOWN_FIELD);
    assertThat(m.payloadPointer()).hasToString("#/fee");
    assertThat(m.pactLocation().pointer()).hasToString("#/interactions/0/response/body/fee");
    assertThat(m.pactLocation().line()).isPositive();
    assertThat(m.specLocation().pointer()).hasToString("#/components/schemas/Charge");
    assertThat(m.specLocation().line()).isEqualTo(43);
    assertThat(codes(0)).containsExactly(MismatchCodes.RESPONSE_BODY_UNKNOWN_FIELD);
  }

  @Test
  void anUnknownPathAndAnUnknownMethodAreFound() {
    assertThat(codes(1)).containsExactly(MismatchCodes.PATH_UNKNOWN);
    assertThat(codes(2)).containsExactly(MismatchCodes.METHOD_NOT_ALLOWED);
    assertThat(of(2).get(0).specLocation().pointer())
        .hasToString("#/paths/~1v1~1charges~1{chargeId}");
  }

  @Test
  void missingCredentialsRequiredHeadersAndBadQueryValuesAreFound() {
    assertThat(codes(3))
        .contains(
            MismatchCodes.SECURITY_MISSING,
            MismatchCodes.REQUEST_HEADER_REQUIRED_MISSING,
            MismatchCodes.QUERY_INVALID);
  }

  @Test
  void unsupportedContentTypesAndInvalidRequestBodiesAreFound() {
    assertThat(codes(4)).contains(MismatchCodes.REQUEST_CONTENT_TYPE_UNSUPPORTED);
    Mismatch body = of(5).get(0);
    assertThat(body.code()).isEqualTo(MismatchCodes.REQUEST_BODY_INVALID);
    assertThat(body.payloadPointer()).hasToString("#/amount");
  }

  @Test
  void anUndeclaredStatusIsFound() {
    assertThat(codes(6)).containsExactly(MismatchCodes.STATUS_UNKNOWN);
  }

  @Test
  void aTypeMatcherMakesAnEnumValueIrrelevantButAWrongTypeIsNot() {
    assertThat(codes(7)).isEmpty();
    assertThat(codes(8)).containsExactly(MismatchCodes.RESPONSE_BODY_INVALID);
  }

  @Test
  void interactionsWithTheSameDescriptionStaySeparate() {
    List<CheckResult> results = report.toCheckResults();
    assertThat(results).hasSize(report.entries().size());
    assertThat(results.stream().filter(r -> r.subject().contains("get a charge (#0)")))
        .allMatch(r -> r.checkId().equals("pact.request-matches-spec") || r.failed());
    assertThat(results.stream().filter(r -> r.subject().contains("get a charge (#9)")))
        .hasSize(2)
        .allMatch(r -> r.outcome() == Outcome.PASSED);
  }

  @Test
  void rendersCompilerStyleAndJson() {
    String text = CompatRenderer.relativeToWorkingDirectory().text(report);
    assertThat(text)
        .contains("fixture-charges.json:")
        .contains(": error: 'get a charge' (#0): body #/fee: the contract does not declare 'fee'")
        .contains("[pact.response.body.unknown-field]")
        .contains("    spec: ")
        .contains("charges.yaml:43:5 #/components/schemas/Charge");
    String json = CompatRenderer.relativeToWorkingDirectory().json(List.of(report));
    assertThat(json)
        .contains("\"code\" : \"pact.response.body.unknown-field\"", "\"compatible\" : false");
  }
}
