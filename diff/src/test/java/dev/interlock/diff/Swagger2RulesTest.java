package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.SourceLocation;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Swagger 2.0 documents diffed end to end, in the OpenAPI 3.0 form the loader reads them as: the
 * {@code in: body} parameter, {@code consumes}/{@code produces}, a response's schema, inline
 * parameter keywords, {@code collectionFormat}, {@code securityDefinitions} and {@code host}/{@code
 * basePath} each reach the operation rules. Each pair names the rule and its level; where the
 * change has a line of its own in the 2.0 text, {@code #new} marks it.
 */
class Swagger2RulesTest {

  private static final String HEAD =
      "swagger: '2.0'\ninfo: {title: T, version: '1'}\nconsumes: [application/json]\n"
          + "produces: [application/json]\n";

  private static String op(String method, String body) {
    return HEAD + "paths:\n  /pets:\n    " + method + ":\n" + body;
  }

  private static final String OK = "      responses: {'200': {description: ok}}\n";

  private static String query(String extra) {
    return op(
        "get",
        "      parameters:\n        - name: limit\n          in: query\n"
            + "          type: integer\n"
            + extra
            + OK);
  }

  private static String body(String consumes, String schema) {
    return op(
        "put",
        consumes
            + "      parameters:\n        - name: pet\n          in: body\n"
            + "          required: true\n          schema:\n"
            + schema
            + OK);
  }

  private static String response(String produces, String schema) {
    return op(
        "get",
        produces
            + "      responses:\n        '200':\n          description: ok\n"
            + "          schema:\n"
            + schema);
  }

  private static final String PET =
      "            type: object\n            properties:\n"
          + "              kind: {type: string, enum: [cat, dog]}\n";

  static final List<StructuralRulesTest.Case> CASES =
      List.of(
          new StructuralRulesTest.Case(
              "openapi.request.parameter.max-decreased",
              query("          maximum: 100\n"),
              query("          maximum: 10 #new\n")),
          new StructuralRulesTest.Case(
              "openapi.request.parameter.style-changed",
              query(
                      "          type: array\n          items: {type: string}\n"
                          + "          collectionFormat: csv\n")
                  .replace("          type: integer\n", ""),
              query(
                      "          type: array\n          items: {type: string}\n"
                          + "          collectionFormat: multi\n")
                  .replace("          type: integer\n", "")),
          new StructuralRulesTest.Case(
              "openapi.request.body.enum-value-removed",
              body("", PET),
              body("", PET.replace("[cat, dog]}", "[cat]} #new"))),
          new StructuralRulesTest.Case(
              "openapi.request.body.media-type-removed",
              body("      consumes: [application/json, application/xml]\n", PET),
              body("      consumes: [application/json]\n", PET)),
          new StructuralRulesTest.Case(
              "openapi.response.media-type-removed",
              response("      produces: [application/json, application/xml]\n", PET),
              response("      produces: [application/json]\n", PET)),
          new StructuralRulesTest.Case(
              "openapi.response.type-changed",
              response("", "            type: array\n            items: {type: string}\n"),
              response("", "            type: string #new\n")),
          new StructuralRulesTest.Case(
              "openapi.server.removed",
              HEAD.replace("info:", "basePath: /v1\ninfo:") + "paths:\n  /pets:\n    get:\n" + OK,
              HEAD.replace("info:", "basePath: /v2 #new\ninfo:")
                  + "paths:\n  /pets:\n    get:\n"
                  + OK),
          new StructuralRulesTest.Case(
              "openapi.security.flow-url-changed",
              HEAD
                  + "securityDefinitions:\n  oauth:\n    type: oauth2\n    flow: application\n"
                  + "    tokenUrl: https://a.example/t\n    scopes: {read: r}\n"
                  + "paths:\n  /pets:\n    get:\n"
                  + OK,
              HEAD
                  + "securityDefinitions:\n  oauth:\n    type: oauth2\n    flow: application\n"
                  + "    tokenUrl: https://b.example/t\n    scopes: {read: r}\n"
                  + "paths:\n  /pets:\n    get:\n"
                  + OK));

  static Stream<StructuralRulesTest.Case> cases() {
    return CASES.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsTheRuleOnSwagger2AsWritten(StructuralRulesTest.Case c, @TempDir Path dir) {
    DiffReport report = Specs.diffOpenApi(dir, c.oldYaml(), c.newYaml());

    List<Change> found = report.withRule(c.ruleId());
    assertThat(found).as(report.changes().toString()).hasSize(1);
    assertThat(found.get(0).level()).isEqualTo(RuleCatalog.find(c.ruleId()).orElseThrow().level());
    if (c.newYaml().contains("#new")) {
      assertThat(found.get(0).newLocation().map(SourceLocation::line))
          .contains(Specs.lineOf(c.newYaml(), "#new"));
    }
  }

  @Test
  void aSwagger2DocumentComparedWithItselfHasNoChange(@TempDir Path dir) {
    String spec =
        body("      consumes: [application/json, application/xml]\n", PET)
            .replace(
                "      parameters:\n",
                "      parameters:\n        - {name: q, in: query,"
                    + " type: array, items: {type: string}, collectionFormat: multi}\n");

    assertThat(Specs.diffOpenApi(dir, spec, spec).changes()).isEmpty();
  }
}
