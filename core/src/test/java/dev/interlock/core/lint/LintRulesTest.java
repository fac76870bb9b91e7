package dev.interlock.core.lint;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.ContractLoader;
import dev.interlock.core.Diagnostic;
import dev.interlock.core.Fixtures;
import dev.interlock.core.LoadOptions;
import dev.interlock.core.Severity;
import dev.interlock.core.contract.Contract;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LintRulesTest {

  private final Path dir = Fixtures.resource("lint");
  private final Contract bad =
      new ContractLoader(LoadOptions.forRoot(dir))
          .load(dir.resolve("bad-lint.yaml"))
          .contract()
          .orElseThrow();

  private List<Diagnostic> lint(Map<String, Optional<Severity>> overrides) {
    return Linter.withDefaultRules(overrides).lint(List.of(bad));
  }

  private List<Diagnostic> findings(String rule) {
    return lint(Map.of()).stream().filter(d -> d.code().equals(rule)).toList();
  }

  @Test
  void exampleThatViolatesItsSchemaIsAnErrorAtTheOffendingField() {
    assertThat(findings("lint.example.invalid"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d.severity()).isEqualTo(Severity.ERROR);
              assertThat(d.location().pointer().toString()).endsWith("/example/amount");
              assertThat(d.location().line()).isEqualTo(24);
            });
  }

  @Test
  void operationWithoutOperationIdIsReported() {
    assertThat(findings("lint.operation.id-missing"))
        .extracting(Diagnostic::message)
        .containsExactly("POST /charges has no operationId");
  }

  @Test
  void duplicateOperationIdIsReportedOnTheSecondUse() {
    assertThat(findings("lint.operation.id-duplicate"))
        .singleElement()
        .satisfies(d -> assertThat(d.location().line()).isEqualTo(33));
  }

  @Test
  void securityRequirementOfAnUndefinedSchemeIsAnError() {
    assertThat(findings("lint.security.scheme-undefined"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'ghost'"));
  }

  @Test
  void definedButUnusedSchemeIsAWarning() {
    assertThat(findings("lint.security.scheme-unused"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("'apiKey'"));
  }

  @Test
  void rateLimitedApiMustDocument429OnEveryOperation() {
    assertThat(findings("lint.rate-limit.429-missing"))
        .extracting(Diagnostic::message)
        .containsExactlyInAnyOrder(
            "GET /refunds does not document 429", "DELETE /refunds does not document 429");
  }

  @Test
  void a429WithoutRetryAfterIsReported() {
    assertThat(findings("lint.rate-limit.retry-after-missing"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).contains("POST /charges"));
  }

  @Test
  void retryablePostWithoutIdempotencyKeyIsReported() {
    assertThat(findings("lint.idempotency.key-missing"))
        .singleElement()
        .satisfies(d -> assertThat(d.message()).startsWith("POST /charges"));
  }

  @Test
  void missingContractVersionIsAnError() {
    assertThat(findings("lint.info.version-missing"))
        .singleElement()
        .satisfies(d -> assertThat(d.location().line()).isEqualTo(2));
  }

  @Test
  void manifestOverridesChangeSeverityOrSilenceARule() {
    List<Diagnostic> out =
        lint(
            Map.of(
                "lint.example.invalid",
                Optional.of(Severity.WARNING),
                "lint.operation.id-missing",
                Optional.empty()));

    assertThat(out)
        .filteredOn(d -> d.code().equals("lint.example.invalid"))
        .allMatch(d -> d.severity() == Severity.WARNING);
    assertThat(out).noneMatch(d -> d.code().equals("lint.operation.id-missing"));
  }

  @Test
  void theBundledContractsLintClean() {
    Path contracts = Fixtures.bundledContracts();
    var set = new ContractLoader(LoadOptions.forRoot(contracts)).loadAll(List.of(contracts));

    assertThat(set.diagnostics()).isEmpty();
    assertThat(set.manifest()).isPresent();
    assertThat(set.openApi()).hasSize(6);
    assertThat(set.asyncApi()).hasSize(2);
    assertThat(set.pacts()).hasSize(4);
    assertThat(Linter.withDefaultRules(set.manifest().get().lintSeverity()).lint(set.contracts()))
        .isEmpty();
  }
}
