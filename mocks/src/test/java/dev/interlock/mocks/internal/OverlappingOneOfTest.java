package dev.interlock.mocks.internal;

import static dev.interlock.mocks.internal.Steps.call;
import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.mocks.JournalEntry;
import dev.interlock.mocks.SandboxOptions;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A {@code oneOf} whose branches overlap (both open objects, as vendors write them) makes every
 * body match more than one branch: such a body is accepted with a warning, not refused; a body that
 * matches no branch still is.
 */
class OverlappingOneOfTest {

  static final ContractVersion OVERLAP = Steps.version("openapi/3.0/overlapping-oneof.yaml");
  static final String JSON = "application/json";
  static final String SUBSCRIPTION_ONE_OF =
      "#/paths/~1v1~1subscriptions/post/requestBody/content/application~1json/schema/oneOf";
  static final String TARGET_ONE_OF = "#/components/schemas/Target/oneOf";

  final RequestValidation validation =
      new RequestValidation(new RequestBodyReader(), Steps.problems());

  private static Exchange post(String path, String body, String contentType) {
    return Steps.exchange(OVERLAP, call("POST", path, body, "Content-Type", contentType), "k");
  }

  @Test
  void aBodyEveryOverlappingBranchMatchesIsAcceptedWithAWarningNamingTheOneOfAndItsBranches() {
    RequestValidation.Verdict verdict =
        validation.check(post("/v1/subscriptions", "{\"channel\":\"my:channel\"}", JSON));

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.pointer()).isEqualTo("/body");
              assertThat(w.code()).isEqualTo(OneOfTolerance.OVERLAP);
              assertThat(w.contractPointer()).isEqualTo(SUBSCRIPTION_ONE_OF);
              assertThat(w.matchedBranches())
                  .containsExactly(SUBSCRIPTION_ONE_OF + "/0", SUBSCRIPTION_ONE_OF + "/1");
              assertThat(w.message()).contains(SUBSCRIPTION_ONE_OF);
            });
  }

  @Test
  void aBodyNoBranchMatchesIsStillRefusedWith400() {
    RequestValidation.Verdict verdict =
        validation.check(post("/v1/subscriptions", "{\"channel\":5}", JSON));

    assertThat(verdict.refusal()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
    assertThat(verdict.refusal().get().violations())
        .extracting(Violation::pointer, Violation::code)
        .contains(
            org.assertj.core.groups.Tuple.tuple("/body", "validation.request.body.schema.oneOf"));
    assertThat(verdict.warnings()).isEmpty();
  }

  @Test
  void aFormBodyEveryOverlappingBranchMatchesIsAcceptedToo() {
    RequestValidation.Verdict verdict =
        validation.check(
            post(
                "/v1/subscriptions",
                "channel=my:channel&clientId=c-1",
                "application/x-www-form-urlencoded"));

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.warnings()).extracting(Warning::pointer).containsExactly("/body");
  }

  @Test
  void anOverlapBehindReferencesIsLocatedAtItsMemberAndItsOneOfInTheComponents() {
    RequestValidation.Verdict verdict =
        validation.check(post("/v1/routes", "{\"name\":\"r\",\"target\":{}}", JSON));

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.pointer()).isEqualTo("/body/target");
              assertThat(w.contractPointer()).isEqualTo(TARGET_ONE_OF);
              assertThat(w.matchedBranches())
                  .containsExactly(TARGET_ONE_OF + "/0", TARGET_ONE_OF + "/1");
            });
  }

  @Test
  void anOverlapDoesNotHideTheBodysOtherViolationsNorBecomeOneItself() {
    RequestValidation.Verdict verdict =
        validation.check(post("/v1/routes", "{\"name\":\"\",\"target\":{}}", JSON));

    assertThat(verdict.refusal()).isPresent();
    assertThat(verdict.refusal().get().violations())
        .extracting(Violation::pointer)
        .containsExactly("/body/name");
    assertThat(verdict.warnings()).extracting(Warning::pointer).containsExactly("/body/target");
  }

  @Test
  void anOverlapInsideABranchOfAnotherOneOfDoesNotFailThatBranch() {
    RequestValidation.Verdict verdict =
        validation.check(post("/v1/links", "{\"target\":{}}", JSON));

    assertThat(verdict.refusal()).isEmpty();
    assertThat(verdict.warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.pointer()).isEqualTo("/body/target");
              assertThat(w.contractPointer()).isEqualTo(TARGET_ONE_OF);
            });
  }

  @Test
  void aBodyNoBranchOfTheOuterOneOfAcceptsIsRefusedEvenWithAnOverlapInside() {
    // the first branch needs 'target', the second 'url': neither is there
    RequestValidation.Verdict verdict = validation.check(post("/v1/links", "{\"other\":{}}", JSON));

    assertThat(verdict.refusal()).hasValueSatisfying(r -> assertThat(r.status()).isEqualTo(400));
  }

  @Test
  void theSandboxAnswersTheAcceptedBodyAndItsJournalEntryCarriesTheWarning() {
    Engine engine = new Engine(List.of(OVERLAP), SandboxOptions.builder().seed(5).build());

    Reply accepted =
        engine.handle(
            call("POST", "/v1/subscriptions", "{\"channel\":\"c\"}", "Content-Type", JSON));
    Reply refused =
        engine.handle(call("POST", "/v1/subscriptions", "{\"channel\":5}", "Content-Type", JSON));

    assertThat(accepted.status()).isEqualTo(201);
    assertThat(refused.status()).isEqualTo(400);
    List<JournalEntry> journal = engine.journal().entries();
    assertThat(journal.get(0).violations()).isEmpty();
    assertThat(journal.get(0).warnings())
        .singleElement()
        .satisfies(
            w -> {
              assertThat(w.contractPointer()).isEqualTo(SUBSCRIPTION_ONE_OF);
              assertThat(w.matchedBranches()).hasSize(2);
            });
    assertThat(journal.get(1).violations()).isNotEmpty();
    assertThat(journal.get(1).warnings()).isEmpty();
    // the admin API shows the warning too
    Reply admin = engine.handle(call("GET", Engine.ADMIN_PREFIX + "/journal", ""));
    assertThat(admin.body()).contains("\"warnings\"", OneOfTolerance.OVERLAP);
  }
}
