package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One minimal pair of specs per structural rule (operations, parameters, bodies, responses,
 * security, versions, AsyncAPI channels/operations/messages): the rule id, its level and the line
 * of the change in both files ({@code #old} / {@code #new} mark them; a side without a mark has no
 * location or is not asserted).
 */
class StructuralRulesTest {

  record Case(String ruleId, String oldYaml, String newYaml) {
    @Override
    public String toString() {
      return ruleId;
    }
  }

  private static final String OA = "openapi: 3.0.3\ninfo: {title: T, version: '1'}\n";
  private static final String OA2 = "openapi: 3.0.3\ninfo: {title: T, version: '2'}\n";
  private static final String OK = "      responses: {'200': {description: ok}}\n";
  private static final String KEY =
      "components:\n  securitySchemes:\n    key: {type: apiKey, in: header, name: X-Key}\n"
          + "    oauth: {type: oauth2, flows: {clientCredentials: {tokenUrl: 'https://a.example/t', scopes: {read: r, write: w}}}}\n";

  private static String get(String extra) {
    return OA2 + "paths:\n  /a:\n    get:\n" + extra + OK;
  }

  static final List<Case> CASES =
      List.of(
          new Case(
              "openapi.operation.removed",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK + "  /b:\n    get:\n" + OK,
              OA2 + "paths: #new\n  /b:\n    get:\n" + OK),
          new Case(
              "openapi.operation.removed-after-sunset",
              OA2
                  + "paths:\n  /a:\n    get: #old\n      deprecated: true\n      x-sunset: '2020-01-01'\n"
                  + OK
                  + "  /b:\n    get:\n"
                  + OK,
              OA2 + "paths: #new\n  /b:\n    get:\n" + OK),
          new Case(
              "openapi.operation.added",
              OA2 + "paths: #old\n  /b:\n    get:\n" + OK,
              OA2 + "paths:\n  /a:\n    get: #new\n" + OK + "  /b:\n    get:\n" + OK),
          new Case(
              "openapi.operation.deprecated",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK,
              get("      deprecated: true #new\n      x-sunset: '2030-01-01'\n")),
          new Case(
              "openapi.operation.deprecated-without-sunset",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK,
              get("      deprecated: true #new\n")),
          new Case(
              "openapi.operation.id-changed",
              get("      operationId: listA #old\n"),
              get("      operationId: getA #new\n")),
          new Case(
              "openapi.request.parameter.removed",
              get(
                  "      parameters:\n        - {name: q, in: query, schema: {type: string}} #old\n"),
              OA2 + "paths:\n  /a:\n    get: #new\n" + OK),
          new Case(
              "openapi.request.parameter.added",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK,
              get(
                  "      parameters:\n        - {name: q, in: query, schema: {type: string}} #new\n")),
          new Case(
              "openapi.request.parameter.required-added",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK,
              get(
                  "      parameters:\n        - {name: q, in: query, required: true, schema: {type: string}} #new\n")),
          new Case(
              "openapi.request.parameter.became-required",
              get(
                  "      parameters:\n        - {name: q, in: query, schema: {type: string}} #old\n"),
              get(
                  "      parameters:\n        - {name: q, in: query, required: true, schema: {type: string}} #new\n")),
          new Case(
              "openapi.request.parameter.became-optional",
              get(
                  "      parameters:\n        - {name: q, in: query, required: true, schema: {type: string}} #old\n"),
              get(
                  "      parameters:\n        - {name: q, in: query, schema: {type: string}} #new\n")),
          new Case(
              "openapi.request.parameter.location-changed",
              get(
                  "      parameters:\n        - {name: q, in: query, schema: {type: string}} #old\n"),
              get(
                  "      parameters:\n        - {name: q, in: header, schema: {type: string}} #new\n")),
          new Case(
              "openapi.request.parameter.style-changed",
              get(
                  "      parameters:\n        - {name: q, in: query, style: form, schema: {type: array, items: {type: string}}} #old\n"),
              get(
                  "      parameters:\n        - {name: q, in: query, style: pipeDelimited, schema: {type: array, items: {type: string}}} #new\n")),
          new Case(
              "openapi.request.body.added",
              OA2 + "paths:\n  /a:\n    post: #old\n" + OK,
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody: #new\n        content: {application/json: {schema: {type: object}}}\n"
                  + OK),
          new Case(
              "openapi.request.body.required-added",
              OA2 + "paths:\n  /a:\n    post: #old\n" + OK,
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody: #new\n        required: true\n        content: {application/json: {schema: {type: object}}}\n"
                  + OK),
          new Case(
              "openapi.request.body.became-required",
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody: #old\n        content: {application/json: {schema: {type: object}}}\n"
                  + OK,
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody:\n        required: true #new\n        content: {application/json: {schema: {type: object}}}\n"
                  + OK),
          new Case(
              "openapi.request.body.removed",
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody: #old\n        content: {application/json: {schema: {type: object}}}\n"
                  + OK,
              OA2 + "paths:\n  /a:\n    post: #new\n" + OK),
          new Case(
              "openapi.request.body.media-type-removed",
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json: {schema: {type: object}}\n          application/xml: {schema: {type: object}} #old\n"
                  + OK,
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody:\n        content: #new\n          application/json: {schema: {type: object}}\n"
                  + OK),
          new Case(
              "openapi.request.body.media-type-added",
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody:\n        content: #old\n          application/json: {schema: {type: object}}\n"
                  + OK,
              OA2
                  + "paths:\n  /a:\n    post:\n      requestBody:\n        content:\n          application/json: {schema: {type: object}}\n          application/xml: {schema: {type: object}} #new\n"
                  + OK),
          new Case(
              "openapi.response.status-removed",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n        '201': {description: created} #old\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses: #new\n        '200': {description: ok}\n"),
          new Case(
              "openapi.response.error-status-removed",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n        '404': {description: gone} #old\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses: #new\n        '200': {description: ok}\n"),
          new Case(
              "openapi.response.status-added",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses: #old\n        '200': {description: ok}\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200': {description: ok}\n        '404': {description: gone} #new\n"),
          new Case(
              "openapi.response.media-type-removed",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object}}\n            text/csv: {schema: {type: string}} #old\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: #new\n            application/json: {schema: {type: object}}\n"),
          new Case(
              "openapi.response.media-type-added",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content: #old\n            application/json: {schema: {type: object}}\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json: {schema: {type: object}}\n            text/csv: {schema: {type: string}} #new\n"),
          new Case(
              "openapi.response.header.removed",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-A: {schema: {type: string}}\n            X-B: {schema: {type: string}} #old\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers: #new\n            X-A: {schema: {type: string}}\n"),
          new Case(
              "openapi.response.header.became-optional",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-A: {required: true, schema: {type: string}} #old\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-A: {schema: {type: string}} #new\n"),
          new Case(
              "openapi.response.header.added",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers: #old\n            X-A: {schema: {type: string}}\n",
              OA2
                  + "paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          headers:\n            X-A: {schema: {type: string}}\n            X-B: {schema: {type: string}} #new\n"),
          new Case(
              "openapi.security.requirement-added",
              OA2 + "paths:\n  /a:\n    get: #old\n" + OK + KEY,
              get("      security: #new\n        - key: []\n") + KEY),
          new Case(
              "openapi.security.alternative-removed",
              get("      security:\n        - key: []\n        - oauth: [read] #old\n") + KEY,
              get("      security: #new\n        - key: []\n") + KEY),
          new Case(
              "openapi.security.scope-added",
              get("      security:\n        - oauth: [read] #old\n") + KEY,
              get("      security:\n        - oauth: [read, write] #new\n") + KEY),
          new Case(
              "openapi.security.alternative-added",
              get("      security: #old\n        - key: []\n") + KEY,
              get("      security:\n        - key: []\n        - oauth: [read] #new\n") + KEY),
          new Case(
              "openapi.security.removed",
              get("      security: #old\n        - key: []\n") + KEY,
              get("      security: [] #new\n") + KEY),
          new Case(
              "openapi.security.scheme-changed",
              OA2
                  + "paths: {}\ncomponents:\n  securitySchemes:\n    key:\n      type: apiKey\n      in: header #old\n      name: X-Key\n",
              OA2
                  + "paths: {}\ncomponents:\n  securitySchemes:\n    key:\n      type: apiKey\n      in: query #new\n      name: X-Key\n"),
          new Case(
              "openapi.info.version-not-bumped",
              "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1' #old\npaths:\n  /a:\n    get:\n"
                  + OK
                  + "  /b:\n    get:\n"
                  + OK,
              "openapi: 3.0.3\ninfo:\n  title: T\n  version: '1' #new\npaths:\n  /b:\n    get:\n"
                  + OK),
          new Case(
              "openapi.base-path.changed",
              OA + "paths: #old\n  /v1/a:\n    get:\n" + OK,
              OA2 + "paths: #new\n  /v2/a:\n    get:\n" + OK),
          new Case(
              "asyncapi.channel.removed",
              async(
                  "channels:\n  a: #old\n    subscribe: {message: {name: A, payload: {type: object}}}\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n"),
              async(
                  "channels: #new\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n")),
          new Case(
              "asyncapi.channel.added",
              async(
                  "channels: #old\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n"),
              async(
                  "channels:\n  a: #new\n    subscribe: {message: {name: A, payload: {type: object}}}\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n")),
          new Case(
              "asyncapi.operation.removed",
              async(
                  "channels:\n  a:\n    publish: {message: {name: A, payload: {type: object}}} #old\n    subscribe: {message: {name: A, payload: {type: object}}}\n"),
              async(
                  "channels:\n  a: #new\n    subscribe: {message: {name: A, payload: {type: object}}}\n")),
          new Case(
              "asyncapi.operation.added",
              async(
                  "channels:\n  a: #old\n    subscribe: {message: {name: A, payload: {type: object}}}\n"),
              async(
                  "channels:\n  a:\n    publish: {message: {name: A, payload: {type: object}}} #new\n    subscribe: {message: {name: A, payload: {type: object}}}\n")),
          new Case(
              "asyncapi.operation.action-changed",
              async3("    action: send #old\n"),
              async3("    action: receive #new\n")),
          new Case(
              "asyncapi.message.removed",
              async(
                      "channels:\n  a: #new\n    subscribe:\n      message:\n        oneOf:\n          - {name: A, payload: {type: object}}\n          - {name: B, payload: {type: object}} #old\n")
                  .replace(" #new", ""),
              async(
                  "channels:\n  a: #new\n    subscribe:\n      message:\n        oneOf:\n          - {name: A, payload: {type: object}}\n")),
          new Case(
              "asyncapi.message.added",
              async(
                  "channels:\n  a:\n    subscribe:\n      message:\n        oneOf:\n          - {name: A, payload: {type: object}}\n"),
              async(
                  "channels:\n  a:\n    subscribe:\n      message:\n        oneOf:\n          - {name: A, payload: {type: object}}\n          - {name: B, payload: {type: object}} #new\n")),
          new Case(
              "asyncapi.message.content-type-changed",
              async(
                  "channels:\n  a:\n    subscribe:\n      message: #old\n        name: A\n        contentType: application/json\n        payload: {type: object}\n"),
              async(
                  "channels:\n  a:\n    subscribe:\n      message: #new\n        name: A\n        contentType: application/avro\n        payload: {type: object}\n")),
          new Case(
              "asyncapi.info.version-not-bumped",
              "asyncapi: 2.6.0\ninfo:\n  title: T\n  version: '1' #old\nchannels:\n  a:\n    subscribe: {message: {name: A, payload: {type: object}}}\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n",
              "asyncapi: 2.6.0\ninfo:\n  title: T\n  version: '1' #new\nchannels:\n  b:\n    subscribe: {message: {name: B, payload: {type: object}}}\n"));

  private static String async(String channels) {
    return "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\n" + channels;
  }

  private static String async3(String action) {
    return "asyncapi: 3.0.0\ninfo: {title: T, version: '1'}\n"
        + "channels:\n  a:\n    address: a\n    messages:\n      A: {payload: {type: object}}\n"
        + "operations:\n  onA:\n"
        + action
        + "    channel: {$ref: '#/channels/a'}\n";
  }

  static Stream<Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheRuleWithItsLevelAndBothLocations(Case c, @TempDir Path dir) {
    Path oldFile = Specs.write(dir, "old.yaml", c.oldYaml());
    Path newFile = Specs.write(dir, "new.yaml", c.newYaml());
    DiffReport report =
        c.ruleId().startsWith("asyncapi.")
            ? AsyncApiDiff.compare(Specs.asyncApi(oldFile), Specs.asyncApi(newFile))
            : OpenApiDiff.compare(Specs.openApi(oldFile), Specs.openApi(newFile));

    List<Change> found = report.withRule(c.ruleId());
    assertThat(found).as(report.changes().toString()).hasSize(1);
    Change change = found.get(0);
    assertThat(change.level()).isEqualTo(RuleCatalog.find(c.ruleId()).orElseThrow().level());
    assertThat(c.oldYaml().contains("#old") || c.newYaml().contains("#new")).isTrue();
    if (c.oldYaml().contains("#old")) {
      assertThat(change.oldLocation().map(SourceLocation::line))
          .contains(Specs.lineOf(c.oldYaml(), "#old"));
    }
    if (c.newYaml().contains("#new")) {
      assertThat(change.newLocation().map(SourceLocation::line))
          .contains(Specs.lineOf(c.newYaml(), "#new"));
    }
  }
}
