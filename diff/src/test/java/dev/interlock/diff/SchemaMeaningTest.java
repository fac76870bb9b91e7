package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.diff.Change.Level;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Schemas are compared by what they mean, not how they are written: the same schema written another
 * way is no change, and a change is reported once, at the level the side that reads it feels (the
 * API for a request, the client for a response).
 */
class SchemaMeaningTest {

  /** A spec with one request body schema and one response body schema, plus components. */
  private static String spec(String version, String request, String response, String components) {
    return "openapi: "
        + version
        + "\ninfo: {title: T, version: '1'}\npaths:\n  /x:\n    post:\n      requestBody:\n"
        + "        content:\n          application/json:\n            schema:\n"
        + indent(request, 14)
        + "\n      responses:\n        '200':\n          description: ok\n          content:\n"
        + "            application/json:\n              schema:\n"
        + indent(response, 16)
        + "\ncomponents:\n  schemas:\n    Unused: {type: string}\n"
        + indent(components, 4)
        + "\n";
  }

  private static String indent(String yaml, int n) {
    String pad = " ".repeat(n);
    return Arrays.stream(yaml.split("\n")).map(l -> pad + l).collect(Collectors.joining("\n"));
  }

  private static DiffReport diff(Path dir, String oldSchema, String newSchema, String components) {
    return diff(dir, "3.0.3", oldSchema, newSchema, components);
  }

  private static DiffReport diff(
      Path dir, String version, String oldSchema, String newSchema, String components) {
    return Specs.diffOpenApi(
        dir,
        spec(version, oldSchema, oldSchema, components),
        spec(version, newSchema, newSchema, components));
  }

  @Test
  void anInlineSchemaRefactoredIntoARefIsNoChange(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: object\nproperties:\n  a: {type: string, maxLength: 3}",
            "$ref: '#/components/schemas/A'",
            "A:\n  type: object\n  properties:\n    a: {type: string, maxLength: 3}");
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void reorderedAlternativesAreNoChange(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "oneOf:\n  - {type: string, maxLength: 3}\n  - {type: integer}\n  - $ref: '#/components/schemas/A'",
            "oneOf:\n  - $ref: '#/components/schemas/A'\n  - {type: integer}\n  - {type: string, maxLength: 3}",
            "A: {type: object, properties: {a: {type: string}}}");
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void aPropertyMovedIntoAnAllOfPartIsNoChange(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "properties:\n  a: {type: string}\n  b: {type: integer}\nrequired: [a]",
            "allOf:\n  - $ref: '#/components/schemas/A'\n  - type: object\n    properties:\n      b: {type: integer}",
            "A:\n  type: object\n  required: [a]\n  properties:\n    a: {type: string}");
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void aBoundThatAllowsEverythingIsNoBound(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: array\nitems: {type: string}",
            "type: array\nitems: {type: string, minLength: 0}\nminItems: 0\nuniqueItems: false",
            "");
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void nullableWrittenAsATypeListOrAnAnyOfWithNullIsNoChange(@TempDir Path dir) {
    String components = "S: {type: string, maxLength: 3}";
    String nullable = "type: string\nmaxLength: 3\nnullable: true";
    assertThat(
            Specs.diffOpenApi(
                    dir,
                    spec(
                        "3.1.0",
                        "type: [string, 'null']\nmaxLength: 3",
                        "type: [string, 'null']\nmaxLength: 3",
                        components),
                    spec(
                        "3.1.0",
                        "anyOf:\n  - $ref: '#/components/schemas/S'\n  - type: 'null'",
                        "oneOf:\n  - {type: 'null'}\n  - $ref: '#/components/schemas/S'",
                        components))
                .changes())
        .isEmpty();
    assertThat(
            diff(dir.resolve("b"), nullable, "type: string\nmaxLength: 3\nx-nullable: true", "")
                .changes())
        .isEmpty();
  }

  @Test
  void wrappingInAnAnyOfWithNullMakesTheValueNullableOnce(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "3.1.0",
            "$ref: '#/components/schemas/S'",
            "anyOf:\n  - $ref: '#/components/schemas/S'\n  - type: 'null'",
            "S: {type: string}");
    assertThat(report.changes())
        .extracting(Change::ruleId, Change::level)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.became-nullable", Level.NON_BREAKING),
            org.assertj.core.groups.Tuple.tuple("openapi.response.became-nullable", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.info.version-not-bumped", Level.POTENTIALLY_BREAKING));
  }

  @Test
  void aSchemaWrappedIntoAOneOfGainsTheOtherAlternativesOnly(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: object\nproperties:\n  a: {type: string}",
            "oneOf:\n  - type: object\n    properties:\n      a: {type: string}\n  - type: integer",
            "");
    assertThat(report.changes())
        .extracting(Change::ruleId, Change::level)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.one-of.alternative-added", Level.NON_BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.one-of.alternative-added", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.info.version-not-bumped", Level.POTENTIALLY_BREAKING));
  }

  @Test
  void keywordsBesideARefCountInOpenApi31Only(@TempDir Path dir) {
    String components = "S: {type: string}";
    DiffReport v31 =
        diff(
            dir,
            "3.1.0",
            "$ref: '#/components/schemas/S'\nmaxLength: 10",
            "$ref: '#/components/schemas/S'",
            components);
    assertThat(v31.withRule("openapi.response.max-length-increased"))
        .extracting(Change::level)
        .containsExactly(Level.BREAKING);
    DiffReport v30 =
        diff(
            dir.resolve("b"),
            "3.0.3",
            "$ref: '#/components/schemas/S'\nmaxLength: 10",
            "$ref: '#/components/schemas/S'",
            components);
    assertThat(v30.changes()).isEmpty();
  }

  @Test
  void aReadOnlyPropertyRemovedIsNoChangeForRequests(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: object\nproperties:\n  id: {type: string, readOnly: true}\n  a: {type: string}",
            "type: object\nproperties:\n  a: {type: string}",
            "");
    assertThat(report.changes())
        .extracting(Change::ruleId)
        .containsExactly("openapi.response.property.removed", "openapi.info.version-not-bumped");
  }

  @Test
  void theTightestBoundOfAllOfPartsHolds(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "allOf:\n  - {type: integer, minimum: 1}\n  - {type: integer, minimum: 5}",
            "type: integer\nminimum: 5",
            "");
    assertThat(report.changes()).isEmpty();
  }

  @Test
  void aMinimumMadeExclusiveIsTighter(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: number\nminimum: 1",
            "type: number\nminimum: 1\nexclusiveMinimum: true",
            "");
    assertThat(report.withRule("openapi.request.body.min-increased"))
        .extracting(Change::level)
        .containsExactly(Level.BREAKING);
    assertThat(report.withRule("openapi.response.min-increased"))
        .extracting(Change::level)
        .containsExactly(Level.NON_BREAKING);
  }

  @Test
  void anAllOfMemberAddedOrRemovedCountsByWhatItRequires(@TempDir Path dir) {
    String base = "allOf:\n  - type: object\n    properties:\n      a: {type: string}";
    String more =
        base + "\n  - type: object\n    required: [b]\n    properties:\n      b: {type: string}";
    DiffReport added = diff(dir, base, more, "");
    assertThat(added.changes())
        .extracting(Change::ruleId, Change::level)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.property.required-added", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.property.required-added", Level.NON_BREAKING));
    DiffReport removed = diff(dir.resolve("b"), more, base, "");
    assertThat(removed.changes())
        .extracting(Change::ruleId, Change::level)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.property.required-removed", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.property.required-removed", Level.BREAKING));
  }

  @Test
  void aConstChangedRefusesTheOldValueAndSendsANewOne(@TempDir Path dir) {
    DiffReport report = diff(dir, "3.1.0", "const: card", "const: sepa", "");
    assertThat(report.changes())
        .extracting(Change::ruleId, Change::level)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.enum-value-removed", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.enum-value-added", Level.BREAKING));
  }

  @Test
  void aTypeListLosingNullBreaksCallersOnly(@TempDir Path dir) {
    DiffReport report = diff(dir, "3.1.0", "type: [string, 'null']", "type: string", "");
    assertThat(report.changes())
        .extracting(Change::ruleId, Change::level)
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(
                "openapi.request.body.became-non-nullable", Level.BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.response.became-non-nullable", Level.NON_BREAKING),
            org.assertj.core.groups.Tuple.tuple(
                "openapi.info.version-not-bumped", Level.POTENTIALLY_BREAKING));
  }

  @Test
  void changesReachedOnlyThroughItemsAndAdditionalPropertiesAreFoundWithTheirPath(
      @TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: object\nadditionalProperties:\n  type: array\n  items:\n    type: object\n"
                + "    properties:\n      n: {type: integer, minimum: 1}",
            "type: object\nadditionalProperties:\n  type: array\n  items:\n    type: object\n"
                + "    properties:\n      n: {type: integer, minimum: 0}",
            "");
    assertThat(report.withRule("openapi.response.min-decreased"))
        .extracting(c -> c.fieldPath().orElse(""), Change::level)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("$.*[*].n", Level.BREAKING));
  }

  @Test
  void aReadOnlyPropertyIsNotComparedWhereItIsNeverSent(@TempDir Path dir) {
    DiffReport report =
        diff(
            dir,
            "type: object\nproperties:\n  id: {type: string, readOnly: true}",
            "type: object\nproperties:\n  id: {type: string, readOnly: true, maxLength: 8}",
            "");
    assertThat(report.changes())
        .extracting(Change::ruleId)
        .containsExactly("openapi.response.max-length-decreased");
  }
}
