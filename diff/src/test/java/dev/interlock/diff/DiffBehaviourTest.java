package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.interlock.core.SourceLocation;
import dev.interlock.diff.Change.Level;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiffBehaviourTest {

  private static final String CHARGES =
      """
      openapi: 3.0.3
      info: {title: Payments, version: '1'}
      paths:
        /charges/{id}:
          get:
            parameters:
              - {name: id, in: path, required: true, schema: {type: string}}
            responses:
              '200':
                description: ok
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Charge'}
        /charges:
          post:
            requestBody:
              required: true
              content:
                application/json:
                  schema: {$ref: '#/components/schemas/Charge'}
            responses:
              '201': {description: created}
      components:
        schemas:
          Charge:
            type: object
            required: [amount, status]
            properties:
              amount: {$ref: '#/components/schemas/Money'}
              status: {type: string, enum: [pending, succeeded, failed]}
              parent: {$ref: '#/components/schemas/Charge'}
          Money:
            type: object
            properties:
              value: {type: string}
              currency: {type: string}
      """;

  @Test
  void identicalSpecsHaveNoChanges(@TempDir Path dir) {
    assertThat(Specs.diffOpenApi(dir, CHARGES, CHARGES).changes()).isEmpty();
  }

  @Test
  void renamingARefTargetWithoutChangingItsShapeIsNoChange(@TempDir Path dir) {
    String renamed =
        CHARGES
            .replace("'#/components/schemas/Money'", "'#/components/schemas/Amount'")
            .replace("    Money:", "    Amount:");
    assertThat(renamed).isNotEqualTo(CHARGES).contains("Amount:");
    assertThat(Specs.diffOpenApi(dir, CHARGES, renamed).changes()).isEmpty();
  }

  @Test
  void inliningARefTargetIsNoChange(@TempDir Path dir) {
    String inlined =
        CHARGES.replace(
            "amount: {$ref: '#/components/schemas/Money'}",
            "amount: {type: object, properties: {value: {type: string}, currency: {type: string}}}");
    assertThat(Specs.diffOpenApi(dir, CHARGES, inlined).changes()).isEmpty();
  }

  @Test
  void reorderingPathsPropertiesAndEnumValuesIsNoChange(@TempDir Path dir) {
    String reordered =
        """
        openapi: 3.0.3
        info: {title: Payments, version: '1'}
        paths:
          /charges:
            post:
              requestBody:
                required: true
                content:
                  application/json:
                    schema: {$ref: '#/components/schemas/Charge'}
              responses:
                '201': {description: created}
          /charges/{chargeId}:
            get:
              parameters:
                - {name: chargeId, in: path, required: true, schema: {type: string}}
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: {$ref: '#/components/schemas/Charge'}
        components:
          schemas:
            Money:
              type: object
              properties:
                currency: {type: string}
                value: {type: string}
            Charge:
              type: object
              required: [status, amount]
              properties:
                parent: {$ref: '#/components/schemas/Charge'}
                status: {type: string, enum: [failed, pending, succeeded]}
                amount: {$ref: '#/components/schemas/Money'}
        """;
    assertThat(Specs.diffOpenApi(dir, CHARGES, reordered).changes()).isEmpty();
  }

  @Test
  void aChangeInASharedSchemaIsReportedPerOperationAndDirection(@TempDir Path dir) {
    String changed =
        CHARGES.replace(
            "enum: [pending, succeeded, failed]",
            "enum: [pending, succeeded, failed, requires_action]");
    DiffReport report = Specs.diffOpenApi(dir, CHARGES, changed);
    assertThat(report.withRule("openapi.response.enum-value-added"))
        .extracting(c -> c.operation().orElseThrow() + " " + c.fieldPath().orElseThrow())
        // $.parent is the same recursive schema: compared once, never expanded
        .containsExactly("GET /charges/{id} $.status");
    assertThat(report.withRule("openapi.request.body.enum-value-added"))
        .allSatisfy(c -> assertThat(c.level()).isEqualTo(Level.NON_BREAKING));
    assertThat(report.withRule("openapi.info.version-not-bumped")).hasSize(1);
    assertThat(report.highestLevel()).contains(Level.BREAKING);
  }

  @Test
  void openApi31TypeArraysAndConstAreUnderstood(@TempDir Path dir) {
    String before =
        """
        openapi: 3.1.0
        info: {title: T, version: '1'}
        paths:
          /a:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema:
                        type: object
                        properties:
                          kind: {const: charge}
                          note: {type: string}
        """;
    String after =
        before
            .replace("kind: {const: charge}", "kind: {enum: [charge, refund]}")
            .replace("note: {type: string}", "note: {type: [string, 'null']}");
    DiffReport report = Specs.diffOpenApi(dir, before, after);
    assertThat(report.changes())
        .extracting(Change::ruleId, Change::fieldPath)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.enum-value-added", java.util.Optional.of("$.kind")),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.became-nullable", java.util.Optional.of("$.note")),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.info.version-not-bumped", java.util.Optional.empty()));
  }

  @Test
  void foldersArePairedByRelativePath(@TempDir Path dir) {
    Specs.write(dir, "old/a.yaml", CHARGES);
    Specs.write(dir, "old/gone.yaml", CHARGES);
    Specs.write(dir, "old/kind.yaml", CHARGES);
    Specs.write(dir, "new/a.yaml", CHARGES);
    Specs.write(dir, "new/fresh.yaml", CHARGES);
    Specs.write(
        dir,
        "new/kind.yaml",
        "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\nchannels:\n  a:\n    subscribe: {message: {name: A, payload: {type: object}}}\n");
    DiffReport report =
        ContractDiff.compare(dir.resolve("old"), dir.resolve("new"), Specs.loader(dir));
    assertThat(report.diagnostics()).isEmpty();
    assertThat(report.changes())
        .extracting(Change::ruleId, c -> c.primaryLocation().map(SourceLocation::line).orElse(0))
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("diff.contract.added", 1),
            org.assertj.core.groups.Tuple.tuple("diff.contract.removed", 1),
            org.assertj.core.groups.Tuple.tuple("diff.contract.kind-changed", 1));
    assertThat(report.withRule("diff.contract.removed").get(0).level()).isEqualTo(Level.BREAKING);
  }

  @Test
  void anUnreadableContractIsADiagnosticNotAnException(@TempDir Path dir) {
    Path good = Specs.write(dir, "good.yaml", CHARGES);
    Path bad = Specs.write(dir, "bad.yaml", "openapi: 3.0.3\ninfo: [unclosed\n");
    DiffReport report = ContractDiff.compare(good, bad, Specs.loader(dir));
    assertThat(report.hasErrors()).isTrue();
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void rendersTextJsonAndMarkdown(@TempDir Path dir) throws Exception {
    String removed = CHARGES.replace("        currency: {type: string}\n", "");
    assertThat(removed).isNotEqualTo(CHARGES);
    DiffReport report = Specs.diffOpenApi(dir, CHARGES, removed);
    DiffRenderer renderer = new DiffRenderer(dir);
    String text = renderer.text(report);
    int oldLine = Specs.lineOf(CHARGES, "currency: {type: string}");
    int newLine = Specs.lineOf(removed, "value: {type: string}") - 1; // the 'properties:' key
    // Money is read (response) and written (request): the optional property's removal is felt
    // both by callers whose value is now ignored and by readers who lose the value.
    assertThat(text)
        .contains(
            "new.yaml:"
                + newLine
                + ":7: breaking: GET /charges/{id} response 200: property 'currency'"
                + " removed at $.amount.currency [openapi.response.property.removed]\n    was at"
                + " old.yaml:"
                + oldLine
                + ":9\n")
        .contains(
            "new.yaml:"
                + newLine
                + ":7: breaking: POST /charges request body: property 'currency' removed at"
                + " $.amount.currency [openapi.request.body.property.removed]\n    was at old.yaml:"
                + oldLine
                + ":9\n")
        .endsWith("2 breaking, 1 potentially breaking, 0 non-breaking\n");

    JsonNode json = new ObjectMapper().readTree(renderer.json(report, null));
    assertThat(json.path("summary").path("breaking").asInt()).isEqualTo(2);
    assertThat(json.path("changes").get(0).path("old").path("line").asInt()).isEqualTo(oldLine);

    String markdown = renderer.markdown(report, null);
    assertThat(markdown)
        .contains("| Level | Rule | Change | Where |")
        .contains("| breaking | `openapi.request.body.property.removed` |");
  }

  @Test
  void everyRuleInTheCatalogHasATest() {
    Set<String> tested = new HashSet<>();
    SchemaRulesTest.examples().forEach(e -> tested.add(e.ruleId()));
    StructuralRulesTest.CASES.forEach(c -> tested.add(c.ruleId()));
    OperationRulesTest.ruleIds().forEach(tested::add);
    WebhookSchemaRulesTest.examples().forEach(e -> tested.add(e.ruleId()));
    tested.addAll(
        List.of("diff.contract.added", "diff.contract.removed", "diff.contract.kind-changed"));
    assertThat(RuleCatalog.all())
        .extracting(Rule::id)
        .allSatisfy(id -> assertThat(tested).contains(id));
    assertThat(RuleCatalog.all()).hasSizeGreaterThan(250);
    assertThat(RuleCatalog.table()).contains("openapi.response.property.removed");
  }
}
