package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.SourceLocation;
import dev.interlock.diff.internal.Rules;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One minimal pair per operation-level rule not covered by {@link StructuralRulesTest} (deprecation
 * policy, parameter flags, media type schemas, headers, security flows, servers), and the webhook
 * twin of every operation rule, made from the same pair with {@code paths} turned into {@code
 * webhooks}. Dates are judged on a fixed day, 2026-06-01.
 */
class OperationRulesTest {

  private static final Clock CLOCK =
      Clock.fixed(Instant.parse("2026-06-01T12:00:00Z"), ZoneOffset.UTC);

  private static final String OA = "openapi: 3.0.3\ninfo: {title: T, version: '2'}\n";
  private static final String OA31 = "openapi: 3.1.0\ninfo: {title: T, version: '2'}\n";
  private static final String OK = "      responses: {'200': {description: ok}}\n";
  private static final String B = "  /b:\n    get:\n" + OK;

  private static String get(String extra) {
    return OA + "paths:\n  /a:\n    get:\n" + extra + OK;
  }

  private static String getMarked(String marker, String extra) {
    return OA + "paths:\n  /a:\n    get: " + marker + "\n" + extra + OK;
  }

  private static String param(String extra) {
    return get(
        "      parameters:\n        - name: q\n          in: query\n"
            + extra
            + "          schema: {type: string}\n");
  }

  private static String body(String media) {
    return OA + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n" + media + OK;
  }

  private static String response(String rest) {
    return OA
        + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n"
        + "          description: ok\n"
        + rest;
  }

  private static String oauth(String requirement, String flows) {
    return OA
        + "security:\n  - oauth: "
        + requirement
        + "\npaths:\n  /a:\n    get:\n"
        + OK
        + "components:\n  securitySchemes:\n    oauth:\n      type: oauth2\n      flows:\n"
        + flows;
  }

  private static final String CLIENT_CREDENTIALS =
      "        clientCredentials:\n          tokenUrl: https://a.example/t\n"
          + "          scopes: {read: r, write: w}\n";

  static final List<StructuralRulesTest.Case> CASES =
      List.of(
          c(
              "openapi.operation.removed-before-sunset",
              OA
                  + "paths:\n  /a:\n    get: #old\n      deprecated: true\n"
                  + "      x-sunset: '2027-01-01'\n"
                  + OK
                  + B,
              OA + "paths: #new\n" + B),
          c(
              "openapi.operation.removed-deprecated",
              OA + "paths:\n  /a:\n    get: #old\n      deprecated: true\n" + OK + B,
              OA + "paths: #new\n" + B),
          c(
              "openapi.operation.sunset-invalid",
              getMarked("#old", ""),
              get("      deprecated: true\n      x-sunset: next spring #new\n")),
          c(
              "openapi.operation.sunset-in-past",
              getMarked("#old", ""),
              get("      deprecated: true\n      x-sunset: '2020-01-01' #new\n")),
          c(
              "openapi.operation.sunset-brought-forward",
              get("      deprecated: true\n      x-sunset: '2027-06-01' #old\n"),
              get(
                  "      deprecated: true\n      x-sunset: 'Tue, 01 Dec 2026 00:00:00 GMT' #new\n")),
          c(
              "openapi.operation.sunset-removed",
              get("      deprecated: true\n      x-sunset: '2027-01-01' #old\n"),
              getMarked("#new", "      deprecated: true\n")),
          c(
              "openapi.operation.reactivated",
              get("      deprecated: true #old\n"),
              getMarked("#new", "")),
          c(
              "openapi.operation.stability-decreased",
              get("      x-stability-level: stable #old\n"),
              get("      x-stability-level: beta #new\n")),
          c(
              "openapi.operation.stability-invalid",
              getMarked("#old", ""),
              get("      x-stability-level: gamma #new\n")),
          c(
              "openapi.request.parameter.removed-deprecated",
              param("          deprecated: true\n").replace("- name: q", "- name: q #old"),
              getMarked("#new", "")),
          c(
              "openapi.request.parameter.deprecated",
              param("").replace("- name: q", "- name: q #old"),
              param("          deprecated: true #new\n")),
          c(
              "openapi.request.parameter.generalized-to-array",
              OA31.replace("2'", "1'")
                  + "paths:\n  /a:\n    get:\n      parameters:\n"
                  + "        - {name: q, in: query, schema: {type: [string, integer]}} #old\n"
                  + OK,
              OA31.replace("2'", "1'")
                  + "paths:\n  /a:\n    get:\n      parameters:\n"
                  + "        - name: q\n          in: query\n          schema: #new\n"
                  + "            {type: array, items: {type: [string, integer]}}\n"
                  + OK),
          c(
              "openapi.request.parameter.empty-value-prohibited",
              param("          allowEmptyValue: true #old\n"),
              param("          allowEmptyValue: false #new\n")),
          c(
              "openapi.request.parameter.empty-value-allowed",
              param("").replace("- name: q", "- name: q #old"),
              param("          allowEmptyValue: true #new\n")),
          c(
              "openapi.request.parameter.reserved-prohibited",
              param("          allowReserved: true #old\n"),
              param("").replace("- name: q", "- name: q #new")),
          c(
              "openapi.request.parameter.reserved-allowed",
              param("").replace("- name: q", "- name: q #old"),
              param("          allowReserved: true #new\n")),
          c(
              "openapi.request.body.became-optional",
              body("          application/json: {schema: {type: object}}\n")
                  .replace("requestBody:", "requestBody:\n        required: true #old"),
              body("          application/json: {schema: {type: object}}\n")
                  .replace("requestBody:", "requestBody: #new")),
          c(
              "openapi.request.body.media-type-generalized",
              body("          application/xml: {schema: {type: object}} #old\n"),
              body("          '*/*': {schema: {type: object}} #new\n")),
          c(
              "openapi.response.media-type-generalized",
              response(
                  "          content:\n            application/xml: #old\n"
                      + "              schema: {type: object}\n"),
              response(
                  "          content:\n            application/*: #new\n"
                      + "              schema: {type: object}\n")),
          c(
              "openapi.request.body.schema-added",
              body("          application/json: {} #old\n"),
              body("          application/json:\n            schema: {type: object} #new\n")),
          c(
              "openapi.request.body.schema-removed",
              body("          application/json:\n            schema: {type: object} #old\n"),
              body("          application/json: {} #new\n")),
          c(
              "openapi.response.schema-removed",
              response(
                  "          content:\n            application/json:\n"
                      + "              schema: {type: object} #old\n"),
              response("          content:\n            application/json: {} #new\n")),
          c(
              "openapi.response.schema-added",
              response("          content:\n            application/json: {} #old\n"),
              response(
                  "          content:\n            application/json:\n"
                      + "              schema: {type: object} #new\n")),
          c(
              "openapi.response.header.became-required",
              response(
                  "          headers:\n            X-H: #old\n"
                      + "              schema: {type: string}\n"),
              response(
                  "          headers:\n            X-H:\n              required: true #new\n"
                      + "              schema: {type: string}\n")),
          c(
              "openapi.response.header.style-changed",
              response(
                  "          headers:\n            X-H: #old\n"
                      + "              schema: {type: array, items: {type: string}}\n"),
              response(
                  "          headers:\n            X-H:\n              explode: true #new\n"
                      + "              schema: {type: array, items: {type: string}}\n")),
          c(
              "openapi.security.scope-removed",
              oauth("[read, write] #old", CLIENT_CREDENTIALS),
              oauth("[read] #new", CLIENT_CREDENTIALS)),
          c(
              "openapi.security.flow-removed",
              oauth(
                  "[read]",
                  CLIENT_CREDENTIALS
                      + "        password: #old\n          tokenUrl: https://a.example/t\n"
                      + "          scopes: {read: r}\n"),
              oauth("[read]", CLIENT_CREDENTIALS).replace("      flows:", "      flows: #new")),
          c(
              "openapi.security.flow-url-changed",
              oauth("[read]", CLIENT_CREDENTIALS.replace("/t\n", "/t #old\n")),
              oauth("[read]", CLIENT_CREDENTIALS.replace("a.example/t\n", "b.example/t #new\n"))),
          c(
              "openapi.server.removed",
              OA
                  + "servers:\n  - url: https://a.example #old\n  - url: https://b.example\n"
                  + "paths:\n"
                  + B,
              OA + "servers: #new\n  - url: https://b.example\npaths:\n" + B),
          c(
              "openapi.server.added",
              OA + "servers: #old\n  - url: https://b.example\npaths:\n" + B,
              OA
                  + "servers:\n  - url: https://b.example\n  - url: https://a.example #new\n"
                  + "paths:\n"
                  + B),
          c(
              "openapi.operation.server-removed",
              get("      servers:\n        - url: https://a.example #old\n"),
              getMarked("#new", "")),
          c(
              "openapi.operation.server-added",
              getMarked("#old", ""),
              get("      servers:\n        - url: https://a.example #new\n")));

  private static StructuralRulesTest.Case c(String ruleId, String oldYaml, String newYaml) {
    return new StructuralRulesTest.Case(ruleId, oldYaml, newYaml);
  }

  /** Every operation pair with a webhook twin, moved under {@code webhooks} (OpenAPI 3.1). */
  static List<StructuralRulesTest.Case> webhookCases() {
    List<StructuralRulesTest.Case> out = new ArrayList<>();
    Stream.concat(StructuralRulesTest.CASES.stream(), CASES.stream())
        .filter(c -> c.ruleId().startsWith("openapi."))
        .forEach(
            c -> {
              Optional<Rule> rule = RuleCatalog.find(c.ruleId());
              Optional<String> twin = rule.flatMap(OperationRulesTest::twin);
              twin.ifPresent(
                  id ->
                      out.add(
                          new StructuralRulesTest.Case(
                              id, webhooks(c.oldYaml()), webhooks(c.newYaml()))));
            });
    return out;
  }

  private static Optional<String> twin(Rule rule) {
    try {
      return Optional.of(Rules.forWebhook(rule).id());
    } catch (IllegalArgumentException noTwin) {
      return Optional.empty();
    }
  }

  private static String webhooks(String yaml) {
    return yaml.replace("openapi: 3.0.3", "openapi: 3.1.0")
        .replace("\npaths:", "\nwebhooks:")
        .replaceAll("(?m)^  /(\\S+):", "  $1:");
  }

  static Stream<StructuralRulesTest.Case> cases() {
    return Stream.concat(CASES.stream(), webhookCases().stream());
  }

  /** The rule ids this class has a minimal pair for. */
  static Stream<String> ruleIds() {
    return cases().map(StructuralRulesTest.Case::ruleId);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheRuleWithItsLevelAndBothLocations(StructuralRulesTest.Case c, @TempDir Path dir) {
    DiffReport report = diff(dir, c.oldYaml(), c.newYaml());

    List<Change> found = report.withRule(c.ruleId());
    assertThat(found).as(report.changes().toString()).hasSize(1);
    Change change = found.get(0);
    assertThat(change.level()).isEqualTo(RuleCatalog.find(c.ruleId()).orElseThrow().level());
    assertThat(change.oldLocation().map(SourceLocation::line))
        .contains(Specs.lineOf(c.oldYaml(), "#old"));
    assertThat(change.newLocation().map(SourceLocation::line))
        .contains(Specs.lineOf(c.newYaml(), "#new"));
  }

  @Test
  void aScalarQueryParameterGeneralisedToAnArrayInFormStyleIsNotBreaking(@TempDir Path dir) {
    StructuralRulesTest.Case c =
        CASES.stream()
            .filter(x -> x.ruleId().equals("openapi.request.parameter.generalized-to-array"))
            .findFirst()
            .orElseThrow();

    DiffReport report = diff(dir, c.oldYaml(), c.newYaml());

    assertThat(report.reaches(Change.Level.POTENTIALLY_BREAKING))
        .as(report.changes().toString())
        .isFalse();
  }

  @Test
  void anArrayParameterNarrowedToAScalarIsStillBreaking(@TempDir Path dir) {
    StructuralRulesTest.Case c =
        CASES.stream()
            .filter(x -> x.ruleId().equals("openapi.request.parameter.generalized-to-array"))
            .findFirst()
            .orElseThrow();

    DiffReport report = diff(dir, c.newYaml(), c.oldYaml());

    assertThat(report.reaches(Change.Level.BREAKING)).as(report.changes().toString()).isTrue();
  }

  @Test
  void aWebhookPayloadEnumValueAddedBreaksTheConsumerThatReadsIt(@TempDir Path dir) {
    String before =
        OA31
            + "webhooks:\n  orderCreated:\n    post:\n      requestBody:\n        content:\n"
            + "          application/json:\n            schema:\n              type: object\n"
            + "              properties: {status: {type: string, enum: [paid, open]}}\n"
            + OK;
    String after = before.replace("[paid, open]", "[paid, open, void]");

    DiffReport report = diff(dir, before, after);

    assertThat(report.withRule("openapi.webhook.request.body.enum-value-added"))
        .singleElement()
        .extracting(Change::level)
        .isEqualTo(Change.Level.BREAKING);
  }

  @Test
  void callbacksAreJudgedLikeWebhooks(@TempDir Path dir) {
    String before =
        OA31
            + "paths:\n  /subscriptions:\n    post:\n"
            + OK
            + "      callbacks:\n        orderCreated:\n          '{$request.body#/url}':\n"
            + "            post:\n              requestBody:\n                content:\n"
            + "                  application/json:\n                    schema:\n"
            + "                      type: object\n"
            + "                      properties: {status: {type: string, enum: [paid, open]}}\n"
            + "              responses: {'200': {description: ok}}\n"
            + "        orderDeleted:\n          '{$request.body#/url}':\n"
            + "            post:\n              responses: {'200': {description: ok}}\n";
    String after =
        before
            .substring(0, before.indexOf("        orderDeleted:"))
            .replace("[paid, open]", "[paid, open, void]");

    DiffReport report = diff(dir, before, after);

    assertThat(report.withRule("openapi.webhook.request.body.enum-value-added"))
        .singleElement()
        .extracting(Change::level)
        .isEqualTo(Change.Level.BREAKING);
    assertThat(report.withRule("openapi.webhook.removed"))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("{$request.body#/url}"));
  }

  @Test
  void aDeprecatedParameterRemovedBeforeItsSunsetIsBreaking(@TempDir Path dir) {
    String before = param("          deprecated: true\n          x-sunset: '2027-01-01'\n");

    DiffReport report = diff(dir, before, get(""));

    assertThat(report.withRule("openapi.request.parameter.removed"))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("before its sunset date 2027-01-01"));
  }

  @Test
  void anAlphaOperationMayChangeAndGoWithoutBreakingAnyone(@TempDir Path dir) {
    String before = get("      x-stability-level: alpha\n") + B;
    String changed =
        get(
                "      x-stability-level: alpha\n      parameters:\n"
                    + "        - {name: q, in: query, required: true, schema: {type: string}}\n")
            + B;
    String removed = OA + "paths:\n" + B;

    DiffReport afterChange = diff(dir, before, changed);
    DiffReport afterRemoval = diff(dir, before, removed);

    assertThat(afterChange.withRule("openapi.request.parameter.required-added"))
        .singleElement()
        .satisfies(
            c -> {
              assertThat(c.level()).isEqualTo(Change.Level.NON_BREAKING);
              assertThat(c.message()).contains("x-stability-level alpha");
            });
    assertThat(afterRemoval.withRule("openapi.operation.removed"))
        .singleElement()
        .extracting(Change::level)
        .isEqualTo(Change.Level.NON_BREAKING);
    assertThat(
            diff(dir, get("      x-stability-level: beta\n") + B, removed)
                .withRule("openapi.operation.removed"))
        .singleElement()
        .extracting(Change::level)
        .isEqualTo(Change.Level.BREAKING);
  }

  @Test
  void aParameterEncodedAsAnotherMediaTypeIsSerializedDifferently(@TempDir Path dir) {
    String before =
        get(
            "      parameters:\n        - name: filter\n          in: query\n"
                + "          content: {application/json: {schema: {type: object}}}\n");
    String after = before.replace("application/json", "text/plain");

    DiffReport report = diff(dir, before, after);

    assertThat(report.withRule("openapi.request.parameter.style-changed"))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("content text/plain"));
  }

  @Test
  void anOperationIdRemovedRenamesTheGeneratedMethod(@TempDir Path dir) {
    DiffReport report = diff(dir, get("      operationId: listA\n"), get(""));

    assertThat(report.withRule("openapi.operation.id-changed"))
        .singleElement()
        .satisfies(c -> assertThat(c.message()).contains("'listA' removed"));
  }

  /** Levels chosen where the catalogues disagree (the reasons are in docs/diff-rules.md). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("chosenLevels")
  void levelsChosenWhereTheCataloguesDisagree(String ruleId, Change.Level level) {
    assertThat(RuleCatalog.find(ruleId).orElseThrow().level()).isEqualTo(level);
  }

  static Stream<Arguments> chosenLevels() {
    return Stream.of(
        Arguments.of("openapi.request.parameter.removed", Change.Level.BREAKING),
        Arguments.of("openapi.request.body.removed", Change.Level.BREAKING),
        Arguments.of("openapi.response.error-status-removed", Change.Level.BREAKING),
        Arguments.of("openapi.security.removed", Change.Level.NON_BREAKING),
        Arguments.of("openapi.server.removed", Change.Level.BREAKING),
        Arguments.of("openapi.operation.server-removed", Change.Level.POTENTIALLY_BREAKING),
        Arguments.of("openapi.operation.removed-deprecated", Change.Level.POTENTIALLY_BREAKING));
  }

  private static DiffReport diff(Path dir, String oldYaml, String newYaml) {
    Path oldFile = Specs.write(dir, "old.yaml", oldYaml);
    Path newFile = Specs.write(dir, "new.yaml", newYaml);
    return OpenApiDiff.withClock(CLOCK).diff(Specs.openApi(oldFile), Specs.openApi(newFile));
  }
}
