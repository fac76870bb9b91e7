package dev.interlock.diff;

import static org.assertj.core.api.Assertions.assertThat;

import dev.interlock.core.SourceLocation;
import dev.interlock.diff.internal.Rules;
import dev.interlock.diff.internal.SchemaRule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One case per schema rule and place a schema can be (request body, request parameter, response
 * body, response header, message payload, message headers): a minimal pair of specs, the rule id,
 * its level for that place and the line of the change in both files. {@code #old} / {@code #new}
 * mark the expected line; without a mark the change points at the schema itself ({@code #S}).
 */
class SchemaRulesTest {

  /** A schema rule with an old and a new schema (YAML, unindented). */
  record SchemaCase(SchemaRule rule, String oldSchema, String newSchema, boolean openApi31) {}

  static final List<SchemaCase> CASES =
      List.of(
          c(SchemaRule.TYPE_NARROWED, "type: number #old", "type: integer #new"),
          c(SchemaRule.TYPE_WIDENED, "type: integer #old", "type: number #new"),
          c(SchemaRule.TYPE_CHANGED, "type: string #old", "type: integer #new"),
          c(SchemaRule.FORMAT_ADDED, "type: string", "type: string\nformat: date #new"),
          c(SchemaRule.FORMAT_REMOVED, "type: string\nformat: date #old", "type: string"),
          c(
              SchemaRule.FORMAT_CHANGED,
              "type: string\nformat: date #old",
              "type: string\nformat: date-time #new"),
          c(SchemaRule.BECAME_NULLABLE, "type: string", "type: string\nnullable: true #new"),
          c(SchemaRule.BECAME_NON_NULLABLE, "type: string\nnullable: true #old", "type: string"),
          c(
              SchemaRule.ENUM_VALUE_ADDED,
              "type: string\nenum: [a, b] #old",
              "type: string\nenum: [a, b, c] #new"),
          c(
              SchemaRule.ENUM_VALUE_REMOVED,
              "type: string\nenum: [a, b] #old",
              "type: string\nenum: [a] #new"),
          c(SchemaRule.ENUM_ADDED, "type: string", "type: string\nenum: [a] #new"),
          c(SchemaRule.ENUM_REMOVED, "type: string\nenum: [a] #old", "type: string"),
          c(
              SchemaRule.MAX_LENGTH_DECREASED,
              "type: string\nmaxLength: 10 #old",
              "type: string\nmaxLength: 5 #new"),
          c(
              SchemaRule.MAX_LENGTH_INCREASED,
              "type: string\nmaxLength: 5 #old",
              "type: string\nmaxLength: 10 #new"),
          c(
              SchemaRule.MIN_LENGTH_INCREASED,
              "type: string\nminLength: 1 #old",
              "type: string\nminLength: 2 #new"),
          c(
              SchemaRule.MIN_LENGTH_DECREASED,
              "type: string\nminLength: 2 #old",
              "type: string\nminLength: 1 #new"),
          c(
              SchemaRule.MAX_DECREASED,
              "type: integer\nmaximum: 10 #old",
              "type: integer\nmaximum: 5 #new"),
          c(
              SchemaRule.MAX_INCREASED,
              "type: integer\nmaximum: 5 #old",
              "type: integer\nmaximum: 10 #new"),
          c(
              SchemaRule.MIN_INCREASED,
              "type: integer\nminimum: 1 #old",
              "type: integer\nminimum: 2 #new"),
          c(SchemaRule.MIN_DECREASED, "type: integer\nminimum: 2 #old", "type: integer"),
          c(
              SchemaRule.MAX_ITEMS_DECREASED,
              "type: array\nitems: {type: string}\nmaxItems: 5 #old",
              "type: array\nitems: {type: string}\nmaxItems: 3 #new"),
          c(
              SchemaRule.MAX_ITEMS_INCREASED,
              "type: array\nitems: {type: string}\nmaxItems: 3 #old",
              "type: array\nitems: {type: string}\nmaxItems: 5 #new"),
          c(
              SchemaRule.MIN_ITEMS_INCREASED,
              "type: array\nitems: {type: string}",
              "type: array\nitems: {type: string}\nminItems: 1 #new"),
          c(
              SchemaRule.MIN_ITEMS_DECREASED,
              "type: array\nitems: {type: string}\nminItems: 2 #old",
              "type: array\nitems: {type: string}\nminItems: 1 #new"),
          c(
              SchemaRule.UNIQUE_ITEMS_ADDED,
              "type: array\nitems: {type: string}",
              "type: array\nitems: {type: string}\nuniqueItems: true #new"),
          c(SchemaRule.PATTERN_ADDED, "type: string", "type: string\npattern: '^a' #new"),
          c(
              SchemaRule.PATTERN_CHANGED,
              "type: string\npattern: '^a' #old",
              "type: string\npattern: '^b' #new"),
          c(SchemaRule.PATTERN_REMOVED, "type: string\npattern: '^a' #old", "type: string"),
          c(
              SchemaRule.MULTIPLE_OF_CHANGED,
              "type: number\nmultipleOf: 2 #old",
              "type: number\nmultipleOf: 3 #new"),
          c(
              SchemaRule.DEFAULT_CHANGED,
              "type: string\ndefault: a #old",
              "type: string\ndefault: b #new"),
          c(
              SchemaRule.PROPERTY_REMOVED,
              "type: object\nproperties:\n  a: {type: string} #old\n  b: {type: string}",
              "type: object\nproperties: #new\n  b: {type: string}"),
          c(
              SchemaRule.PROPERTY_ADDED,
              "type: object\nproperties: #old\n  b: {type: string}",
              "type: object\nproperties:\n  b: {type: string}\n  a: {type: string} #new"),
          c(
              SchemaRule.PROPERTY_REQUIRED_ADDED,
              "type: object\nproperties: #old\n  b: {type: string}",
              "type: object\nrequired: [a]\nproperties:\n  b: {type: string}\n  a: {type: string} #new"),
          c(
              SchemaRule.PROPERTY_BECAME_REQUIRED,
              "type: object\nproperties:\n  a: {type: string} #old",
              "type: object\nrequired: [a] #new\nproperties:\n  a: {type: string}"),
          c(
              SchemaRule.PROPERTY_BECAME_OPTIONAL,
              "type: object\nrequired: [a] #old\nproperties:\n  a: {type: string}",
              "type: object\nproperties:\n  a: {type: string} #new"),
          c(
              SchemaRule.ADDITIONAL_PROPERTIES_CLOSED,
              "type: object\nproperties:\n  a: {type: string}",
              "type: object\nadditionalProperties: false #new\nproperties:\n  a: {type: string}"),
          c(
              SchemaRule.ADDITIONAL_PROPERTIES_OPENED,
              "type: object\nadditionalProperties: false #old\nproperties:\n  a: {type: string}",
              "type: object\nproperties:\n  a: {type: string}"),
          c(
              SchemaRule.ONE_OF_ALTERNATIVE_ADDED,
              "oneOf: #old\n  - {type: string}",
              "oneOf:\n  - {type: string}\n  - {type: integer} #new"),
          c(
              SchemaRule.ONE_OF_ALTERNATIVE_REMOVED,
              "oneOf:\n  - {type: string}\n  - {type: integer} #old",
              "oneOf: #new\n  - {type: string}"),
          c(
              SchemaRule.ANY_OF_ALTERNATIVE_ADDED,
              "anyOf: #old\n  - {type: string}",
              "anyOf:\n  - {type: string}\n  - {type: integer} #new"),
          c(
              SchemaRule.ANY_OF_ALTERNATIVE_REMOVED,
              "anyOf:\n  - {type: string}\n  - {type: integer} #old",
              "anyOf: #new\n  - {type: string}"),
          c(
              SchemaRule.COMPOSITION_CHANGED,
              "type: string",
              "oneOf: #new\n  - {type: integer}\n  - {type: boolean}"),
          c(
              SchemaRule.EXTENSIBLE_ENUM_VALUE_ADDED,
              "type: string\nx-extensible-enum: [a, b] #old",
              "type: string\nx-extensible-enum: [a, b, c] #new"),
          c(
              SchemaRule.EXTENSIBLE_ENUM_VALUE_REMOVED,
              "type: string\nx-extensible-enum: [a, b] #old",
              "type: string\nx-extensible-enum: [a] #new"),
          c(
              SchemaRule.MAX_PROPERTIES_DECREASED,
              "type: object\nmaxProperties: 5 #old",
              "type: object\nmaxProperties: 3 #new"),
          c(
              SchemaRule.MAX_PROPERTIES_INCREASED,
              "type: object\nmaxProperties: 3 #old",
              "type: object\nmaxProperties: 5 #new"),
          c(
              SchemaRule.MIN_PROPERTIES_INCREASED,
              "type: object",
              "type: object\nminProperties: 1 #new"),
          c(
              SchemaRule.MIN_PROPERTIES_DECREASED,
              "type: object\nminProperties: 2 #old",
              "type: object\nminProperties: 1 #new"),
          c(
              SchemaRule.UNIQUE_ITEMS_REMOVED,
              "type: array\nitems: {type: string}\nuniqueItems: true #old",
              "type: array\nitems: {type: string}"),
          c(
              SchemaRule.MULTIPLE_OF_NARROWED,
              "type: number\nmultipleOf: 2 #old",
              "type: number\nmultipleOf: 4 #new"),
          c(
              SchemaRule.MULTIPLE_OF_WIDENED,
              "type: number\nmultipleOf: 4 #old",
              "type: number\nmultipleOf: 2 #new"),
          c(
              SchemaRule.PROPERTY_REQUIRED_REMOVED,
              "type: object\nrequired: [a]\nproperties:\n  a: {type: string} #old\n  b: {type: string}",
              "type: object\nproperties: #new\n  b: {type: string}"),
          c(
              SchemaRule.PROPERTY_ADDED_TO_CLOSED,
              "type: object\nadditionalProperties: false\nproperties: #old\n  a: {type: string}",
              "type: object\nadditionalProperties: false\nproperties:\n  a: {type: string}\n  b: {type: string} #new"),
          c(
              SchemaRule.PROPERTY_REQUIRED_WITH_DEFAULT,
              "type: object\nproperties:\n  a: {type: string, default: x} #old",
              "type: object\nrequired: [a] #new\nproperties:\n  a: {type: string, default: x}"),
          c(
              SchemaRule.PROPERTY_BECAME_READ_ONLY,
              "type: object\nproperties:\n  a: {type: string} #old",
              "type: object\nproperties:\n  a: {type: string, readOnly: true} #new"),
          c(
              SchemaRule.PROPERTY_BECAME_WRITE_ONLY,
              "type: object\nproperties:\n  a: {type: string} #old",
              "type: object\nproperties:\n  a: {type: string, writeOnly: true} #new"),
          c(
              SchemaRule.ADDITIONAL_PROPERTIES_RESTRICTED,
              "type: object",
              "type: object\nadditionalProperties: {type: string} #new"),
          c(
              SchemaRule.ADDITIONAL_PROPERTIES_UNRESTRICTED,
              "type: object\nadditionalProperties: {type: string} #old",
              "type: object"),
          c(SchemaRule.NOT_ADDED, "type: string", "type: string\nnot: {enum: [x]} #new"),
          c(SchemaRule.NOT_REMOVED, "type: string\nnot: {enum: [x]} #old", "type: string"),
          c(
              SchemaRule.NOT_CHANGED,
              "type: string\nnot: {enum: [x]} #old",
              "type: string\nnot: {enum: [y]} #new"),
          c(
              SchemaRule.DISCRIMINATOR_ADDED_OR_REMOVED,
              "type: object",
              "type: object\ndiscriminator: #new\n  propertyName: kind"),
          c(
              SchemaRule.DISCRIMINATOR_MAPPING_ADDED,
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping: #old\n    a: A",
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping:\n    a: A\n    b: B #new"),
          c(
              SchemaRule.DISCRIMINATOR_MAPPING_REMOVED,
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping:\n    a: A\n    b: B #old",
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping: #new\n    a: A"),
          c(
              SchemaRule.DISCRIMINATOR_MAPPING_CHANGED,
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping:\n    a: A #old",
              "type: object\ndiscriminator:\n  propertyName: kind\n  mapping:\n    a: B #new"),
          c(
              SchemaRule.DISCRIMINATOR_CHANGED,
              "type: object\ndiscriminator:\n  propertyName: kind #old",
              "type: object\ndiscriminator:\n  propertyName: type #new"),
          new SchemaCase(
              SchemaRule.DEPENDENT_REQUIRED_ADDED,
              "type: object",
              "type: object\ndependentRequired:\n  a: [b] #new",
              true));

  private static SchemaCase c(SchemaRule rule, String oldSchema, String newSchema) {
    return new SchemaCase(rule, oldSchema, newSchema, false);
  }

  /** The places a schema can be, with a template holding {@code %s} where it goes. */
  enum Place {
    REQUEST_BODY(
        Rules.REQUEST_BODY,
        """
        paths:
          /x:
            post:
              requestBody:
                content:
                  application/json:
                    schema: #S
        %s
              responses:
                '204': {description: done}
        """,
        14),
    REQUEST_PARAMETER(
        Rules.REQUEST_PARAMETER,
        """
        paths:
          /x:
            get:
              parameters:
                - name: q
                  in: query
                  schema: #S
        %s
              responses:
                '204': {description: done}
        """,
        12),
    RESPONSE_BODY(
        Rules.RESPONSE_BODY,
        """
        paths:
          /x:
            get:
              responses:
                '200':
                  description: ok
                  content:
                    application/json:
                      schema: #S
        %s
        """,
        16),
    RESPONSE_HEADER(
        Rules.RESPONSE_HEADER,
        """
        paths:
          /x:
            get:
              responses:
                '200':
                  description: ok
                  headers:
                    X-H:
                      schema: #S
        %s
        """,
        16),
    MESSAGE_PAYLOAD(
        Rules.MESSAGE_PAYLOAD,
        """
        channels:
          orders:
            subscribe:
              message:
                name: OrderCreated
                payload: #S
        %s
        """,
        10),
    MESSAGE_HEADERS(
        Rules.MESSAGE_HEADERS,
        """
        channels:
          orders:
            subscribe:
              message:
                name: OrderCreated
                payload: {type: object}
                headers:
                  type: object
                  properties:
                    h: #S
        %s
        """,
        14);

    final Rules.SchemaPrefix prefix;
    final String template;
    final int indent;

    Place(Rules.SchemaPrefix prefix, String template, int indent) {
      this.prefix = prefix;
      this.template = template;
      this.indent = indent;
    }

    boolean isAsyncApi() {
      return prefix.prefix().startsWith("asyncapi.");
    }

    String document(String schema, boolean openApi31) {
      String pad = " ".repeat(indent);
      String body =
          Arrays.stream(schema.split("\n")).map(l -> pad + l).collect(Collectors.joining("\n"));
      String head =
          isAsyncApi()
              ? "asyncapi: 2.6.0\ninfo: {title: T, version: '1'}\n"
              : "openapi: "
                  + (openApi31 ? "3.1.0" : "3.0.3")
                  + "\ninfo: {title: T, version: '1'}\n";
      return head + template.formatted(body);
    }
  }

  record Example(String ruleId, Place place, SchemaCase schemaCase) {
    @Override
    public String toString() {
      return ruleId;
    }
  }

  static Stream<Example> examples() {
    List<Example> out = new ArrayList<>();
    for (Place place : Place.values()) {
      for (SchemaCase c : CASES) {
        out.add(new Example(place.prefix.prefix() + c.rule().suffix(), place, c));
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("examples")
  void reportsTheRuleWithItsLevelAndBothLocations(Example example, @TempDir Path dir)
      throws Exception {
    SchemaCase c = example.schemaCase();
    String oldText = example.place().document(c.oldSchema(), c.openApi31());
    String newText = example.place().document(c.newSchema(), c.openApi31());
    Path oldFile = Specs.write(dir, "old.yaml", oldText);
    Path newFile = Specs.write(dir, "new.yaml", newText);
    DiffReport report =
        example.place().isAsyncApi()
            ? AsyncApiDiff.compare(Specs.asyncApi(oldFile), Specs.asyncApi(newFile))
            : OpenApiDiff.compare(Specs.openApi(oldFile), Specs.openApi(newFile));

    List<Change> found = report.withRule(example.ruleId());
    assertThat(found).as(report.changes().toString()).hasSize(1);
    Change change = found.get(0);
    Rule rule = RuleCatalog.find(example.ruleId()).orElseThrow();
    assertThat(change.level()).isEqualTo(rule.level());
    assertThat(change.level()).isEqualTo(c.rule().level(example.place().prefix.direction()));
    assertThat(change.oldLocation().map(SourceLocation::line))
        .contains(Specs.lineOf(oldText, oldText.contains("#old") ? "#old" : "#S"));
    assertThat(change.newLocation().map(SourceLocation::line))
        .contains(Specs.lineOf(newText, newText.contains("#new") ? "#new" : "#S"));
    assertThat(change.oldLocation().get().file()).isEqualTo(oldFile);
    assertThat(change.newLocation().get().file()).isEqualTo(newFile);
    assertThat(Files.exists(newFile)).isTrue();
  }
}
