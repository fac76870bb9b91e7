package dev.interlock.diff.internal;

import static dev.interlock.diff.Change.Level.BREAKING;
import static dev.interlock.diff.Change.Level.NON_BREAKING;
import static dev.interlock.diff.Change.Level.POTENTIALLY_BREAKING;

import dev.interlock.diff.Change.Level;

/**
 * The rules that compare two schemas. Each has one level when the schema describes a request (the
 * caller writes, the API reads) and one when it describes a response (the API writes, the consumer
 * reads); a message payload takes the worse of the two.
 */
public enum SchemaRule {
  TYPE_NARROWED("type-narrowed", BREAKING, NON_BREAKING, "a type is no longer accepted"),
  TYPE_WIDENED("type-widened", NON_BREAKING, BREAKING, "a type is now also allowed"),
  TYPE_CHANGED("type-changed", BREAKING, BREAKING, "the type changed incompatibly"),
  FORMAT_ADDED("format-added", BREAKING, NON_BREAKING, "a format was added"),
  FORMAT_REMOVED("format-removed", NON_BREAKING, POTENTIALLY_BREAKING, "the format was removed"),
  FORMAT_CHANGED("format-changed", BREAKING, BREAKING, "the format changed"),
  BECAME_NULLABLE("became-nullable", NON_BREAKING, BREAKING, "null is now allowed"),
  BECAME_NON_NULLABLE("became-non-nullable", BREAKING, NON_BREAKING, "null is no longer allowed"),
  ENUM_VALUE_ADDED("enum-value-added", NON_BREAKING, BREAKING, "an enum value was added"),
  ENUM_VALUE_REMOVED("enum-value-removed", BREAKING, NON_BREAKING, "an enum value was removed"),
  ENUM_ADDED("enum-added", BREAKING, NON_BREAKING, "values are now restricted to an enum"),
  ENUM_REMOVED("enum-removed", NON_BREAKING, BREAKING, "the enum restriction was dropped"),
  MAX_LENGTH_DECREASED(
      "max-length-decreased", BREAKING, NON_BREAKING, "maxLength was added or decreased"),
  MAX_LENGTH_INCREASED(
      "max-length-increased",
      NON_BREAKING,
      POTENTIALLY_BREAKING,
      "maxLength was raised or dropped"),
  MIN_LENGTH_INCREASED(
      "min-length-increased", BREAKING, NON_BREAKING, "minLength was added or increased"),
  MIN_LENGTH_DECREASED(
      "min-length-decreased",
      NON_BREAKING,
      POTENTIALLY_BREAKING,
      "minLength was lowered or dropped"),
  MAX_DECREASED("max-decreased", BREAKING, NON_BREAKING, "maximum was added or decreased"),
  MAX_INCREASED(
      "max-increased", NON_BREAKING, POTENTIALLY_BREAKING, "maximum was raised or dropped"),
  MIN_INCREASED("min-increased", BREAKING, NON_BREAKING, "minimum was added or increased"),
  MIN_DECREASED(
      "min-decreased", NON_BREAKING, POTENTIALLY_BREAKING, "minimum was lowered or dropped"),
  MAX_ITEMS_DECREASED(
      "max-items-decreased", BREAKING, NON_BREAKING, "maxItems was added or decreased"),
  MAX_ITEMS_INCREASED(
      "max-items-increased", NON_BREAKING, POTENTIALLY_BREAKING, "maxItems was raised or dropped"),
  MIN_ITEMS_INCREASED(
      "min-items-increased", BREAKING, NON_BREAKING, "minItems was added or increased"),
  MIN_ITEMS_DECREASED(
      "min-items-decreased", NON_BREAKING, POTENTIALLY_BREAKING, "minItems was lowered or dropped"),
  UNIQUE_ITEMS_ADDED("unique-items-added", BREAKING, NON_BREAKING, "items must now be unique"),
  PATTERN_ADDED(
      "pattern-added", POTENTIALLY_BREAKING, NON_BREAKING, "a pattern was added (values may fail)"),
  PATTERN_CHANGED(
      "pattern-changed",
      POTENTIALLY_BREAKING,
      NON_BREAKING,
      "the pattern changed (values may fail)"),
  PATTERN_REMOVED("pattern-removed", NON_BREAKING, NON_BREAKING, "the pattern was removed"),
  MULTIPLE_OF_CHANGED(
      "multiple-of-changed", POTENTIALLY_BREAKING, NON_BREAKING, "multipleOf was added or changed"),
  DEFAULT_CHANGED(
      "default-changed",
      POTENTIALLY_BREAKING,
      NON_BREAKING,
      "the default value changed (callers that omit the value get another behaviour)"),
  PROPERTY_REMOVED(
      "property.removed",
      POTENTIALLY_BREAKING,
      BREAKING,
      "a property was removed (callers may still send it; consumers may read it)"),
  PROPERTY_ADDED("property.added", NON_BREAKING, NON_BREAKING, "an optional property was added"),
  PROPERTY_REQUIRED_ADDED(
      "property.required-added", BREAKING, NON_BREAKING, "a new required property was added"),
  PROPERTY_BECAME_REQUIRED(
      "property.became-required", BREAKING, NON_BREAKING, "an optional property became required"),
  PROPERTY_BECAME_OPTIONAL(
      "property.became-optional", NON_BREAKING, BREAKING, "a required property became optional"),
  ADDITIONAL_PROPERTIES_CLOSED(
      "additional-properties-closed",
      BREAKING,
      NON_BREAKING,
      "additionalProperties became false: unknown properties are refused"),
  ADDITIONAL_PROPERTIES_OPENED(
      "additional-properties-opened",
      NON_BREAKING,
      POTENTIALLY_BREAKING,
      "additionalProperties are now allowed"),
  ONE_OF_ALTERNATIVE_ADDED(
      "one-of.alternative-added", NON_BREAKING, BREAKING, "a oneOf alternative was added"),
  ONE_OF_ALTERNATIVE_REMOVED(
      "one-of.alternative-removed", BREAKING, NON_BREAKING, "a oneOf alternative was removed"),
  ANY_OF_ALTERNATIVE_ADDED(
      "any-of.alternative-added", NON_BREAKING, BREAKING, "an anyOf alternative was added"),
  ANY_OF_ALTERNATIVE_REMOVED(
      "any-of.alternative-removed", BREAKING, NON_BREAKING, "an anyOf alternative was removed"),
  COMPOSITION_CHANGED(
      "composition-changed",
      POTENTIALLY_BREAKING,
      POTENTIALLY_BREAKING,
      "a schema became, or stopped being, a oneOf/anyOf composition"),
  DISCRIMINATOR_CHANGED(
      "discriminator-changed",
      POTENTIALLY_BREAKING,
      POTENTIALLY_BREAKING,
      "the discriminator property changed"),
  DEPENDENT_REQUIRED_ADDED(
      "dependent-required-added",
      BREAKING,
      NON_BREAKING,
      "a dependentRequired (OpenAPI 3.1) requirement was added");

  private final String suffix;
  private final Level requestLevel;
  private final Level responseLevel;
  private final String description;

  SchemaRule(String suffix, Level requestLevel, Level responseLevel, String description) {
    this.suffix = suffix;
    this.requestLevel = requestLevel;
    this.responseLevel = responseLevel;
    this.description = description;
  }

  public String suffix() {
    return suffix;
  }

  public String description() {
    return description;
  }

  public Level level(Direction direction) {
    return switch (direction) {
      case REQUEST -> requestLevel;
      case RESPONSE -> responseLevel;
      case BOTH -> Level.worst(requestLevel, responseLevel);
    };
  }
}
